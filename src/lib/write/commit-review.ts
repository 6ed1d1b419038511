import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Written beside a review's files: what the last ingest wrote, so hand edits can be told apart. */
export const MANIFEST = '.ingest-manifest.json';

export class EditedContentError extends Error {
  readonly dir: string;
  readonly edited: string[];

  constructor(dir: string, edited: string[]) {
    super(
      `${dir}: ${edited.join(', ')} changed since the last ingest; ` +
        'refusing to overwrite hand edits (move them aside, or pass --force to discard them)',
    );
    this.name = 'EditedContentError';
    this.dir = dir;
    this.edited = edited;
  }
}

/**
 * Replaces `targetDir` with exactly `files`, all or nothing: the files go to a sibling temp
 * folder first and are swapped in by rename, so a failure at any point leaves the old tree.
 */
export async function commitReview(
  targetDir: string,
  files: ReadonlyMap<string, string>,
  options: { force?: boolean } = {},
): Promise<void> {
  if (!options.force) {
    const edited = await editedFiles(targetDir);
    if (edited.length > 0) throw new EditedContentError(targetDir, edited);
  }
  const parent = dirname(targetDir);
  await mkdir(parent, { recursive: true });
  const tag = randomBytes(4).toString('hex');
  const staging = join(parent, `.staging-${tag}`);
  const retired = join(parent, `.retired-${tag}`);
  try {
    const manifest: Record<string, string> = {};
    for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const file = join(staging, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text, 'utf8');
      manifest[path] = sha256(text);
    }
    await writeFile(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const hadTarget = existsSync(targetDir);
    if (hadTarget) await rename(targetDir, retired);
    try {
      await rename(staging, targetDir);
    } catch (error) {
      if (hadTarget) await rename(retired, targetDir);
      throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
  }
}

/** Files in `dir` that differ from what the last ingest wrote there (or were added by hand). */
export async function editedFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  let manifest: Record<string, string>;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Record<string, string>;
  } catch {
    // Content without a manifest was not written by an ingest: all of it is someone's work.
    return (await listFiles(dir)).filter((f) => f !== MANIFEST);
  }
  const edited: string[] = [];
  for (const path of await listFiles(dir)) {
    if (path === MANIFEST) continue;
    const text = await readFile(join(dir, path), 'utf8');
    if (manifest[path] !== sha256(text)) edited.push(path);
  }
  return edited;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

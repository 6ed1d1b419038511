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

/** A review folder to replace and the files it should hold afterwards. */
export interface ReviewWrite {
  dir: string;
  files: ReadonlyMap<string, string>;
}

/**
 * Replaces each `dir` with exactly its `files`, all or nothing: every folder is staged beside
 * its target first, then swapped in by rename; if any step fails, every target is put back as
 * it was, so a failed ingest never leaves a half-written `content/` tree.
 */
export async function commitReviews(writes: ReviewWrite[], options: { force?: boolean } = {}): Promise<void> {
  if (!options.force) {
    for (const { dir } of writes) {
      const edited = await editedFiles(dir);
      if (edited.length > 0) throw new EditedContentError(dir, edited);
    }
  }
  const tag = randomBytes(4).toString('hex');
  const plans = writes.map(({ dir, files }, i) => ({
    dir,
    files,
    staging: join(dirname(dir), `.staging-${tag}-${i}`),
    retired: join(dirname(dir), `.retired-${tag}-${i}`),
    swapped: false,
    hadTarget: false,
  }));
  try {
    for (const plan of plans) await stage(plan.staging, plan.files);
    for (const plan of plans) {
      plan.hadTarget = existsSync(plan.dir);
      if (plan.hadTarget) await rename(plan.dir, plan.retired);
      plan.swapped = true;
      await rename(plan.staging, plan.dir);
    }
  } catch (error) {
    for (const plan of plans.filter((p) => p.swapped).reverse()) {
      await rm(plan.dir, { recursive: true, force: true });
      if (plan.hadTarget) await rename(plan.retired, plan.dir);
    }
    throw error;
  } finally {
    for (const plan of plans) {
      await rm(plan.staging, { recursive: true, force: true });
      await rm(plan.retired, { recursive: true, force: true });
    }
  }
}

async function stage(staging: string, files: ReadonlyMap<string, string>): Promise<void> {
  const manifest: Record<string, string> = {};
  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const file = join(staging, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text, 'utf8');
    manifest[path] = sha256(text);
  }
  await writeFile(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
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

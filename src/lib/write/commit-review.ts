import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Written beside a review's files: what the last ingest wrote, so hand edits can be told apart. */
export const MANIFEST = '.ingest-manifest.json';

export class EditedContentError extends Error {
  readonly dir: string;
  readonly edited: string[];
  /** A unified diff of the first edited file: what this ingest would write -> what is there. */
  readonly diff: string;

  constructor(dir: string, edited: string[], diff = '') {
    super(
      `${dir}: ${edited.join(', ')} changed since the last ingest; ` +
        'refusing to overwrite hand edits (move them aside, or pass --force to discard them)' +
        (diff === '' ? '' : `\n${diff}`),
    );
    this.name = 'EditedContentError';
    this.dir = dir;
    this.edited = edited;
    this.diff = diff;
  }
}

/** Lines of a diff shown at most, so a rewritten file does not flood the terminal. */
const DIFF_LINES = 24;

/**
 * A short unified diff from `before` to `after`: one hunk spanning everything between the common
 * first and last lines, with two lines of context, cut to DIFF_LINES lines.
 */
export function shortDiff(
  path: string,
  before: string,
  after: string,
  labels = ['ingest', 'edited'],
): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const context = 2;
  const start = Math.max(0, head - context);
  const aEnd = Math.min(a.length, a.length - tail + context);
  const bEnd = Math.min(b.length, b.length - tail + context);
  const lines = [
    ...a.slice(start, head).map((l) => ` ${l}`),
    ...a.slice(head, a.length - tail).map((l) => `-${l}`),
    ...b.slice(head, b.length - tail).map((l) => `+${l}`),
    ...a.slice(a.length - tail, aEnd).map((l) => ` ${l}`),
  ];
  const shown =
    lines.length > DIFF_LINES
      ? [...lines.slice(0, DIFF_LINES), `… ${lines.length - DIFF_LINES} more lines`]
      : lines;
  return [
    `--- ${path} (${labels[0]})`,
    `+++ ${path} (${labels[1]})`,
    `@@ -${start + 1},${aEnd - start} +${start + 1},${bEnd - start} @@`,
    ...shown,
  ].join('\n');
}

/** The diff of the first hand-edited file against what this ingest would write in its place. */
async function editDiff(dir: string, path: string, files: ReviewFiles): Promise<string> {
  const written = files.get(path) ?? '';
  if (typeof written !== 'string') return `${path}: an image, changed by hand`;
  try {
    return shortDiff(path, written, await readFile(join(dir, path), 'utf8'), [
      files.has(path) ? 'this ingest' : 'not written by an ingest',
      'edited',
    ]);
  } catch {
    return '';
  }
}

/** A review folder to replace and the files it should hold afterwards. */
export interface ReviewWrite {
  dir: string;
  files: ReviewFiles;
}

/** Relative path -> text (UTF-8) or bytes (figure images). */
export type ReviewFiles = ReadonlyMap<string, string | Uint8Array>;

/**
 * Replaces each `dir` with exactly its `files`, all or nothing: every folder is staged beside
 * its target first, then swapped in by rename; if any step fails, every target is put back as
 * it was, so a failed ingest never leaves a half-written `content/` tree.
 */
export async function commitReviews(writes: ReviewWrite[], options: { force?: boolean } = {}): Promise<void> {
  if (!options.force) {
    for (const { dir, files } of writes) {
      const edited = await editedFiles(dir);
      const [first] = edited;
      if (first !== undefined) throw new EditedContentError(dir, edited, await editDiff(dir, first, files));
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

async function stage(staging: string, files: ReviewFiles): Promise<void> {
  const manifest: Record<string, string> = {};
  for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const file = join(staging, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
    manifest[path] = sha256(content);
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
    // Bytes, not text: images are content too, and a text file hashes the same either way.
    if (manifest[path] !== sha256(await readFile(join(dir, path)))) edited.push(path);
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

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

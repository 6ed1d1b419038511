/**
 * A digest of every file of a built site, and what differs between two: a rebuild that kept the
 * caches must write the same bytes as the cold build before it, or a cache served something stale.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Path inside `dist` -> SHA-256 of the file's bytes. */
export type DistDigest = ReadonlyMap<string, string>;

export async function digestDist(dist: string): Promise<DistDigest> {
  const digest = new Map<string, string>();
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    digest.set(
      relative(dist, path),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return digest;
}

export interface DistDiff {
  files: number;
  /** Paths in both with different bytes, sorted. */
  changed: string[];
  /** Paths only the first (`before`) or only the second (`after`) has, sorted. */
  removed: string[];
  added: string[];
}

export function diffDigests(before: DistDigest, after: DistDigest): DistDiff {
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [path, hash] of before) {
    const other = after.get(path);
    if (other === undefined) removed.push(path);
    else if (other !== hash) changed.push(path);
  }
  const added = [...after.keys()].filter((path) => !before.has(path));
  return { files: after.size, changed: changed.sort(), removed: removed.sort(), added: added.sort() };
}

export const identical = (d: DistDiff): boolean =>
  d.changed.length === 0 && d.removed.length === 0 && d.added.length === 0;

/** "identical (N files)" or what differs, the first few paths of each kind. */
export function describeDiff(d: DistDiff, shown = 3): string {
  if (identical(d)) return `identical (${d.files.toLocaleString('en-US')} files)`;
  const part = (label: string, paths: string[]): string =>
    paths.length === 0
      ? ''
      : `${paths.length} ${label} (${paths.slice(0, shown).join(', ')}${paths.length > shown ? ', …' : ''})`;
  return [part('differ', d.changed), part('missing', d.removed), part('new', d.added)]
    .filter((p) => p !== '')
    .join('; ');
}

import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { writeAtomically } from '../write/write-atomically.ts';

/**
 * Formatted entries kept on disk between builds, so an unchanged reference is never formatted
 * again: one JSON file per style under `dir` (`node_modules/.cache/lectern/` by default, safe
 * to delete), mapping a digest of (item, style file, citation-js and citeproc versions) to the
 * entry's HTML. Written whole, with sorted keys, to a temp file renamed into place, so a reader
 * never sees half a file and the same entries always give the same bytes.
 */
export interface FormatCache {
  /** The cached HTML of `item` in `style`, if any. */
  get(style: string, digest: string): string | undefined;
  set(style: string, digest: string, html: string): void;
  /** Writes the styles that gained entries. */
  save(): Promise<void>;
}

/** Where the cache lives under a project root. */
export function defaultCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'lectern');
}

/** Beyond this many entries a style's file keeps only those of the last build. */
const MAX_ENTRIES = 200_000;

let engines: string | undefined;

/** citation-js (as rehype-citation bundles it) and citeproc versions: a new one re-formats everything. */
export function engineVersions(): string {
  if (engines !== undefined) return engines;
  const require = createRequire(import.meta.url);
  const version = (entry: string): string => {
    let dir = dirname(require.resolve(entry));
    for (let i = 0; i < 5; i++) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === entry) return `${entry}@${pkg.version ?? '?'}`;
      }
      dir = dirname(dir);
    }
    return `${entry}@?`;
  };
  engines = [version('rehype-citation'), version('citeproc')].join(' ');
  return engines;
}

/** The hash of engines and style, by style XML, copied for each item (a style file is up to 85 KB). */
const styleHashes = new Map<string, Hash>();

/** The cache key of `item` formatted by the style whose CSL is `styleXml`. */
export function entryDigest(item: unknown, styleXml: string): string {
  let base = styleHashes.get(styleXml);
  if (base === undefined) {
    base = createHash('sha256').update(engineVersions()).update('\0').update(styleXml).update('\0');
    styleHashes.set(styleXml, base);
  }
  return base.copy().update(JSON.stringify(item)).digest('base64url');
}

/** Opens the cache in `dir` (or a cache that keeps nothing when `dir` is undefined). */
export async function openFormatCache(
  dir: string | undefined,
  styles: readonly string[],
): Promise<FormatCache> {
  const stored = new Map<string, Map<string, string>>();
  const used = new Map<string, Set<string>>();
  const dirty = new Set<string>();
  const file = (style: string): string => join(dir ?? '', `entries-${style}.json`);
  for (const style of styles) {
    used.set(style, new Set<string>());
    let entries = new Map<string, string>();
    if (dir !== undefined) {
      try {
        const parsed = JSON.parse(await readFile(file(style), 'utf8')) as Record<string, unknown>;
        entries = new Map(
          Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
      } catch {
        // Missing or unreadable: start empty, it is only a cache.
      }
    }
    stored.set(style, entries);
  }
  return {
    get(style, digest) {
      const html = stored.get(style)?.get(digest);
      if (html !== undefined) used.get(style)?.add(digest);
      return html;
    },
    set(style, digest, html) {
      let entries = stored.get(style);
      if (!entries) stored.set(style, (entries = new Map<string, string>()));
      entries.set(digest, html);
      let seen = used.get(style);
      if (!seen) used.set(style, (seen = new Set<string>()));
      seen.add(digest);
      dirty.add(style);
    },
    async save() {
      if (dir === undefined || dirty.size === 0) return;
      await mkdir(dir, { recursive: true });
      for (const style of [...dirty].sort()) {
        const entries = stored.get(style) ?? new Map<string, string>();
        const keep = used.get(style) ?? new Set<string>();
        const keys = [...entries.keys()].filter((k) => entries.size <= MAX_ENTRIES || keep.has(k)).sort();
        const text = `${JSON.stringify(Object.fromEntries(keys.map((k) => [k, entries.get(k)])))}\n`;
        await writeAtomically(file(style), text);
      }
      dirty.clear();
    },
  };
}

/**
 * The site zip's compressed entries kept between builds, so a rebuild deflates only the files
 * that changed: deflating every file at level 9 was the largest single cost of a rebuild with
 * nothing changed at 10,000 references (131 MB of pages). The cache is the last zip itself plus
 * an index of where each file's compressed bytes sit in it, keyed by the file's name and the
 * SHA-256 of its bytes, under `node_modules/.cache/lectern/site-archive/` (safe to delete). An
 * entry taken from it is the bytes deflating that file again would give with the same zlib, so
 * the zip stays byte-identical to a cold build's; a new zlib version starts the cache afresh.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { writeAtomically } from '../lib/write/write-atomically.ts';

/** A file as it goes into the zip: its bytes' CRC-32 and size, and the body the zip stores. */
export interface PackedEntry {
  name: string;
  crc: number;
  size: number;
  /** 8 (deflated) or 0 (stored: deflating did not make it smaller). */
  method: 0 | 8;
  body: Buffer;
}

/** Compresses one file for the zip: deflated at level 9 where that is smaller, else stored. */
export function packEntry(name: string, data: Buffer): PackedEntry {
  const deflated = deflateRawSync(data, { level: 9 });
  const useDeflate = deflated.length < data.length;
  return {
    name,
    crc: crc32(data),
    size: data.length,
    method: useDeflate ? 8 : 0,
    body: useDeflate ? deflated : data,
  };
}

interface IndexEntry {
  sha: string;
  crc: number;
  size: number;
  method: 0 | 8;
  offset: number;
  length: number;
}

interface CacheIndex {
  /** What makes the compressed bytes: a different one invalidates every entry. */
  engine: string;
  entries: Record<string, IndexEntry>;
}

const ENGINE = `zlib ${process.versions.zlib} deflateRaw level 9`;
const ZIP_FILE = 'archive.zip';
const INDEX_FILE = 'archive.json';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('base64url');

export interface ArchiveCache {
  /** `name`'s entry for `data`, from the cache when the same bytes were packed last time. */
  pack(name: string, data: Buffer): PackedEntry;
  /** Keeps `zip` (made of the entries `pack` gave, at `offsets`) as the cache for the next build. */
  save(zip: Buffer, offsets: Map<string, number>): Promise<void>;
  /** How many entries came from the cache. */
  readonly reused: number;
}

/** Opens the cache in `dir`, or one that keeps nothing when `dir` is undefined. */
export async function openArchiveCache(dir: string | undefined): Promise<ArchiveCache> {
  let previous: Buffer | undefined;
  let index: CacheIndex | undefined;
  if (dir !== undefined) {
    try {
      const parsed = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')) as CacheIndex;
      if (parsed.engine === ENGINE) {
        previous = await readFile(join(dir, ZIP_FILE));
        index = parsed;
      }
    } catch {
      // Missing or unreadable: start empty, it is only a cache.
    }
  }
  const next: Record<string, IndexEntry> = {};
  let reused = 0;
  return {
    get reused() {
      return reused;
    },
    pack(name, data) {
      const sha = sha256(data);
      const old = index?.entries[name];
      let entry: PackedEntry;
      if (
        previous !== undefined &&
        old?.sha === sha &&
        old.size === data.length &&
        old.offset + old.length <= previous.length
      ) {
        entry = {
          name,
          crc: old.crc,
          size: old.size,
          method: old.method,
          body: previous.subarray(old.offset, old.offset + old.length),
        };
        reused += 1;
      } else {
        entry = packEntry(name, data);
      }
      next[name] = {
        sha,
        crc: entry.crc,
        size: entry.size,
        method: entry.method,
        offset: -1,
        length: entry.body.length,
      };
      return entry;
    },
    async save(zip, offsets) {
      if (dir === undefined) return;
      for (const [name, entry] of Object.entries(next)) entry.offset = offsets.get(name) ?? -1;
      const entries = Object.fromEntries(Object.entries(next).filter(([, e]) => e.offset >= 0));
      await mkdir(dir, { recursive: true });
      // No index while the zip is replaced: an interrupted save leaves an empty cache, never an
      // index pointing into another zip.
      await rm(join(dir, INDEX_FILE), { force: true });
      await writeAtomically(join(dir, ZIP_FILE), zip);
      await writeAtomically(join(dir, INDEX_FILE), JSON.stringify({ engine: ENGINE, entries }));
    },
  };
}

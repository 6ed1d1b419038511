import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SourceError } from '../errors.ts';

/**
 * Answers from online look-ups, kept next to the review (`content/reviews/<slug>/resolution.json`)
 * so a re-run needs no network and gives the same result. Negative answers (NOT_FOUND, unknown
 * DOI) are kept too. The text is written with sorted keys so identical contents are identical bytes.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ResolutionCache {
  /** The file this cache was loaded from, if any. */
  readonly path: string | undefined;
  get(key: string): JsonValue | undefined;
  set(key: string, value: JsonValue): void;
  has(key: string): boolean;
  /** Keys in sorted order. */
  keys(): string[];
  readonly size: number;
}

export const RESOLUTION_CACHE_VERSION = 1;

/** `content/reviews/<slug>/resolution.json` under the project's content folder. */
export function resolutionCachePath(contentDir: string, slug: string): string {
  return join(contentDir, 'reviews', slug, 'resolution.json');
}

/** Request keys: the service, then what was asked, normalised (DOIs lower-cased). */
export const cacheKey = {
  idconv: (id: string): string => `idconv:${normaliseId(id)}`,
  esearchDoi: (doi: string): string => `esearch-doi:${doi.trim().toLowerCase()}`,
  ecitmatch: (fields: readonly string[]): string =>
    `ecitmatch:${fields
      .map((f) =>
        f
          .replace(/[|\s]+/g, ' ')
          .trim()
          .toLowerCase(),
      )
      .join('|')}`,
  crossref: (doi: string): string => `crossref:${doi.trim().toLowerCase()}`,
  /** The PMID's PubMed record, as the CSL fields `--resolve` takes from it. */
  pubmed: (pmid: string): string => `pubmed:${pmid.trim()}`,
};

function normaliseId(id: string): string {
  const trimmed = id.trim();
  return /^pmc\d+$/i.test(trimmed) ? trimmed.toUpperCase() : trimmed.toLowerCase();
}

export function createResolutionCache(
  entries: Readonly<Record<string, JsonValue>> = {},
  path?: string,
): ResolutionCache {
  const map = new Map<string, JsonValue>();
  for (const [key, value] of Object.entries(entries)) map.set(key, clone(value));
  return {
    path,
    get: (key) => {
      const value = map.get(key);
      return value === undefined ? undefined : clone(value);
    },
    set: (key, value) => {
      map.set(key, clone(value));
    },
    has: (key) => map.has(key),
    keys: () => [...map.keys()].sort(compare),
    get size() {
      return map.size;
    },
  };
}

/** Reads a cache file's text; a file that is not a Lectern resolution cache is a `SourceError`. */
export function parseResolutionCache(text: string, path: string): ResolutionCache {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new SourceError(path, undefined, 'a JSON resolution cache', text.slice(0, 80));
  }
  if (
    !isObject(body) ||
    body.version !== RESOLUTION_CACHE_VERSION ||
    !isObject(body.entries) ||
    !Object.keys(body).every((key) => key === 'version' || key === 'entries')
  ) {
    throw new SourceError(path, undefined, `{"version": ${RESOLUTION_CACHE_VERSION}, "entries": {…}}`);
  }
  return createResolutionCache(body.entries as Record<string, JsonValue>, path);
}

/** The cache at `path`, or an empty one when the file does not exist yet. */
export async function loadResolutionCache(path: string): Promise<ResolutionCache> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isObject(error) && error.code === 'ENOENT') return createResolutionCache({}, path);
    throw error;
  }
  return parseResolutionCache(text, path);
}

/** The cache as file text: sorted keys at every level, two-space indent, final newline. */
export function saveResolutionCache(cache: ResolutionCache): string {
  const entries: Record<string, JsonValue> = {};
  for (const key of cache.keys()) {
    const value = cache.get(key);
    if (value !== undefined) entries[key] = value;
  }
  return `${JSON.stringify(sortKeys({ version: RESOLUTION_CACHE_VERSION, entries }), null, 2)}\n`;
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(value).sort(compare)) {
    const child = value[key];
    if (child !== undefined) out[key] = sortKeys(child);
  }
  return out;
}

function clone(value: JsonValue): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

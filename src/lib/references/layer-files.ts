import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Library, LibraryReview } from './library.ts';
import { writeAtomically } from '../write/write-atomically.ts';

/**
 * The reference layer as files: one JSON file per review and an index, written by the content
 * loader (src/lib/loaders/reference-lists.ts) and read by the pages (read-layer.ts) and the
 * build-done integrations (library-location.ts). Not in Astro's data store: the store is
 * serialised whole with devalue, loaded back whole at the next start and bundled into the
 * prerender chunk as one string, which at 10,000 references (29 MB of layer) cost more CPU time
 * and memory than rendering the pages. A page reads only the reviews it shows, and each file
 * is parsed once per process.
 */

/** The folder under the format cache's folder (node_modules/.cache/lectern/) holding the files. */
export const LAYER_FOLDER = 'layer';
const INDEX_FILE = 'index.json';

/** Where one review's layer is, and the digest of its bytes (what the content store keeps). */
export interface LayerFile {
  slug: string;
  file: string;
  digest: string;
}

/** What the index file holds: the reviews in order, the library's stats and the content signature. */
export interface LayerIndex {
  /** The content signature (library.ts contentSignature) the layer was worked out from. */
  signature: string;
  reviews: LayerFile[];
  stats: Library['stats'];
}

export function layerDir(cacheDir: string): string {
  return join(cacheDir, LAYER_FOLDER);
}

const digestOf = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * Writes each review of `library` to `<dir>/<slug>.json` (only when its bytes changed) and the
 * index, and removes the files of reviews that are gone.
 */
export async function writeLayer(dir: string, library: Library, signature: string): Promise<LayerIndex> {
  await mkdir(dir, { recursive: true });
  const reviews: LayerFile[] = [];
  for (const review of library.reviews) {
    const file = join(dir, `${review.slug}.json`);
    const text = JSON.stringify(review);
    const old = await readFile(file, 'utf8').catch(() => undefined);
    if (old !== text) await writeAtomically(file, text);
    reviews.push({ slug: review.slug, file, digest: digestOf(text) });
  }
  const index: LayerIndex = { signature, reviews, stats: library.stats };
  await writeAtomically(join(dir, INDEX_FILE), `${JSON.stringify(index)}\n`);
  const keep = new Set([INDEX_FILE, ...reviews.map((r) => `${r.slug}.json`)]);
  for (const name of await readdir(dir)) {
    if (!keep.has(name) && !name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
  }
  return index;
}

const parsed = new Map<string, { digest: string; review: Promise<LibraryReview> }>();

/** One review's layer, read and parsed once per process for each digest. */
export function readLayerReview({
  file,
  digest,
}: Pick<LayerFile, 'file' | 'digest'>): Promise<LibraryReview> {
  const hit = parsed.get(file);
  if (hit?.digest === digest) return hit.review;
  const review = readFile(file, 'utf8').then((text) => JSON.parse(text) as LibraryReview);
  parsed.set(file, { digest, review });
  review.catch(() => parsed.delete(file));
  return review;
}

/** The index in `dir`, or undefined when there is none (or it cannot be read). */
export async function readLayerIndex(dir: string): Promise<LayerIndex | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')) as LayerIndex;
  } catch {
    return undefined;
  }
}

/** The whole library from the files an index names. */
export async function readLayer(index: LayerIndex): Promise<Library> {
  const reviews: LibraryReview[] = [];
  for (const entry of index.reviews) reviews.push(await readLayerReview(entry));
  return { reviews, stats: index.stats };
}

import { getCollection, getEntry } from 'astro:content';
import { readLayerReview } from './layer-files.ts';
import type { LibraryReview } from './library.ts';

/**
 * What pages and endpoints read of the reference layer (library.ts, written to files by the
 * content loader, see layer-files.ts): one review's references, or every review's. The content
 * store holds where each review's file is and the digest of its bytes, so `astro dev` re-reads
 * a review only when the loader wrote it anew. Nothing here formats or parses content.
 */
export async function reviewReferences(slug: string): Promise<LibraryReview | undefined> {
  const entry = await getEntry('references', slug);
  return entry ? readLayerReview(entry.data) : undefined;
}

/** Every review of the layer, by slug. */
export async function libraryReferences(): Promise<Map<string, LibraryReview>> {
  const entries = await getCollection('references');
  return new Map(
    await Promise.all(entries.map(async (entry) => [entry.id, await readLayerReview(entry.data)] as const)),
  );
}

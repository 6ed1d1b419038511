import { getCollection, getEntry } from 'astro:content';
import type { LibraryReview } from './library.ts';

/**
 * What pages and endpoints read of the reference layer (library.ts, fed by the content loader):
 * one review's references, or every review's. Nothing here formats or parses.
 */
export async function reviewReferences(slug: string): Promise<LibraryReview | undefined> {
  return (await getEntry('references', slug))?.data;
}

/** Every review of the layer, by slug. */
export async function libraryReferences(): Promise<Map<string, LibraryReview>> {
  return new Map((await getCollection('references')).map((entry) => [entry.id, entry.data]));
}

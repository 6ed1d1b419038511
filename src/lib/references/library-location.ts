import { join } from 'node:path';
import { defaultCacheDir } from './format-cache.ts';
import { layerDir, readLayer, readLayerIndex } from './layer-files.ts';
import { contentSignature, readLibraryOnce, type Library } from './library.ts';

/** Where the reviews are, relative to the project root (content.config.ts reads the same folder). */
export const REVIEWS_FOLDER = 'content/reviews';

/**
 * The reference layer for a project root, as the build-done integrations read it: the files the
 * content loader wrote in this build (layer-files.ts) when the content is still what it read,
 * else worked out again from the same folder and disk cache.
 */
export async function contentLibrary(root: string): Promise<Library> {
  const reviewsDir = join(root, REVIEWS_FOLDER);
  const cacheDir = defaultCacheDir(root);
  const index = await readLayerIndex(layerDir(cacheDir));
  if (index !== undefined && index.signature === (await contentSignature(reviewsDir))) {
    return readLayer(index);
  }
  return readLibraryOnce(reviewsDir, { cacheDir });
}

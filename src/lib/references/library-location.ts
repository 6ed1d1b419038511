import { join } from 'node:path';
import { defaultCacheDir } from './format-cache.ts';
import { readLibraryOnce, type Library } from './library.ts';

/** Where the reviews are, relative to the project root (content.config.ts reads the same folder). */
export const REVIEWS_FOLDER = 'content/reviews';

/**
 * The reference layer for a project root, as the build-done integrations read it: the same
 * folder and disk cache the content loader used, so its entries are all cached by then.
 */
export function contentLibrary(root: string): Promise<Library> {
  return readLibraryOnce(join(root, REVIEWS_FOLDER), { cacheDir: defaultCacheDir(root) });
}

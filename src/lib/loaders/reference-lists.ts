import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { defaultCacheDir } from '../references/format-cache.ts';
import { layerDir, writeLayer } from '../references/layer-files.ts';
import { contentSignature, isReviewFolder, readLibrary } from '../references/library.ts';

/**
 * Feeds the reference layer (src/lib/references/library.ts) to the pages: works it out, writes
 * each review's references (identity, entries in every style, search record, citation sites,
 * cross-citations) to a file of the layer (layer-files.ts) and gives the store one entry per
 * review, keyed by its slug, naming that file and its digest. In `astro dev` it watches the reviews folder and
 * works the library out again when a review is added, changed or deleted (cross-citations span
 * reviews, and formatted entries come from the disk cache, so this is cheap); the atomic
 * commit's staging and retired folders (`.staging-*`, `.retired-*`) are not reviews.
 */
export function referenceListsLoader({ base }: { base: string }): Loader {
  return {
    name: 'lectern:reference-lists',
    load: async (context) => {
      const { config, watcher, logger } = context;
      const root = fileURLToPath(new URL(base, config.root));
      const cacheDir = defaultCacheDir(fileURLToPath(config.root));
      const sync = (): Promise<void> => syncLibrary(context, root, cacheDir);
      await sync();
      if (!watcher) return;
      // One reload at a time; events during a reload ask for one more after it.
      const state: { running: boolean; again: boolean } = { running: false, again: false };
      // A function, so the loop reads what events set during the await.
      const moreEvents = (): boolean => state.again;
      const schedule = (): void => {
        if (state.running) {
          state.again = true;
          return;
        }
        state.running = true;
        void (async () => {
          do {
            state.again = false;
            try {
              await sync();
            } catch (error) {
              logger.error(`reference lists not reloaded: ${(error as Error).message}`);
            }
          } while (moreEvents());
          state.running = false;
        })();
      };
      const onEvent = (path: string): void => {
        if (isReviewFile(root, path)) schedule();
      };
      watcher.on('add', onEvent);
      watcher.on('change', onEvent);
      watcher.on('unlink', onEvent);
      watcher.on('unlinkDir', onEvent);
    },
  };
}

/** Whether a watched path is a file of a review (not outside `root`, not in a staging folder). */
export function isReviewFile(root: string, path: string): boolean {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) return false;
  const [folder] = rel.split(sep);
  return folder !== undefined && isReviewFolder(folder);
}

/** Works the library out and makes the store hold exactly its reviews. */
async function syncLibrary(
  context: Pick<LoaderContext, 'store' | 'logger' | 'generateDigest'>,
  root: string,
  cacheDir: string,
): Promise<void> {
  const { store, logger, generateDigest } = context;
  // Taken before reading: a file changed meanwhile makes the integrations work the layer out again.
  const signature = await contentSignature(root);
  const library = await readLibrary(root, { cacheDir });
  const index = await writeLayer(layerDir(cacheDir), library, signature);
  const seen = new Set<string>();
  for (const { slug, file, digest } of index.reviews) {
    seen.add(slug);
    const data = { file, digest };
    store.set({ id: slug, data, digest: generateDigest(data) });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  const { formatted, cached } = library.stats;
  logger.info(
    `reference layer: ${library.reviews.length} reviews, ${formatted} entries formatted, ${cached} from the cache`,
  );
}

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';

/**
 * Loads every `<review>/references.json` under `base` as one entry per reference, keyed
 * `<review>/<reference id>`, so pages can query references like any other collection.
 */
export function referenceListsLoader({ base }: { base: string }): Loader {
  return {
    name: 'lectern:reference-lists',
    load: async (context) => {
      const { config, store, logger, watcher } = context;
      const root = fileURLToPath(new URL(base, config.root));
      const reload = async (): Promise<void> => {
        store.clear();
        if (!existsSync(root)) return;
        for (const review of (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory())) {
          const file = join(root, review.name, 'references.json');
          if (!existsSync(file)) continue;
          const filePath = relative(fileURLToPath(config.root), file);
          const items = parseList(await readFile(file, 'utf8'), file);
          for (const [i, item] of items.entries()) {
            const id = `${review.name}/${String(item['id'])}`;
            const data = await context.parseData({
              id,
              data: { review: review.name, number: i + 1, item },
              filePath,
            });
            store.set({ id, data, digest: context.generateDigest(data), filePath });
          }
        }
        logger.debug(`loaded reference lists from ${root}`);
      };
      await reload();
      watcher?.on('change', (path) => {
        if (path.startsWith(root) && path.endsWith('references.json')) void reload();
      });
    },
  };
}

function parseList(text: string, file: string): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: expected a JSON array of CSL-JSON items (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'object' || v === null)) {
    throw new Error(`${file}: expected a JSON array of CSL-JSON items`);
  }
  return value as Record<string, unknown>[];
}

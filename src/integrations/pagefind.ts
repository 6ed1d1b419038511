import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind once Astro has written it. The bundle lands in
 * `<outDir>/pagefind/`; pages find it through the base-path helper, so a sub-path build works.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'lectern:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('; '));
          const indexed = await index.addDirectory({ path: fileURLToPath(dir) });
          assertOk(indexed.errors);
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
          assertOk(written.errors);
          logger.info(
            `Pagefind indexed ${indexed.page_count} pages in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

function assertOk(errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed: ${errors.join('; ')}`);
}

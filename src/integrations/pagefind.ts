import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
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
        const pages = await indexSite(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

/** Indexes the built site in `distDir` into `<distDir>/pagefind/`; returns the page count. */
export async function indexSite(distDir: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    const indexed = await index.addDirectory({ path: distDir });
    assertOk(indexed.errors);
    const written = await index.writeFiles({ outputPath: join(distDir, 'pagefind') });
    assertOk(written.errors);
    return indexed.page_count;
  } finally {
    await pagefind.close();
  }
}

function assertOk(errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed: ${errors.join('; ')}`);
}

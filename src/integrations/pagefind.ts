import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { contentLibrary } from '../lib/references/library-location.ts';
import { referenceSearchRecords, type ReferenceSearchRecord } from '../lib/search/search-records.ts';

/**
 * Indexes the built site with Pagefind once Astro has written it: the pages that carry
 * `data-pagefind-body` (the reviews, their reference lists left out), and every reference as a
 * record of its own from the reference layer (src/lib/search/search-records.ts), with the
 * filters the reference browser uses (it sorts its own list, so the index holds no sort keys). The bundle lands in
 * `<outDir>/pagefind/`; pages find it through the base-path helper, so a sub-path build works.
 */
export function pagefindIntegration(): AstroIntegration {
  let root = '';
  return {
    name: 'lectern:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const records = referenceSearchRecords(await contentLibrary(root));
        const pages = await indexSite(fileURLToPath(dir), records);
        logger.info(`Pagefind indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

/** The built pages Pagefind reads (Pagefind's glob syntax, relative to dist/). */
export const REVIEW_PAGES = '*/index.html';

/** Indexes the built site in `distDir` and `records` into `<distDir>/pagefind/`; returns the record count. */
export async function indexSite(distDir: string, records: ReferenceSearchRecord[] = []): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    // Only review pages (src/pages/[slug]/index.astro) carry data-pagefind-body, and Pagefind
    // skips the pages without it once one has it: reading the 10,000 reference pages of a large
    // library only to skip them took most of its time. Same index, byte for byte.
    const indexed = await index.addDirectory({ path: distDir, glob: REVIEW_PAGES });
    assertOk(indexed.errors);
    for (const record of records) {
      assertOk((await index.addHTMLFile({ url: record.url, content: recordDocument(record) })).errors);
    }
    const written = await index.writeFiles({ outputPath: join(distDir, 'pagefind') });
    assertOk(written.errors);
    return indexed.page_count + records.length;
  } finally {
    await pagefind.close();
  }
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A reference record as the document Pagefind indexes: what `addCustomRecord` would take, but
 * with its words weighted low (0.05, as data-pagefind-weight), so a query finds the review that
 * discusses a subject before the references about it. Filters and meta sit in an
 * ignored block: captured, not part of the text. Filter values are never searched; meta is
 * (Pagefind 1.5+), so records keep no `title` meta and no review title (result-title.ts).
 */
export function recordDocument(record: ReferenceSearchRecord): string {
  const tags = [
    ...Object.entries(record.meta).map(
      ([k, v]) => `<span data-pagefind-meta="${escape(k)}">${escape(v)}</span>`,
    ),
    ...Object.entries(record.filters).flatMap(([k, values]) =>
      values.map((v) => `<span data-pagefind-filter="${escape(k)}">${escape(v)}</span>`),
    ),
  ];
  return `<!doctype html><html lang="${escape(record.language)}"><body><main data-pagefind-body><p data-pagefind-weight="0.05">${escape(record.content)}</p><div data-pagefind-ignore>${tags.join('')}</div></main></body></html>`;
}

function assertOk(errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed: ${errors.join('; ')}`);
}

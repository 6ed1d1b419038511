/**
 * Static paths and responses for the export endpoints in src/pages/[slug]/ (whole lists) and
 * src/pages/[slug]/references/ (one reference each). Astro writes each response to a file at
 * build time; the Content-Type header documents the media type (a static host maps it from the
 * extension).
 */
import type { APIRoute } from 'astro';
import { referenceSegment } from '../references/identity.ts';
import { libraryReferences } from '../references/read-layer.ts';
import type { CslItem } from '../schema/csl.ts';
import { exportFormat, exportText, joinEntryTexts, type ExportFormat } from './exports.ts';

/** Each review's references, in the review's order. */
async function referencesByReview(): Promise<Map<string, CslItem[]>> {
  const library = await libraryReferences();
  return new Map([...library].map(([slug, review]) => [slug, review.references.map((r) => r.item)]));
}

export async function listPaths(): Promise<{ params: { slug: string }; props: { items: CslItem[] } }[]> {
  const byReview = await referencesByReview();
  return [...byReview]
    .filter(([, items]) => items.length > 0)
    .map(([slug, items]) => ({ params: { slug }, props: { items } }));
}

export async function entryPaths(): Promise<
  { params: { slug: string; id: string }; props: { items: CslItem[] } }[]
> {
  const byReview = await referencesByReview();
  return [...byReview].flatMap(([slug, items]) =>
    items.map((item) => ({ params: { slug, id: referenceSegment(item.id) }, props: { items: [item] } })),
  );
}

/**
 * Each reference's file text by format, made once per build: the whole-list files are their
 * entries' texts joined (joinEntryTexts), so a list costs no second formatting of its
 * references. Keyed by the layer's item objects, which the pages share within a build.
 */
const entryTexts = new WeakMap<CslItem, Map<ExportFormat['extension'], string>>();

function entryText(format: ExportFormat, item: CslItem): string {
  let texts = entryTexts.get(item);
  if (!texts) entryTexts.set(item, (texts = new Map<ExportFormat['extension'], string>()));
  let text = texts.get(format.extension);
  if (text === undefined) {
    text = exportText(format, [item]);
    texts.set(format.extension, text);
  }
  return text;
}

function respond(format: ExportFormat, items: CslItem[]): Response {
  const text =
    items.length === 1 && items[0] !== undefined
      ? entryText(format, items[0])
      : joinEntryTexts(
          format,
          items.map((item) => entryText(format, item)),
        );
  return new Response(text, {
    headers: { 'Content-Type': `${format.mediaType}; charset=utf-8` },
  });
}

/** The GET handler of an export endpoint for files ending in `.extension`. */
export function exportRoute(extension: ExportFormat['extension']): APIRoute {
  const format = exportFormat(extension);
  return ({ props }) => respond(format, (props as { items: CslItem[] }).items);
}

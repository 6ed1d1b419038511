import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { prettifyError } from 'astro/zod';
import { SourceError } from './errors.ts';
import { figureImagesDir, findFigureImages, mediaFileName, type FigureImage } from './figure-images.ts';
import { parseSource } from './parse/parse-source.ts';
import { reviewSchema, type ParsedReview, type Review, type SourceFormat } from './schema/review.ts';
import { cslProblems } from './schema/validate-csl.ts';
import { commitReviews, type ReviewWrite } from './write/commit-review.ts';
import { reviewFiles } from './write/review-files.ts';
import { stageSources } from './write/save-sources.ts';
import { summarize, type IngestSummary } from './ingest-summary.ts';
import { decodeSource } from './decode-source.ts';
import type { FetchedSource } from './online/fetch-sources.ts';
import { buildReport } from './resolve/report.ts';
import { loadResolutionCache, saveResolutionCache } from './resolve/resolution-cache.ts';
import { resolveReferences, type Resolvers } from './resolve/resolve-references.ts';

export interface IngestOptions {
  /** The content folder to write into (default `content`). */
  out: string;
  /** URL segment for the review; only for a source that holds one article. */
  slug?: string;
  /** The source's format; detected from its content when absent. */
  format?: SourceFormat;
  /** Overwrite reviews whose files were edited by hand since the last ingest. */
  force?: boolean;
  /** Resolve references online (`--resolve`); without it only cached answers are used. */
  online?: Resolvers;
  /** The folder to take figure images from (default: the source file's; see figureImagesDir). */
  imagesFrom?: string;
  /** Where else figure images come from: PMC's open-access files, for a review fetched online. */
  fetchImages?: (review: Review) => Promise<{ images: Map<number, FigureImage>; skipped: string[] }>;
}

/**
 * Ingests a source file; it is kept as `content/sources/<file name>`, and the figure images it
 * came with in `content/sources/<file name>.media/`.
 */
export async function ingestFile(file: string, options: IngestOptions): Promise<IngestSummary[]> {
  const text = decodeSource(await readSource(file), file);
  return ingestSources(
    [{ name: basename(file), text }],
    { imagesFrom: await figureImagesDir(file), ...options },
    file,
  );
}

/**
 * Sources -> `Review`s -> content files. The first source is parsed; every source is kept in
 * `content/sources/`. Nothing is written until every article parsed, resolved and validated;
 * then the sources and all review folders change together.
 */
export async function ingestSources(
  sources: FetchedSource[],
  options: IngestOptions,
  file = sources[0]?.name ?? 'source',
): Promise<IngestSummary[]> {
  const [primary] = sources;
  if (!primary) throw new SourceError(file, undefined, 'at least one source');
  const out = resolve(options.out);
  const parsed = withSlug(
    parseSource(primary.text, `sources/${primary.name}`, options.format),
    options.slug,
    file,
  );

  const writes: ReviewWrite[] = [];
  const summaries: IngestSummary[] = [];
  // The figure images are kept with the source they belong to (the parsed one), under their
  // <graphic> names as in a PMC package, so re-ingesting the saved source without a network
  // (or without the folder it was read from) finds them again.
  const media = new Map<string, Uint8Array>();
  for (const { review: parsedReview, incomplete } of parsed) {
    validate(parsedReview, file);
    const dir = join(out, 'reviews', parsedReview.slug);
    const cache = await loadResolutionCache(join(dir, 'resolution.json'));
    const resolved = await resolveReferences(parsedReview.references, {
      cache,
      ...(options.online ? { online: options.online } : {}),
    });
    const review: Review = { ...parsedReview, references: resolved.items };
    validate(review, file);
    const report = buildReport(review, resolved.conflicts, incomplete);
    const { images, skipped } = options.imagesFrom
      ? await findFigureImages(review.figures, options.imagesFrom)
      : options.fetchImages
        ? await options.fetchImages(review)
        : { images: new Map<number, FigureImage>(), skipped: [] };
    for (const [name, data] of imagesByGraphic(review, images)) {
      // One source's articles share its folder of images, so one name is one file there.
      if (!media.has(name)) media.set(name, data);
    }
    const files = new Map(reviewFiles(review, images));
    if (cache.size > 0) files.set('resolution.json', saveResolutionCache(cache));
    files.set('report.json', `${JSON.stringify(report, null, 2)}\n`);
    writes.push({ dir, files });
    summaries.push({
      ...summarize(review, incomplete),
      report,
      requests: resolved.requests,
      figureImages: images.size,
      ...(skipped.length > 0 ? { skippedImages: skipped } : {}),
    });
  }

  const kept = sources.map((s) => ({
    name: s.name,
    content: s.text,
    media: s === primary ? media : new Map(),
  }));
  const staged = await stageSources(out, kept, file);
  try {
    await commitReviews(writes, options.force ? { force: true } : {});
    await staged.commit();
  } finally {
    await staged.discard();
  }
  return summaries;
}

/** Each figure's image under the name it is kept by in its source's media folder. */
function imagesByGraphic(review: Review, images: ReadonlyMap<number, FigureImage>): [string, Uint8Array][] {
  return review.figures.flatMap((figure) => {
    const image = images.get(figure.number);
    const name = image && figure.graphic ? mediaFileName(figure.graphic, image) : undefined;
    return image && name ? [[name, image.data] as [string, Uint8Array]] : [];
  });
}

function withSlug(parsed: ParsedReview[], slug: string | undefined, file: string): ParsedReview[] {
  if (slug === undefined) return parsed;
  if (parsed.length !== 1) {
    throw new SourceError(
      file,
      undefined,
      '--slug only for a source with one article',
      `${parsed.length} articles`,
    );
  }
  return parsed.map((p) => ({ ...p, review: { ...p.review, slug } }));
}

function validate(review: Review, file: string): void {
  const checked = reviewSchema.safeParse(review);
  if (!checked.success) {
    throw new SourceError(
      file,
      undefined,
      'content that fits the review schema',
      prettifyError(checked.error),
    );
  }
  const problems = cslProblems(review.references);
  if (problems.length > 0) {
    throw new SourceError(file, undefined, `references that are valid CSL-JSON, but ${problems.join('; ')}`);
  }
}

async function readSource(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(file, undefined, 'a readable file', code === 'ENOENT' ? 'no such file' : code);
  }
}

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { prettifyError } from 'astro/zod';
import { SourceError } from './errors.ts';
import { parseSource } from './parse/parse-source.ts';
import { reviewSchema, type ParsedReview, type SourceFormat } from './schema/review.ts';
import { cslProblems } from './schema/validate-csl.ts';
import { commitReviews } from './write/commit-review.ts';
import { reviewFiles } from './write/review-files.ts';
import { summarize, type IngestSummary } from './ingest-summary.ts';
import { decodeSource } from './decode-source.ts';

export interface IngestOptions {
  /** The content folder to write into (default `content`). */
  out: string;
  /** URL segment for the review; only for a source that holds one article. */
  slug?: string;
  /** The source's format; detected from its content when absent. */
  format?: SourceFormat;
  /** Overwrite reviews whose files were edited by hand since the last ingest. */
  force?: boolean;
}

/**
 * Source file -> `Review`s -> content files. Nothing is written until every article parsed
 * and validated; then the source copy and all review folders change together.
 */
export async function ingestFile(file: string, options: IngestOptions): Promise<IngestSummary[]> {
  const text = decodeSource(await readSource(file), file);
  return ingestText(text, basename(file), options, file);
}

/** Ingests source text that will be kept as `content/sources/<sourceName>`. */
export async function ingestText(
  text: string,
  sourceName: string,
  options: IngestOptions,
  file = sourceName,
): Promise<IngestSummary[]> {
  const out = resolve(options.out);
  const sourcePath = `sources/${sourceName}`;
  const parsed = withSlug(parseSource(text, sourcePath, options.format), options.slug, file);
  for (const { review } of parsed) validate(review, file);

  const sourceTarget = join(out, 'sources', sourceName);
  const sameFile = resolve(file) === sourceTarget;
  const staged = join(out, 'sources', `.staging-${randomBytes(4).toString('hex')}`);
  if (!sameFile) {
    await mkdir(join(out, 'sources'), { recursive: true });
    await writeFile(staged, text, 'utf8');
  }
  try {
    await commitReviews(
      parsed.map(({ review }) => ({ dir: join(out, 'reviews', review.slug), files: reviewFiles(review) })),
      options.force ? { force: true } : {},
    );
    if (!sameFile) await rename(staged, sourceTarget);
  } finally {
    if (!sameFile) await rm(staged, { force: true });
  }
  return parsed.map(({ review, incomplete }) => summarize(review, incomplete));
}

function withSlug(parsed: ParsedReview[], slug: string | undefined, file: string): ParsedReview[] {
  if (slug === undefined) return parsed;
  if (parsed.length !== 1) {
    throw new SourceError(file, undefined, '--slug only for a source with one article', `${parsed.length} articles`);
  }
  return parsed.map((p) => ({ ...p, review: { ...p.review, slug } }));
}

function validate(review: ParsedReview['review'], file: string): void {
  const checked = reviewSchema.safeParse(review);
  if (!checked.success) {
    throw new SourceError(file, undefined, 'content that fits the review schema', prettifyError(checked.error));
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

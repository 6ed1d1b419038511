import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { prettifyError } from 'astro/zod';
import { SourceError } from './errors.ts';
import { parsePubmedText } from './parse/pubmed-text/parse-pubmed-text.ts';
import { reviewSchema } from './schema/review.ts';
import { cslProblems } from './schema/validate-csl.ts';
import { commitReview, editedFiles, EditedContentError } from './write/commit-review.ts';
import { reviewFiles } from './write/review-files.ts';
import { summarize, type IngestSummary } from './ingest-summary.ts';

export interface IngestOptions {
  /** The content folder to write into (default `content`). */
  out: string;
  slug?: string;
  /** Overwrite a review whose files were edited by hand since the last ingest. */
  force?: boolean;
}

/**
 * Source file -> `Review` -> content files. Nothing is written until the whole review parsed
 * and validated, and then the source copy and the review folder change together.
 */
export async function ingestFile(file: string, options: IngestOptions): Promise<IngestSummary> {
  const out = resolve(options.out);
  const text = await readSource(file);
  const sourceName = basename(file);
  const sourcePath = `sources/${sourceName}`;

  const { review, incomplete } = parsePubmedText(text, sourcePath, options.slug);
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

  const reviewDir = join(out, 'reviews', review.slug);
  if (!options.force) {
    const edited = await editedFiles(reviewDir);
    if (edited.length > 0) throw new EditedContentError(relative(process.cwd(), reviewDir), edited);
  }

  const sourceTarget = join(out, 'sources', sourceName);
  const sameFile = resolve(file) === sourceTarget;
  const staged = join(out, 'sources', `.staging-${randomBytes(4).toString('hex')}`);
  if (!sameFile) {
    await mkdir(join(out, 'sources'), { recursive: true });
    await writeFile(staged, text, 'utf8');
  }
  try {
    await commitReview(reviewDir, reviewFiles(review), { force: true });
    if (!sameFile) await rename(staged, sourceTarget);
  } finally {
    if (!sameFile) await rm(staged, { force: true });
  }
  return summarize(review, incomplete);
}

async function readSource(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(file, undefined, 'a readable file', code === 'ENOENT' ? 'no such file' : code);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\u0000'))
    throw new SourceError(file, undefined, 'a text file', 'binary data (NUL bytes)');
  return text;
}

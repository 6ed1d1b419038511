import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_STYLE, STYLE_CHOICES, styleXml } from '../cite/styles.ts';
import { markdownToPlainText } from '../metadata/plain-text.ts';
import { yearHistogram, type YearHistogram } from '../chart/year-histogram.ts';
import { reviewAsCsl } from '../review/review-citation.ts';
import { cslItemSchema, type CslItem } from '../schema/csl.ts';
import { figureMetaSchema, reviewMetaSchema } from '../schema/review.ts';
import {
  citationBrackets,
  citationSites,
  markdownText,
  type CitationSite,
  type MarkdownPart,
} from '../search/citation-sites.ts';
import { referenceRecord, type ReferenceRecord } from '../search/reference-record.ts';
import { openFormatCache } from './format-cache.ts';
import { formatLists } from './format-lists.ts';
import { referenceAnchor, referenceInListPath, referencePath, referenceSegment } from './identity.ts';
import { crossCitations } from './work-key.ts';

/**
 * The reference layer: everything the site shows, indexes or serves about references, worked
 * out once per build from `content/reviews/` and nowhere else. For each review, each reference
 * gets its identity (identity.ts), its entry in every style (citation-js, cached on disk by
 * format-cache.ts), its search record, the places the review's Markdown cites it and the other
 * reviews citing the same work. The content loader (src/lib/loaders/reference-lists.ts) feeds
 * it to the pages, which only read; the search integrations call it on the same folder.
 */

/** Another review of the library whose list holds the same work. */
export interface AlsoCitedIn {
  slug: string;
  title: string;
  /** Site-relative path of that review's entry, `<slug>/#bib-<key>`. */
  path: string;
}

export interface LibraryReference {
  review: string;
  /** Position in the review's list (1-based). */
  number: number;
  item: CslItem;
  key: string;
  /** URL segment of the permalink and the key rehype-citation writes in ids. */
  segment: string;
  /** The entry's element id in the review's list, `bib-<segment>`. */
  anchor: string;
  /** Site-relative path of the permalink page. */
  path: string;
  /** The entry's HTML in every style, by style id (citeproc escapes the fields). */
  entries: Record<string, string>;
  /**
   * The source's string could not be read with confidence (`custom.shownVerbatim`): every
   * style shows `custom.verbatim`, escaped, and the page says so.
   */
  shownVerbatim: boolean;
  record: ReferenceRecord;
  /** Where the review cites it, in page order. */
  sites: CitationSite[];
  alsoCitedIn: AlsoCitedIn[];
}

export interface LibraryReview {
  slug: string;
  title: string;
  keywords: string[];
  /** The review itself as an entry in the default style. */
  citation: string;
  /** The abstract as plain text, for the page's metadata (description, `citation_abstract`, JSON-LD). */
  abstractText: string;
  /** Figure captions as plain text, for search. */
  figures: { anchor: string; label: string; text: string }[];
  references: LibraryReference[];
  /** The references counted by year of issue (or decade): the list's bar chart. */
  years: YearHistogram;
}

export interface Library {
  reviews: LibraryReview[];
  /** How many entries were formatted now and how many came from the cache. */
  stats: { formatted: number; cached: number };
}

export interface ReadLibraryOptions {
  /** Where formatted entries are cached (format-cache.ts); none when undefined. */
  cacheDir?: string | undefined;
}

/** A folder under `content/reviews/` that is not a review: the atomic commit's staging and retired copies. */
export function isReviewFolder(name: string): boolean {
  return !name.startsWith('.');
}

interface ReviewSource {
  slug: string;
  title: string;
  keywords: string[];
  ownItem: CslItem;
  abstract: string;
  body: string | undefined;
  figures: { number: number; label: string; markdown: string }[];
  items: CslItem[];
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const readOptional = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** A review folder's files, read and checked against the schemas; undefined without index.md. */
async function readReview(dir: string, slug: string): Promise<ReviewSource | undefined> {
  const index = await readOptional(join(dir, 'index.md'));
  if (index === undefined) return undefined;
  const { frontmatter, content } = parseFrontmatter(index);
  const meta = reviewMetaSchema.safeParse(frontmatter);
  if (!meta.success) throw new Error(`${join(dir, 'index.md')}: ${meta.error.message}`);
  const list = await readOptional(join(dir, 'references.json'));
  const items = list === undefined ? [] : parseList(list, join(dir, 'references.json'));
  const figureDir = join(dir, 'figures');
  const figureFiles = (await readdir(figureDir).catch(() => [] as string[])).filter((f) => f.endsWith('.md'));
  const figures = await Promise.all(
    figureFiles.map(async (file) => {
      const parsed = parseFrontmatter(await readFile(join(figureDir, file), 'utf8'));
      const figure = figureMetaSchema.safeParse(parsed.frontmatter);
      if (!figure.success) throw new Error(`${join(figureDir, file)}: ${figure.error.message}`);
      return { number: figure.data.number, label: figure.data.label, markdown: parsed.content };
    }),
  );
  return {
    slug,
    title: meta.data.title,
    keywords: meta.data.keywords,
    ownItem: reviewAsCsl(slug, meta.data),
    abstract: content,
    body: await readOptional(join(dir, 'body.md')),
    figures: figures.sort((a, b) => a.number - b.number),
    items,
  };
}

function parseList(text: string, file: string): CslItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: expected a JSON array of CSL-JSON items (${(error as Error).message})`, {
      cause: error,
    });
  }
  const parsed = cslItemSchema.array().safeParse(value);
  if (!parsed.success)
    throw new Error(`${file}: expected a JSON array of CSL-JSON items (${parsed.error.message})`);
  return parsed.data;
}

/** The review folders under `reviewsDir`, sorted, staging copies left out. */
export async function reviewFolders(reviewsDir: string): Promise<string[]> {
  const entries = await readdir(reviewsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((d) => d.isDirectory() && isReviewFolder(d.name))
    .map((d) => d.name)
    .sort();
}

/** Whether a reference is shown as its source printed it (see LibraryReference.shownVerbatim). */
export function isShownVerbatim(item: CslItem): boolean {
  const custom = item.custom as { shownVerbatim?: unknown; verbatim?: unknown } | undefined;
  return custom?.shownVerbatim === true && typeof custom.verbatim === 'string' && custom.verbatim !== '';
}

/** Reads and works out the whole library in `reviewsDir` (see the module comment). */
export async function readLibrary(reviewsDir: string, options: ReadLibraryOptions = {}): Promise<Library> {
  const sources = (
    await Promise.all(
      (await reviewFolders(reviewsDir)).map((slug) => readReview(join(reviewsDir, slug), slug)),
    )
  ).filter((s): s is ReviewSource => s !== undefined);

  const styles = STYLE_CHOICES.map((s) => s.id);
  const cache = await openFormatCache(options.cacheDir, styles);
  // Verbatim references are never formatted; the review's own entry is, in the default style.
  const { lists, formatted, cached } = formatLists(
    sources.map((s) => s.items.filter((item) => !isShownVerbatim(item))),
    styles,
    cache,
  );
  const ownResult = formatLists([sources.map((s) => s.ownItem)], [DEFAULT_STYLE], cache);
  const own = ownResult.lists[0]?.get(DEFAULT_STYLE);
  await cache.save();

  const titles = new Map(sources.map((s) => [s.slug, s.title]));
  const flat = sources.flatMap((s) => s.items.map((item) => ({ review: s.slug, item })));
  const elsewhere = crossCitations(flat);
  const alsoCitedIn = new Map(
    flat.map((entry) => [
      entry.item,
      (elsewhere.get(entry) ?? []).map(({ review, id }) => ({
        slug: review,
        title: titles.get(review) ?? review,
        path: referenceInListPath(review, id),
      })),
    ]),
  );

  const brackets = citationBrackets(styleXml(DEFAULT_STYLE));
  const reviews: LibraryReview[] = [];
  for (const [i, source] of sources.entries()) {
    const formattedList = lists[i];
    const numbers = new Map(source.items.map((item, n) => [item.id, n + 1]));
    const parts: MarkdownPart[] = [
      { label: 'Abstract', markdown: source.abstract },
      { label: 'Full text', markdown: source.body ?? '' },
      ...source.figures.map((f) => ({ label: `${f.label} caption`, markdown: f.markdown })),
    ];
    const sites = await citationSites(parts, numbers, brackets);
    const references = source.items.map((item, n): LibraryReference => {
      const verbatim = isShownVerbatim(item);
      const entries: Record<string, string> = {};
      for (const style of styles) {
        entries[style] = verbatim
          ? escapeHtml(String(item.custom?.verbatim))
          : (formattedList?.get(style)?.get(item.id) ?? '');
      }
      return {
        review: source.slug,
        number: n + 1,
        item,
        key: item.id,
        segment: referenceSegment(item.id),
        anchor: referenceAnchor(item.id),
        path: referencePath(source.slug, item.id),
        entries,
        shownVerbatim: verbatim,
        record: referenceRecord(item, n + 1),
        sites: sites.get(item.id) ?? [],
        alsoCitedIn: alsoCitedIn.get(item) ?? [],
      };
    });
    const figures = [];
    for (const f of source.figures) {
      figures.push({
        anchor: `figure-${f.number}`,
        label: f.label,
        text: `${f.label}. ${await markdownText(f.markdown, numbers, brackets)}`,
      });
    }
    reviews.push({
      slug: source.slug,
      title: source.title,
      keywords: source.keywords,
      citation: own?.get(source.ownItem.id) ?? '',
      abstractText: markdownToPlainText(source.abstract),
      figures,
      references,
      years: yearHistogram(source.items),
    });
  }
  return {
    reviews,
    stats: { formatted: formatted + ownResult.formatted, cached: cached + ownResult.cached },
  };
}

const memo = new Map<string, { signature: string; library: Promise<Library> }>();

/**
 * readLibrary, once per process for unchanged content: the search integrations ask for the
 * same library one after the other. The signature is every file's path, size and mtime.
 */
export async function readLibraryOnce(
  reviewsDir: string,
  options: ReadLibraryOptions = {},
): Promise<Library> {
  const signature = await contentSignature(reviewsDir);
  const hit = memo.get(reviewsDir);
  if (hit?.signature === signature) return hit.library;
  const library = readLibrary(reviewsDir, options);
  memo.set(reviewsDir, { signature, library });
  return library;
}

/** Every review file's path, size and mtime: what tells an unchanged library from a changed one. */
export async function contentSignature(reviewsDir: string): Promise<string> {
  const parts: string[] = [];
  for (const slug of await reviewFolders(reviewsDir)) {
    const files = await readdir(join(reviewsDir, slug), { recursive: true });
    for (const file of files.map(String).sort()) {
      const info = await stat(join(reviewsDir, slug, file));
      if (info.isFile()) parts.push(`${slug}/${file}:${info.size}:${info.mtimeMs}`);
    }
  }
  return parts.join('\n');
}

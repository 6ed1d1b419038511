import type { ParsedReview, ReviewMeta } from '../../schema/review.ts';
import { SourceError } from '../../errors.ts';
import { assignIds } from '../../references/assign-ids.ts';
import { reviewSlug, uniqueSlug } from '../../references/review-slug.ts';
import { childElement, readXml, type XmlElement } from '../../xml/read-xml.ts';
import { jatsArticles } from './jats-articles.ts';
import { bodyToMarkdown } from './body-to-markdown.ts';
import type { MarkdownContext } from './inline-markdown.ts';
import { readAbstract } from './read-abstract.ts';
import { figureElements, figureNumbers, readFigures } from './read-figures.ts';
import { readFront } from './read-front.ts';
import { readReferences } from './read-references.ts';
import { incompleteReferences } from '../incomplete-references.ts';

function parseArticle(article: XmlElement, sourcePath: string): ParsedReview {
  const front = childElement(article, 'front');
  const meta = front ? childElement(front, 'article-meta') : undefined;
  if (!front || !meta) {
    throw new SourceError(sourcePath, article.line, '<front> with <article-meta> in the <article>');
  }
  const header = readFront(article, front, meta);
  if (header.title === '') {
    throw new SourceError(sourcePath, meta.line, 'an <article-title> in <article-meta>/<title-group>');
  }

  const back = childElement(article, 'back');
  const parsedRefs = readReferences(back);
  const references = assignIds(parsedRefs.map((r) => r.item));
  const refIndex = new Map<string, number>();
  references.forEach((ref, i) => {
    const id = ref.custom?.sourceId;
    if (id !== undefined && !refIndex.has(id)) refIndex.set(id, i);
  });
  const figs = figureElements(article);
  const ctx: MarkdownContext = { refIndex, keys: references.map((r) => r.id), figures: figureNumbers(figs) };

  const meta_: ReviewMeta = {
    title: header.title,
    publicationTypes: header.publicationTypes,
    authors: header.authors,
    authorsTruncated: header.authorsTruncated,
    journal: header.journal,
    ...(header.issued ? { issued: header.issued } : {}),
    ...(header.volume !== undefined ? { volume: header.volume } : {}),
    ...(header.issue !== undefined ? { issue: header.issue } : {}),
    ...(header.pages !== undefined ? { pages: header.pages } : {}),
    ...(header.eLocator !== undefined ? { eLocator: header.eLocator } : {}),
    ...(header.doi !== undefined ? { doi: header.doi } : {}),
    ...(header.pmid !== undefined ? { pmid: header.pmid } : {}),
    ...(header.pmcid !== undefined ? { pmcid: header.pmcid } : {}),
    keywords: header.keywords,
    ...(header.licence ? { licence: header.licence } : {}),
    corrections: header.corrections,
    source: { path: sourcePath, format: 'jats' },
    bibliography: 'references.json',
  };
  const body = bodyToMarkdown(childElement(article, 'body'), back, ctx);

  return {
    review: {
      slug: reviewSlug(meta_),
      meta: meta_,
      abstract: readAbstract(meta, ctx),
      figures: readFigures(figs, ctx),
      references,
      ...(body !== undefined ? { body } : {}),
    },
    incomplete: incompleteReferences(parsedRefs),
  };
}

/**
 * Reads PMC JATS XML: one `<article>`, or several in any wrapper tools use (`jats-articles.ts`).
 * Returns one review per article; slugs that clash within the file get "-2", "-3"….
 * @param sourcePath where the XML lives, relative to `content/`; used in errors and metadata.
 */
export function parseJats(text: string, sourcePath: string): ParsedReview[] {
  const articles = jatsArticles(readXml(text, sourcePath), sourcePath);
  const slugs = new Set<string>();
  return articles.map((article) => {
    const parsed = parseArticle(article, sourcePath);
    return { ...parsed, review: { ...parsed.review, slug: uniqueSlug(parsed.review.slug, slugs) } };
  });
}

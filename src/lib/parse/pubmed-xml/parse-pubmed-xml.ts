import type { ParsedReview } from '../../schema/review.ts';
import { SourceError } from '../../errors.ts';
import { assignIds } from '../../references/assign-ids.ts';
import { reviewSlug, uniqueSlug } from '../../references/review-slug.ts';
import { childElements, readXml, type XmlElement } from '../../xml/read-xml.ts';
import { articleParts, readArticleMeta } from './read-article-meta.ts';
import { readAbstract } from './read-abstract.ts';
import { readReferences } from './read-references.ts';
import { incompleteReferences } from '../incomplete-references.ts';

/**
 * Reads a PubMed E-utilities efetch document (`<PubmedArticleSet>`): one review per
 * `<PubmedArticle>`, in document order. `<PubmedBookArticle>` records are skipped.
 * @param sourcePath where the XML lives, relative to `content/`; used in errors and metadata.
 */
export function parsePubmedXml(text: string, sourcePath: string): ParsedReview[] {
  const root = readXml(text, sourcePath);
  if (root.name !== 'PubmedArticleSet') {
    throw new SourceError(
      sourcePath,
      root.line,
      'a PubMed XML document with root <PubmedArticleSet>',
      `<${root.name}>`,
    );
  }
  const articles = childElements(root, 'PubmedArticle');
  if (articles.length === 0) {
    const books = childElements(root, 'PubmedBookArticle').length;
    throw new SourceError(
      sourcePath,
      root.line,
      'at least one <PubmedArticle> in <PubmedArticleSet>',
      books > 0 ? `${books} <PubmedBookArticle> only` : undefined,
    );
  }

  const slugs = new Set<string>();
  return articles.map((article) => {
    const parsed = parseArticle(article, sourcePath);
    const slug = uniqueSlug(parsed.review.slug, slugs);
    return { ...parsed, review: { ...parsed.review, slug } };
  });
}

function parseArticle(pubmedArticle: XmlElement, sourcePath: string): ParsedReview {
  const parts = articleParts(pubmedArticle, sourcePath);
  const meta = readArticleMeta(parts, sourcePath);
  const xmlReferences = readReferences(parts.pubmedData);
  return {
    review: {
      slug: reviewSlug(meta),
      meta,
      abstract: readAbstract(parts.article),
      // PubMed records carry no figures.
      figures: [],
      references: assignIds(xmlReferences.map((r) => r.item)),
    },
    incomplete: incompleteReferences(xmlReferences),
  };
}

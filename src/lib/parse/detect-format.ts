import type { SourceFormat } from '../schema/review.ts';

/**
 * Which parser a source needs, from its first bytes: XML roots name their format, a saved
 * page is HTML, anything else is page text as a browser copies it.
 */
export function detectFormat(text: string): SourceFormat {
  const head = text
    .replace(/^\uFEFF/, '')
    .slice(0, 4096)
    .trimStart();
  if (!head.startsWith('<')) return 'pubmed-text';
  if (/<PubmedArticleSet[\s>]|<PubmedArticle[\s>]/.test(head)) return 'pubmed-xml';
  if (
    /<pmc-articleset[\s>]|<articles[\s>]|<(?:\w+:)?OAI-PMH[\s>]|<article[\s>][^]*?(?:dtd-version|xmlns:xlink|article-type)/.test(
      head,
    )
  )
    return 'jats';
  if (/<!doctype html|<html[\s>]/i.test(head)) return 'pubmed-html';
  // Other XML is most likely JATS without the usual attributes; its parser names what it expected.
  return 'jats';
}

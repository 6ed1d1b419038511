import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SourceError } from '../../errors.ts';
import { escapeMarkdown } from '../../markdown/escape-markdown.ts';
import { assignIds } from '../../references/assign-ids.ts';
import { reviewSlug } from '../../references/review-slug.ts';
import type { CslItemDraft, PageLink } from '../../schema/csl.ts';
import type { AbstractSection, Figure, ParsedReview, ReviewMeta } from '../../schema/review.ts';
import { parseCitationList } from '../parse-citation.ts';
import { normalizeDoi } from '../identifiers.ts';
import { personName, parseHeader } from '../pubmed-text/parse-header.ts';
import { attr, byClass, byId, byTag, findAll, findFirst, hasClass, lineOf, textOf } from './html-query.ts';
import { incompleteReferences } from '../incomplete-references.ts';

/**
 * Reads a PubMed article page saved from a browser. The page's own links are the best source of
 * identifiers: each reference's DOI, PubMed and PMC buttons carry the ids the text may not print.
 */
export function parsePubmedHtml(html: string, sourcePath: string): ParsedReview {
  const tree = fromHtml(html);
  const heading = findFirst(tree, byId('full-view-heading')) ?? findFirst(tree, byClass('full-view'));
  const titleElement = heading ? findFirst(heading, byClass('heading-title')) : undefined;
  const title = textOf(titleElement);
  if (!heading || title === '') {
    throw new SourceError(
      sourcePath,
      lineOf(heading) ?? 1,
      'a saved PubMed article page (an element with class "heading-title" inside "full-view-heading")',
    );
  }

  const meta = readMeta(heading, title, sourcePath);
  const abstractBlock = findFirst(tree, byId('abstract'));
  const abstract = abstractBlock ? readAbstract(abstractBlock) : { sections: [], keywords: [] };
  const figuresBlock = findFirst(tree, byId('figures'));
  const figures = figuresBlock ? readFigures(figuresBlock) : [];
  const referencesBlock =
    findFirst(tree, byId('references')) ?? findFirst(tree, byId('top-references-list-1'));
  const pageRefs = referencesBlock ? readReferences(referencesBlock) : [];
  const references = assignIds(pageRefs.map((r) => r.item));
  const fullMeta: ReviewMeta = { ...meta, keywords: abstract.keywords };

  return {
    review: { slug: reviewSlug(fullMeta), meta: fullMeta, abstract: abstract.sections, figures, references },
    incomplete: incompleteReferences(pageRefs),
  };
}

function readMeta(heading: Element, title: string, sourcePath: string): Omit<ReviewMeta, 'keywords'> {
  const journalButton = findFirst(heading, byClass('journal-actions-trigger'));
  const journal = attr(journalButton ?? heading, 'title') ?? textOf(journalButton);
  const cit = textOf(findFirst(heading, byClass('cit')));
  // The citation line reads like the copied text's, so the text parser's rules apply unchanged.
  const header = parseHeader([
    { n: 1, text: `${journal}. ${cit}` },
    { n: 2, text: title },
  ]);
  const ids = readIdentifiers(heading);
  const authorItems = findAll(heading, byClass('authors-list-item'));
  const authors = authorItems
    .map((item) => textOf(findFirst(item, byClass('full-name'))))
    .filter((name) => name !== '')
    .map(personName);
  const doiText = textOf(findFirst(heading, byClass('citation-doi'))).replace(/^doi:\s*/i, '');
  const doi = ids.doi ?? (doiText ? normalizeDoi(doiText) : undefined);
  return {
    title,
    publicationTypes: findAll(heading, byClass('publication-type')).map(textOf).filter(Boolean),
    authors,
    authorsTruncated: false,
    journal: journal ? { abbreviation: journal } : {},
    ...(header.issued ? { issued: header.issued } : {}),
    ...(header.volume ? { volume: header.volume } : {}),
    ...(header.issue ? { issue: header.issue } : {}),
    ...(header.pages ? { pages: header.pages } : {}),
    ...(header.eLocator ? { eLocator: header.eLocator } : {}),
    ...(doi ? { doi } : {}),
    ...(ids.pmid ? { pmid: ids.pmid } : {}),
    ...(ids.pmcid ? { pmcid: ids.pmcid } : {}),
    corrections: [],
    source: { path: sourcePath, format: 'pubmed-html' },
    bibliography: 'references.json',
  };
}

function readIdentifiers(heading: Element): { pmid?: string; pmcid?: string; doi?: string } {
  const list = findFirst(heading, byClass('identifiers')) ?? heading;
  const ids: { pmid?: string; pmcid?: string; doi?: string } = {};
  for (const span of findAll(list, byClass('identifier'))) {
    const value = textOf(findFirst(span, (e) => hasClass(e, 'current-id') || hasClass(e, 'id-link')));
    if (hasClass(span, 'pubmed') && /^\d+$/.test(value)) ids.pmid = value;
    if (hasClass(span, 'pmc') && /^PMC\d+$/.test(value)) ids.pmcid = value;
    if (hasClass(span, 'doi') && value.startsWith('10.')) ids.doi = normalizeDoi(value);
  }
  return ids;
}

function readAbstract(block: Element): { sections: AbstractSection[]; keywords: string[] } {
  const keywords: string[] = [];
  const sections: AbstractSection[] = [];
  for (const p of findAll(block, byTag('p'))) {
    const label = textOf(findFirst(p, byClass('sub-title'))).replace(/:\s*$/, '');
    const text = textOf(p);
    if (/^keywords?$/i.test(label)) {
      keywords.push(
        ...text
          .replace(/^keywords?:\s*/i, '')
          .replace(/\.\s*$/, '')
          .split(';')
          .map((k) => k.trim())
          .filter(Boolean),
      );
      continue;
    }
    if (text === '' || /^(copyright\b|©)/i.test(text)) continue;
    const body = label ? text.slice(text.indexOf(label) + label.length).replace(/^:\s*/, '') : text;
    sections.push(label ? { label, text: escapeMarkdown(body) } : { text: escapeMarkdown(body) });
  }
  return { sections, keywords };
}

function readFigures(block: Element): Figure[] {
  return findAll(block, byTag('figure'))
    .map((figure) => textOf(findFirst(figure, byTag('figcaption')) ?? figure))
    .map((caption) => /^(Figure|Fig\.?)\s+(\d+)[A-Za-z]?[.:]?\s*(.*)$/i.exec(caption))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m, i) => ({
      number: i + 1,
      label: `Figure ${m[2] ?? i + 1}`,
      caption: escapeMarkdown(m[3] ?? ''),
    }));
}

interface PageReference {
  number: number;
  line: number;
  item: CslItemDraft;
  warnings: string[];
}

function readReferences(block: Element): PageReference[] {
  const items = findAll(
    block,
    (e) => e.tagName === 'li' && findFirst(e, byClass('reference-links')) !== undefined,
  );
  // Nested lists repeat the entry; the innermost <li> holding the links is the reference.
  const innermost = items.filter(
    (li) => !items.some((other) => other !== li && findAll(li, (e) => e === other).length > 0),
  );
  const linkLists = innermost.map((li) => findFirst(li, byClass('reference-links')));
  const verbatims = innermost.map((li, i) =>
    textOf({ ...li, children: li.children.filter((c) => c !== linkLists[i]) }),
  );
  // The list is read as a whole: its printing style is decided once, from every entry.
  const reading = parseCitationList(verbatims).entries;
  return innermost.map((li, i) => {
    const linkList = linkLists[i];
    const links = linkList ? findAll(linkList, byTag('a')) : [];
    const verbatim = verbatims[i] ?? '';
    const { item, warnings } = reading[i] ?? { item: { type: 'document' as const }, warnings: [] };
    const found = linkIds(links);
    const pageLinks = [...new Set(links.map(linkKind).filter((k): k is PageLink => k !== undefined))];
    const resolved: CslItemDraft = {
      ...item,
      ...(found.doi ? { DOI: found.doi } : {}),
      ...(found.pmid ? { PMID: found.pmid } : {}),
      ...(found.pmcid ? { PMCID: found.pmcid } : {}),
      custom: { ...item.custom, verbatim, number: i + 1, ...(pageLinks.length > 0 ? { pageLinks } : {}) },
    };
    return { number: i + 1, line: lineOf(li) ?? 1, item: resolved, warnings };
  });
}

function linkKind(a: Element): PageLink | undefined {
  const label = textOf(a).toLowerCase();
  return label === 'doi' || label === 'pmc' || label === 'pubmed' ? label : undefined;
}

/** Identifiers from a reference's buttons: doi.org/…, /<pmid>/, …/articles/PMC…/. */
function linkIds(links: Element[]): { doi?: string; pmid?: string; pmcid?: string } {
  const ids: { doi?: string; pmid?: string; pmcid?: string } = {};
  for (const a of links) {
    const href = attr(a, 'href') ?? '';
    const doi = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(href)?.[1];
    if (doi) ids.doi = normalizeDoi(decodeURIComponent(doi));
    const pmid = /^(?:https?:\/\/pubmed\.ncbi\.nlm\.nih\.gov)?\/(\d+)\/?$/.exec(href)?.[1];
    if (pmid) ids.pmid = pmid;
    const pmcid = /\/(PMC\d+)\/?$/.exec(href)?.[1];
    if (pmcid) ids.pmcid = pmcid;
  }
  return ids;
}

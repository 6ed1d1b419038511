import type { CslItem } from './schema/csl.ts';

/**
 * A link from a reference or review to a resolver. `pubmed-search` marks a query, not a known
 * record; `europepmc` is a second door to a PubMed record.
 */
export interface IdentifierLink {
  kind: 'doi' | 'pubmed' | 'pmc' | 'pubmed-search' | 'europepmc';
  label: string;
  href: string;
}

// DOIs may hold characters such as <, >, #, ; that must be escaped in a URL path; "/" stays readable.
export function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURIComponent(doi).replace(/%2F/gi, '/')}`;
}

export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
}

export function pmcUrl(pmcid: string): string {
  return `https://pmc.ncbi.nlm.nih.gov/articles/${encodeURIComponent(pmcid)}/`;
}

/**
 * A PubMed search for a reference the page marked as in PubMed without printing its PMID.
 * Title, first author and year narrow it to the one record in practice, and it is labelled
 * as a search, so it can never pass for a resolved link to the wrong paper.
 */
export function pubmedSearchUrl(item: CslItem): string | undefined {
  const terms: string[] = [];
  if (item.title)
    terms.push(
      `${item.title
        .replace(/[[\]"]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()}[ti]`,
    );
  const first = item.author?.[0];
  if (first?.family)
    terms.push(`${first.family}${first.given ? ` ${first.given.replace(/[.\s]/g, '')}` : ''}[au]`);
  const year = item.issued?.['date-parts']?.[0]?.[0];
  if (year !== undefined) terms.push(`${year}[dp]`);
  if (terms.length < 2) return undefined;
  return `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(terms.join(' AND '))}`;
}

export function referenceLinks(item: CslItem): IdentifierLink[] {
  const links: IdentifierLink[] = [];
  if (item.DOI) links.push({ kind: 'doi', label: 'DOI', href: doiUrl(item.DOI) });
  if (item.PMID) links.push({ kind: 'pubmed', label: 'PubMed', href: pubmedUrl(item.PMID) });
  if (item.PMCID) links.push({ kind: 'pmc', label: 'PMC', href: pmcUrl(item.PMCID) });
  const marked = item.custom?.pageLinks ?? [];
  if (!item.PMID && (marked.includes('pubmed') || marked.includes('pmc'))) {
    const href = pubmedSearchUrl(item);
    if (href) links.push({ kind: 'pubmed-search', label: 'Search PubMed', href });
  }
  return links;
}

/**
 * The links a review page's reference list shows: the resolved records only. A PubMed search
 * repeats the title in its URL and Europe PMC repeats the PMID, about a third of a long list's
 * weight (issue 11); both stay on the reference's own page, one link away, and in the browser.
 */
export function resolvedLinks(links: readonly IdentifierLink[]): IdentifierLink[] {
  return links.filter((l) => l.kind === 'doi' || l.kind === 'pubmed' || l.kind === 'pmc');
}

import type { CslDate, CslItem, CslName } from '../schema/csl.ts';

/** "Darnell, J. E., Jr." style display of a name, or the organisation's name. */
export function nameText(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  return [family, given, name.suffix].filter(Boolean).join(', ');
}

/** "1997/09/12", "1997/09" or "1997", as Highwire dates are written; undefined without a year. */
export function slashDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts']?.[0];
  if (!parts || parts[0] === undefined) return undefined;
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('/');
}

/** "1997-09-12", "1997-09" or "1997" (ISO 8601), as schema.org and Open Graph write dates. */
export function isoDate(date: CslDate | undefined): string | undefined {
  return slashDate(date)?.replaceAll('/', '-');
}

export const yearOf = (date: CslDate | undefined): string | undefined => {
  const year = date?.['date-parts']?.[0]?.[0];
  return year === undefined ? undefined : String(year);
};

/** First and last page of "1630-1635" (or an e-locator "e23828" as the first page). */
export function pageRange(page: string | undefined): { first?: string; last?: string } {
  if (!page) return {};
  const [first, last] = page.split(/[-–]/).map((p) => p.trim());
  return { ...(first ? { first } : {}), ...(last ? { last } : {}) };
}

export const doiUrl = (doi: string): string =>
  `https://doi.org/${encodeURI(doi).replace(/[?#]/g, encodeURIComponent)}`;
export const pubmedUrl = (pmid: string): string => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
export const pmcUrl = (pmcid: string): string => `https://www.ncbi.nlm.nih.gov/pmc/articles/${pmcid}/`;

export type Work = Pick<
  CslItem,
  | 'type'
  | 'title'
  | 'author'
  | 'container-title'
  | 'issued'
  | 'volume'
  | 'issue'
  | 'page'
  | 'DOI'
  | 'PMID'
  | 'PMCID'
  | 'URL'
>;

/**
 * A CSL text field the typed schema does not name (`ISSN`, `abstract`, `language`, …): the
 * schema keeps such fields on load, so they are read as plain strings or not at all.
 */
export function looseText(item: CslItem, key: string): string | undefined {
  const value = (item as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The reference browser's small query language, parsed in the browser before Pagefind sees it:
 *
 *   author:darnell          first, second… author's family name (any author of the reference)
 *   year:1997  year:1997-2004  year:1997-  year:-2004
 *   doi:10.1126/science.277.5332.1630
 *   pmid:9287210   pmcid:PMC3166277
 *   plain words             a full-text query over the reference's entry
 *
 * Values may be quoted (`author:"van der berg"`). An unknown `key:value` is kept as plain words,
 * so a title with a colon still finds its reference. Pure: no DOM, no Pagefind.
 */

export interface YearRange {
  from?: number;
  to?: number;
}

export interface ParsedQuery {
  /** What is left for Pagefind's full-text search; '' when only filters were given. */
  text: string;
  /** Family names, normalised with `filterValue`, every one of which must match. */
  authors: string[];
  years?: YearRange;
  doi?: string;
  pmid?: string;
  pmcid?: string;
  /** One reader-facing sentence per term that could not be read, e.g. `year:abc`. */
  problems: string[];
}

/** The keys the syntax knows, with what each means, for the help text in the UI. */
export const QUERY_KEYS = [
  { key: 'author', example: 'author:darnell', means: 'an author’s family name' },
  { key: 'year', example: 'year:1997-2004', means: 'a year or a range of years (1997-, -2004)' },
  { key: 'doi', example: 'doi:10.1126/science.277.5332.1630', means: 'the DOI' },
  { key: 'pmid', example: 'pmid:9287210', means: 'the PubMed ID' },
  { key: 'pmcid', example: 'pmcid:PMC3166277', means: 'the PubMed Central ID' },
] as const;

type QueryKey = (typeof QUERY_KEYS)[number]['key'];
const KEYS = new Set<string>(QUERY_KEYS.map((k) => k.key));

/**
 * A value as stored in a Pagefind filter and as compared with one: lower case, no diacritics,
 * single spaces. The pages write filter values through this too, so both sides agree.
 */
export function filterValue(value: string): string {
  return withoutMarkup(
    value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim(),
  );
}

/**
 * `value` with its angle brackets as look-alikes (‹ ›). Pagefind's own UI writes filter values
 * into its filter panel as HTML, so a hostile journal or DOI must never reach it as markup; the
 * query side goes through the same mapping, so a DOI with brackets still matches.
 */
export function withoutMarkup(value: string): string {
  return value.replace(/</g, '\u2039').replace(/>/g, '\u203a');
}

/** A DOI as written in a query or a link: "https://doi.org/10.1/x", "doi:10.1/x" → "10.1/x". */
export function normaliseDoi(doi: string): string {
  return filterValue(doi.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, ''));
}

/** Splits on whitespace outside double quotes; `key:"a b"` stays one token, quotes removed. */
function tokens(input: string): string[] {
  const out: string[] = [];
  for (const m of input.matchAll(/(?:[^\s"]+|"[^"]*"?)+/g)) out.push(m[0].replace(/"/g, ''));
  return out.filter((t) => t !== '');
}

function parseYears(value: string): YearRange | undefined {
  const single = /^(\d{4})$/.exec(value);
  if (single) return { from: Number(single[1]), to: Number(single[1]) };
  const range = /^(\d{4})?\s*[-–—.]{1,2}\s*(\d{4})?$/.exec(value);
  if (!range || (range[1] === undefined && range[2] === undefined)) return undefined;
  const from = range[1] === undefined ? undefined : Number(range[1]);
  const to = range[2] === undefined ? undefined : Number(range[2]);
  if (from !== undefined && to !== undefined && from > to) return { from: to, to: from };
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

export function parseQuery(input: string): ParsedQuery {
  const words: string[] = [];
  const parsed: ParsedQuery = { text: '', authors: [], problems: [] };
  for (const token of tokens(input)) {
    const m = /^([a-z]+):(.*)$/i.exec(token);
    const key = m?.[1]?.toLowerCase();
    if (!m || key === undefined || !KEYS.has(key)) {
      words.push(token);
      continue;
    }
    const value = (m[2] ?? '').trim();
    if (value === '') {
      parsed.problems.push(`“${token}” needs a value after the colon, e.g. ${example(key as QueryKey)}.`);
      continue;
    }
    switch (key as QueryKey) {
      case 'author':
        parsed.authors.push(filterValue(value));
        break;
      case 'year': {
        const years = parseYears(value);
        if (years) parsed.years = years;
        else parsed.problems.push(`“${token}” is not a year or a range of years, e.g. year:1997-2004.`);
        break;
      }
      case 'doi':
        parsed.doi = normaliseDoi(value);
        break;
      case 'pmid':
        if (/^\d+$/.test(value)) parsed.pmid = value;
        else parsed.problems.push(`“${token}” is not a PubMed ID: those are digits only.`);
        break;
      case 'pmcid': {
        const id = /^(?:pmc)?(\d+)$/i.exec(value);
        if (id) parsed.pmcid = `pmc${id[1] ?? ''}`;
        else parsed.problems.push(`“${token}” is not a PubMed Central ID, e.g. pmcid:PMC3166277.`);
        break;
      }
    }
  }
  parsed.text = words.join(' ');
  return parsed;
}

function example(key: QueryKey): string {
  return QUERY_KEYS.find((k) => k.key === key)?.example ?? `${key}:…`;
}

/** The years of `available` (filter values such as "1997") that fall in `range`. */
export function yearsInRange(range: YearRange, available: Iterable<string>): string[] {
  return [...available]
    .filter((y) => /^\d{4}$/.test(y))
    .filter(
      (y) =>
        (range.from === undefined || Number(y) >= range.from) &&
        (range.to === undefined || Number(y) <= range.to),
    )
    .sort();
}

/** A Pagefind filter object (see https://pagefind.app/docs/js-api-filtering/). */
export type PagefindFilter = { [key: string]: string | string[] | PagefindFilter | PagefindFilter[] };

/** A value no page carries: a filter that matches nothing, for a year range with no references. */
export const NO_MATCH = '\u0000none';

/**
 * The filters the query asks for, in Pagefind's form, each of which must hold. `availableYears`
 * are the values of the `year` filter (a range becomes "any of these years").
 */
export function queryFilters(query: ParsedQuery, availableYears: Iterable<string>): PagefindFilter[] {
  const out: PagefindFilter[] = [];
  for (const author of query.authors) out.push({ author });
  if (query.years) {
    const years = yearsInRange(query.years, availableYears);
    out.push({ year: { any: years.length > 0 ? years : [NO_MATCH] } });
  }
  if (query.doi !== undefined) out.push({ doi: query.doi });
  if (query.pmid !== undefined) out.push({ pmid: query.pmid });
  if (query.pmcid !== undefined) out.push({ pmcid: query.pmcid });
  return out;
}

/** Every filter of `parts` must hold: one Pagefind filter object (an empty object means none). */
export function allOf(parts: PagefindFilter[]): PagefindFilter {
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0] ?? {};
  return { all: parts };
}

/** The query read back as a sentence for the results' status line, e.g. "by Darnell, 1997–2004". */
export function describeQuery(query: ParsedQuery): string {
  const parts: string[] = [];
  if (query.text) parts.push(`matching “${query.text}”`);
  if (query.authors.length > 0) parts.push(`by ${query.authors.join(' and ')}`);
  if (query.years) {
    const { from, to } = query.years;
    if (from !== undefined && from === to) parts.push(`from ${from}`);
    else if (from !== undefined && to !== undefined) parts.push(`from ${from}–${to}`);
    else if (from !== undefined) parts.push(`from ${from} on`);
    else if (to !== undefined) parts.push(`up to ${to}`);
  }
  if (query.doi !== undefined) parts.push(`with DOI ${query.doi}`);
  if (query.pmid !== undefined) parts.push(`with PubMed ID ${query.pmid}`);
  if (query.pmcid !== undefined) parts.push(`with PMC ID ${query.pmcid.toUpperCase()}`);
  return parts.join(', ');
}

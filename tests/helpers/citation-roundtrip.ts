/**
 * The held-out round trip: structured reference records (tests/helpers/structured-references.ts)
 * are printed as NLM text by the official NLM CSL style through the site's citation-js
 * (tests/helpers/nlm-text.ts), read back with parseCitation, and compared field by field with
 * the record. The parser was never tuned on these records. The unit test
 * (tests/unit/parse-citation-roundtrip.test.ts) and scripts/measure-citation-parser.ts share
 * this one copy.
 *
 * The truth is what the style *printed* from the record, never something it cannot print.
 * Each place where NLM legitimately changes the record is normalised below, marked "NLM:".
 */
import { parseCitation, type CslItemDraft } from '../../src/lib/parse/parse-citation.ts';
import type { CslItem, CslName } from '../../src/lib/schema/csl.ts';
import { formatNlmText } from './nlm-text.ts';
import {
  loadStructuredReferences,
  type SkippedReference,
  type StructuredReference,
} from './structured-references.ts';

export const ROUNDTRIP_FIELDS = [
  'type',
  'first author',
  'author names',
  'author count',
  'et al.',
  'title',
  'container-title',
  'year',
  'volume',
  'issue',
  'first page',
  'page',
  'publisher',
  'publisher-place',
  'DOI',
  'PMID',
] as const;
export type RoundTripField = (typeof ROUNDTRIP_FIELDS)[number];

export interface FieldResult {
  field: RoundTripField;
  right: boolean;
  got: unknown;
  want: unknown;
}

export interface RoundTripCase {
  source: string;
  /** The NLM string citation-js printed from the record: the parser's input. */
  text: string;
  truth: CslItem;
  parsed: CslItemDraft;
  /** What the parser said it could not read; a clean string should leave none. */
  warnings: string[];
  results: FieldResult[];
}

export interface RoundTripSource {
  name: string;
  label: string;
  cases: RoundTripCase[];
  skipped: SkippedReference[];
}

export interface Tally {
  right: number;
  total: number;
}

// NLM: et-al-min="7" et-al-use-first="6": at most six names are printed, then "et al.".
const NLM_MAX_NAMES = 6;

/** NLM/citeproc prints typographic quotes and apostrophes ("O'Shea" prints as "O’Shea"). */
function normaliseQuotes(text: string): string {
  return text.replace(/["'‘’‚“”„]/g, '"');
}

/**
 * Titles: whitespace collapsed and a closing period dropped (NLM ends every element with ". ",
 * so a period of the title's own cannot be told from the delimiter). NLM/citeproc also rewrites
 * quotation marks: straight quotes become typographic ones and the outer pair becomes the
 * locale's primary (double) quotes ('stress-sensitive' prints as “stress-sensitive”), so quote
 * marks are compared without their shape. Case is kept: NLM applies no text-case to titles, so
 * any case change is the parser's.
 */
export function normaliseTitle(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return normaliseQuotes(text).replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}

/** Ranges and volumes: the parser writes every dash as "-" (by design); NLM prints "–". */
function normaliseDashes(text: string | undefined): string | undefined {
  return text?.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ');
}

/**
 * NLM: journal titles are printed with form="short" strip-periods="true" for article-journal
 * ("Nat. Comm." prints as "Nat Comm"); other types print the container title as recorded.
 */
function printedContainer(item: CslItem): string | undefined {
  const title = item['container-title'];
  if (title === undefined) return undefined;
  if (item.type !== 'article-journal') return title;
  return (item['container-title-short'] ?? title).replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/**
 * NLM: volume and issue are printed only in the serial identifier of journal-like types; a
 * chapter's volume is not printed at all, so it cannot be read back.
 */
function printsVolume(item: CslItem): boolean {
  return item.type === 'article-journal';
}

function nameText(name: CslName | undefined): string | undefined {
  return name?.family ?? name?.literal;
}

/**
 * One name. Family names are compared, given names are not: NLM/citeproc (initialize-with="")
 * initialises a JATS given-names "CS" as one name and prints "C", so the record's initials are
 * not what the style printed. A record name with a family name but no given name (Crossref
 * gives only the first author's surname) prints as a bare word, which no reader can tell from a
 * one-word group author; either reading counts.
 */
function nameRight(want: CslName, got: CslName | undefined): boolean {
  const same = (a: string | undefined, b: string | undefined): boolean =>
    a !== undefined && b !== undefined && normaliseQuotes(a) === normaliseQuotes(b);
  if (want.literal !== undefined) return same(got?.literal, want.literal);
  if (same(got?.family, want.family)) return true;
  return want.given === undefined && same(got?.literal, want.family);
}

function firstPage(page: string | undefined): string | undefined {
  return normaliseDashes(page)?.split(/\s*[-,]\s*/)[0];
}

function yearOf(item: { issued?: CslItem['issued'] }): number | string | undefined {
  return item.issued?.['date-parts']?.[0]?.[0];
}

/**
 * Compares one field. A field is judged when the record prints it or the parser claims to have
 * read it (so an invented value is a miss), and skipped when neither has it.
 */
function judge(
  results: FieldResult[],
  field: RoundTripField,
  want: unknown,
  got: unknown,
  same: (a: unknown, b: unknown) => boolean = (a, b) => a === b,
): void {
  if (want === undefined && got === undefined) return;
  results.push({ field, want, got, right: want !== undefined && got !== undefined && same(want, got) });
}

export function compareFields(ref: StructuredReference, parsed: CslItemDraft): FieldResult[] {
  const truth = ref.item;
  const results: FieldResult[] = [];
  judge(results, 'type', truth.type, parsed.type);

  const authors = truth.author ?? [];
  const gotAuthors = parsed.author ?? [];
  const first = authors[0];
  if (first) {
    results.push({
      field: 'first author',
      want: nameText(first),
      got: nameText(gotAuthors[0]),
      right: nameRight(first, gotAuthors[0]),
    });
    // NLM: only the first six names are printed when the list is cut.
    const printed = authors.slice(0, NLM_MAX_NAMES);
    results.push({
      field: 'author names',
      want: printed.map(nameText),
      got: gotAuthors.map(nameText),
      right:
        printed.length === gotAuthors.length && printed.every((name, i) => nameRight(name, gotAuthors[i])),
    });
  }
  const printedEtAl = ref.etal || authors.length > NLM_MAX_NAMES;
  if (authors.length > 0 && !printedEtAl) {
    judge(results, 'author count', authors.length, gotAuthors.length);
  }
  if (authors.length > 0) {
    judge(results, 'et al.', printedEtAl, parsed.custom?.authorsTruncated === true);
  }

  judge(results, 'title', normaliseTitle(truth.title), normaliseTitle(parsed.title));
  judge(results, 'container-title', printedContainer(truth), parsed['container-title']);
  judge(results, 'year', yearOf(truth), yearOf(parsed));
  const volume = printsVolume(truth) ? truth.volume : undefined;
  const issue = printsVolume(truth) ? truth.issue : undefined;
  judge(results, 'volume', normaliseDashes(volume), normaliseDashes(parsed.volume));
  judge(results, 'issue', issue, parsed.issue);
  judge(results, 'first page', firstPage(truth.page), firstPage(parsed.page));
  judge(results, 'page', normaliseDashes(truth.page), normaliseDashes(parsed.page));
  // NLM prints publisher and place for every type but journal articles.
  judge(results, 'publisher', truth.publisher, parsed.publisher);
  judge(results, 'publisher-place', truth['publisher-place'], parsed['publisher-place']);
  judge(results, 'DOI', truth.DOI, parsed.DOI, (a, b) => String(a).toLowerCase() === String(b).toLowerCase());
  judge(results, 'PMID', truth.PMID, parsed.PMID);
  return results;
}

/** Runs the whole round trip: every source, every record. */
export function runRoundTrip(): RoundTripSource[] {
  return loadStructuredReferences().map(({ name, label, references, skipped }) => {
    const truncated = new Set(references.filter((r) => r.etal).map((r) => r.item.id));
    const texts = formatNlmText(
      references.map((r) => r.item),
      truncated,
    );
    const cases = references.map((ref) => {
      const text = texts.get(ref.item.id) ?? '';
      const { item: parsed, warnings } = parseCitation(text);
      return {
        source: ref.source,
        text,
        truth: ref.item,
        parsed,
        warnings,
        results: compareFields(ref, parsed),
      };
    });
    return { name, label, cases, skipped };
  });
}

/** right / total per field, in ROUNDTRIP_FIELDS order, over the given cases. */
export function tallyFields(cases: readonly RoundTripCase[]): Map<RoundTripField, Tally> {
  const tallies = new Map<RoundTripField, Tally>(ROUNDTRIP_FIELDS.map((f) => [f, { right: 0, total: 0 }]));
  for (const c of cases) {
    for (const r of c.results) {
      const tally = tallies.get(r.field);
      if (!tally) continue;
      tally.total += 1;
      if (r.right) tally.right += 1;
    }
  }
  return tallies;
}

/** Every field result of every case added up. */
export function tallyAll(cases: readonly RoundTripCase[]): Tally {
  let right = 0;
  let total = 0;
  for (const tally of tallyFields(cases).values()) {
    right += tally.right;
    total += tally.total;
  }
  return { right, total };
}

/** Cases the parser read without any warning: right / total. */
export function tallyClean(cases: readonly RoundTripCase[]): Tally {
  return { right: cases.filter((c) => c.warnings.length === 0).length, total: cases.length };
}

/** "warnings  [source] text" for each case the parser warned about. */
export function warningMisses(cases: readonly RoundTripCase[]): string[] {
  return cases
    .filter((c) => c.warnings.length > 0)
    .map((c) => `warnings ${JSON.stringify(c.warnings)}  [${c.source}] ${c.text}`);
}

/** "field: got ≠ want  [source] text" for each wrong field of `field` (or of any field). */
export function roundTripMisses(cases: readonly RoundTripCase[], field?: RoundTripField): string[] {
  const out: string[] = [];
  for (const c of cases) {
    for (const r of c.results) {
      if (r.right || (field !== undefined && r.field !== field)) continue;
      out.push(`${r.field}: ${JSON.stringify(r.got)} ≠ ${JSON.stringify(r.want)}  [${c.source}] ${c.text}`);
    }
  }
  return out;
}

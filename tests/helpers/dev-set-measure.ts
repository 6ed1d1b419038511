/**
 * Scores the citation reader on the development set (tests/helpers/dev-set.ts). Shared by
 * `npm run measure:citations` and the unit test that pins the rates.
 *
 * A field is right when, after normalisation, the reading equals the truth; it is judged when
 * the truth has it or the reader claims it (an invented field is wrong). Normalisation: case,
 * punctuation, quotes and whitespace are ignored everywhere (titles printed in sentence case,
 * typographic quotes, a title's own closing period); names compare family names only (styles
 * print given names as initials, with or without periods); a journal is right when the two
 * names are equal once periods are dropped or one is the other's abbreviation word by word
 * ("J Theor Biol" for "Journal of Theoretical Biology"); pages compare written-out ranges
 * ("228–32" is "228-232"). Volume and year compare as printed (a volume recorded as "144 Pt 9"
 * is right when read as volume 144, issue "Pt 9"; a recorded "volume 156" is 156).
 *
 * A reference is fully right when every judged field is right; "wrong but unmarked" when some
 * field is wrong and it is not `custom.shownVerbatim`. PubMed `<Citation>` strings have no field
 * truth: for them only identifiers and how many are marked are counted.
 */
import type { CslItemDraft } from '../../src/lib/parse/parse-citation.ts';
import { expandPageRange } from '../../src/lib/parse/parse-pages.ts';
import type { CslItem, CslName } from '../../src/lib/schema/csl.ts';
import { parseJats } from '../../src/lib/parse/jats/parse-jats.ts';
import { parsePubmedXml } from '../../src/lib/parse/pubmed-xml/parse-pubmed-xml.ts';
import { DEV_SET_FILES, loadDevSet, readFixture, type DevList, type DevReference } from './dev-set.ts';

export interface ListReading {
  family: string;
  items: { item: CslItemDraft; family: string }[];
}

export type ReadList = (texts: string[]) => ListReading;

export const DEV_FIELDS = ['authors', 'title', 'container-title', 'year', 'volume', 'page'] as const;
export type DevField = (typeof DEV_FIELDS)[number];

export interface DevCase {
  source: string;
  text: string;
  listFamily: string;
  family: string;
  item: CslItemDraft;
  marked: boolean;
  /** Wrong fields (empty: fully right); undefined without field truth. */
  wrong?: { field: DevField; got: unknown; want: unknown }[];
  judged: DevField[];
  idErrors: string[];
  idChecks: number;
}

function norm(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const out = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return out === '' ? undefined : out;
}

function nameKey(name: CslName | undefined): string | undefined {
  return norm(name?.family ?? name?.literal);
}

/** "j theor biol" abbreviates "journal of theoretical biology": each word a prefix, in order. */
function abbreviates(short: string, full: string): boolean {
  const words = full
    .split(' ')
    .filter((w) => !['of', 'the', 'and', 'for', 'in', 'de', 'la', 'et'].includes(w));
  const parts = short
    .split(' ')
    .filter((w) => !['of', 'the', 'and', 'for', 'in', 'de', 'la', 'et'].includes(w));
  if (parts.length !== words.length) return false;
  return parts.every((p, i) => (words[i] ?? '').startsWith(p));
}

function sameContainer(want: string | undefined, got: string | undefined): boolean {
  const a = norm(want);
  const b = norm(got);
  if (a === undefined || b === undefined) return a === b;
  return a === b || abbreviates(b, a) || abbreviates(a, b);
}

function pageKey(page: string | undefined): string | undefined {
  return page === undefined ? undefined : norm(expandPageRange(page))?.replace(/\s+/g, '-');
}

function yearOf(item: { issued?: CslItem['issued'] }): string | undefined {
  const y = item.issued?.['date-parts']?.[0]?.[0];
  return y === undefined ? undefined : String(y);
}

export function judgeFields(
  ref: DevReference,
  truth: CslItem,
  item: CslItemDraft,
): { wrong: NonNullable<DevCase['wrong']>; judged: DevField[] } {
  const wrong: NonNullable<DevCase['wrong']> = [];
  const judged: DevField[] = [];
  const check = (field: DevField, want: unknown, got: unknown, same: boolean): void => {
    if (want === undefined && got === undefined) return;
    judged.push(field);
    if (!same) wrong.push({ field, got, want });
  };
  const wantNames = (truth.author ?? []).map(nameKey);
  const gotNames = (item.author ?? []).map(nameKey);
  // A cut list is right when what was printed was read: the printed names come first.
  const namesRight =
    wantNames.length === 0
      ? gotNames.length === 0
      : ref.etal || item.custom?.authorsTruncated === true
        ? gotNames.length > 0 &&
          gotNames.length <= wantNames.length &&
          gotNames.every((n, i) => n === wantNames[i])
        : gotNames.length === wantNames.length && gotNames.every((n, i) => n === wantNames[i]);
  check(
    'authors',
    wantNames.length > 0 ? wantNames : undefined,
    gotNames.length > 0 ? gotNames : undefined,
    namesRight,
  );
  const book = truth.type === 'book';
  const wantTitle = norm(truth.title);
  const gotTitle = norm(item.title);
  check('title', wantTitle, gotTitle, wantTitle === gotTitle);
  if (!book) {
    check(
      'container-title',
      truth['container-title'],
      item['container-title'],
      sameContainer(truth['container-title'], item['container-title']),
    );
  }
  check('year', yearOf(truth), yearOf(item), yearOf(truth) === yearOf(item));
  if (truth.type === 'article-journal') {
    // PubMed's "144 (Pt 9)": a record may keep the part in the volume, a reading in the issue.
    const withIssue = norm([item.volume, item.issue].filter(Boolean).join(' '));
    const wantVolume = norm(truth.volume?.replace(/^vol(?:ume)?\.?\s*/i, ''));
    const volumeRight = wantVolume === norm(item.volume) || wantVolume === withIssue;
    check('volume', wantVolume, norm(item.volume), volumeRight);
    check('page', pageKey(truth.page), pageKey(item.page), pageKey(truth.page) === pageKey(item.page));
  }
  return { wrong, judged };
}

const ID_FIELDS = [
  ['doi', 'DOI'],
  ['pmid', 'PMID'],
  ['pmcid', 'PMCID'],
] as const;

/** Every identifier read must equal the source's; one read where the source has none is invented. */
export function judgeIds(ref: DevReference, item: CslItemDraft): { errors: string[]; checks: number } {
  const errors: string[] = [];
  let checks = 0;
  for (const [key, field] of ID_FIELDS) {
    const got = item[field];
    const want = ref.ids[key];
    if (got === undefined) continue;
    checks += 1;
    // Printed in the string but not in the source's structured ids is read, not invented.
    if (want === undefined && !ref.text.toLowerCase().includes(got.toLowerCase().replace(/^pmc/, ''))) {
      errors.push(`${field} invented: ${got}`);
    } else if (want === undefined) {
      checks -= 1;
    } else if (got.toLowerCase() !== want.toLowerCase()) {
      errors.push(`${field} ${got} ≠ ${want}`);
    }
  }
  return { errors, checks };
}

export function measureList(list: DevList, read: ReadList): DevCase[] {
  const reading = read(list.references.map((r) => r.text));
  return list.references.map((ref, i) => {
    const entry = reading.items[i];
    const item = entry?.item ?? { type: 'document' };
    const marked = item.custom?.shownVerbatim === true;
    const ids = judgeIds(ref, item);
    const base = {
      source: ref.source,
      text: ref.text,
      listFamily: reading.family,
      family: entry?.family ?? reading.family,
      item,
      marked,
      idErrors: ids.errors,
      idChecks: ids.checks,
    };
    if (!ref.truth) return { ...base, judged: [] };
    const { wrong, judged } = judgeFields(ref, ref.truth, item);
    return { ...base, wrong, judged };
  });
}

export interface DevTally {
  references: number;
  /** References with field truth. */
  judged: number;
  fullyRight: number;
  wrongUnmarked: number;
  marked: number;
  fieldsRight: number;
  fields: number;
  idsRead: number;
  idErrors: number;
}

function emptyTally(): DevTally {
  return {
    references: 0,
    judged: 0,
    fullyRight: 0,
    wrongUnmarked: 0,
    marked: 0,
    fieldsRight: 0,
    fields: 0,
    idsRead: 0,
    idErrors: 0,
  };
}

/** Adds the cases up, overall and by the family each entry was read with. */
export function tallyDevSet(cases: readonly DevCase[]): Map<string, DevTally> {
  const out = new Map<string, DevTally>([['overall', emptyTally()]]);
  for (const c of cases) {
    for (const key of ['overall', c.family]) {
      const t = out.get(key) ?? emptyTally();
      t.references += 1;
      if (c.marked) t.marked += 1;
      t.idsRead += c.idChecks;
      t.idErrors += c.idErrors.length;
      if (c.wrong) {
        t.judged += 1;
        t.fields += c.judged.length;
        t.fieldsRight += c.judged.length - c.wrong.length;
        if (c.wrong.length === 0) t.fullyRight += 1;
        else if (!c.marked) t.wrongUnmarked += 1;
      }
      out.set(key, t);
    }
  }
  return out;
}

/** The reader as the PubMed parsers use it: one list at a time through parseCitationList. */
export function readWithStyles(
  parseList: (texts: readonly string[]) => {
    family: string;
    entries: { item: CslItemDraft; family: string }[];
  },
): ReadList {
  return (texts) => {
    const reading = parseList(texts);
    return {
      family: reading.family,
      items: reading.entries.map((e) => ({ item: e.item, family: e.family })),
    };
  };
}

export interface OwnXmlResult {
  file: string;
  /** The reader refused the file (its message), or undefined. */
  refused?: string;
  references: number;
  judged: number;
  fullyRight: number;
  wrongUnmarked: number;
  marked: number;
  idsRead: number;
  idErrors: string[];
  /** "field: got ≠ want [source]" for each wrong, unmarked reference. */
  misses: string[];
}

/**
 * Each file through its own reader, as `npm run ingest` reads it: PubMed XML (the list read
 * whole, identifiers from `<ArticleIdList>`) and JATS (structured fields). Items are matched
 * to the development set by their printed string (PubMed) or their `ref/@id` (JATS).
 */
export function measureOwnXml(): OwnXmlResult[] {
  const truth = new Map<string, DevReference>();
  for (const list of loadDevSet()) {
    for (const ref of list.references) {
      const key = list.origin === 'pubmed-citation' ? `${list.file}|${ref.text}` : ref.source;
      truth.set(key, ref);
    }
  }
  return DEV_SET_FILES.map((file) => {
    const result: OwnXmlResult = {
      file,
      references: 0,
      judged: 0,
      fullyRight: 0,
      wrongUnmarked: 0,
      marked: 0,
      idsRead: 0,
      idErrors: [],
      misses: [],
    };
    const xml = readFixture(file);
    const pubmed = xml.includes('<PubmedArticle>');
    let reviews;
    try {
      reviews = pubmed ? parsePubmedXml(xml, file) : parseJats(xml, file);
    } catch (error) {
      result.refused = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      return result;
    }
    reviews.forEach(({ review }, a) => {
      for (const item of review.references) {
        const verbatim = (item.custom?.verbatim ?? '').replace(/\s+/g, ' ').trim();
        const key = pubmed ? `${file}|${verbatim}` : `${file}#${a + 1}#${item.custom?.sourceId ?? ''}`;
        const ref = truth.get(key);
        if (!ref) continue;
        result.references += 1;
        if (item.custom?.shownVerbatim === true) result.marked += 1;
        const ids = judgeIds(ref, item);
        result.idsRead += ids.checks;
        result.idErrors.push(...ids.errors.map((e) => `${e} [${ref.source}]`));
        if (!ref.truth) continue;
        const { wrong } = judgeFields(ref, ref.truth, item);
        result.judged += 1;
        if (wrong.length === 0) result.fullyRight += 1;
        else if (item.custom?.shownVerbatim !== true) {
          result.wrongUnmarked += 1;
          result.misses.push(`${JSON.stringify(wrong)} [${ref.source}]`);
        }
      }
    });
    return result;
  });
}

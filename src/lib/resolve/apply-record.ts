import type { CslItem } from '../schema/csl.ts';
import {
  TITLE_SIMILARITY_THRESHOLD,
  firstAuthorFamily,
  firstPage,
  itemYear,
  normaliseText,
  sameFamily,
  sameJournal,
  titleSimilarity,
} from './compare-work.ts';
import type { ConflictField } from './resolve-references.ts';
import { RECORD_FIELDS, type WorkRecord } from './work-records.ts';

/**
 * A reference takes its fields from its work's own record (PubMed's or Crossref's). The rule:
 * 1. The record must be of the work the reference prints (`sameWork`); if not, nothing is taken
 *    and each disagreeing field is a conflict "not applied".
 * 2. Otherwise the record wins for every field it has (type, title, authors, journal, date,
 *    volume, issue, pages): a reader trusts PubMed over a hand-typed or mis-parsed string. What
 *    the record does not describe stays when the parser read the same type of work, and goes
 *    when it read another (a journal article misread as a book has no publisher). Each
 *    field where the printed string said otherwise is still listed, as a conflict "applied", so
 *    nothing is overwritten silently. The printed string stays in `custom.verbatim`; identifiers
 *    the reference printed are kept (a differing one is a conflict), missing ones are filled in.
 */

export interface FieldDifference {
  field: ConflictField;
  /** What the reference says. */
  parsed: string;
  /** What the record says. */
  resolved: string;
}

export interface AppliedRecord {
  item: CslItem;
  differences: FieldDifference[];
  /** False when the record is not of the printed work and nothing was taken. */
  applied: boolean;
}

export function takeRecordFields(
  item: CslItem,
  record: WorkRecord,
  from: 'pubmed' | 'crossref',
): AppliedRecord {
  const differences = compareWithRecord(item, record);
  if (!sameWork(item, record)) return { item, differences, applied: false };

  const { fields } = record;
  const { authorsTruncated: _truncated, ...custom } = item.custom ?? {};
  const out: CslItem = {
    id: item.id,
    // Fields the record does not describe (a chapter's editors and publisher) stay when the
    // parser read the same kind of work; read as another kind, they are misreadings and go.
    ...(item.type === fields.type ? withoutRecordFields(item) : {}),
    ...fields,
    // The printed identifiers stay: they are exact, and a record that disagrees is listed above.
    ...(item.DOI !== undefined ? { DOI: item.DOI } : {}),
    ...(item.PMID !== undefined ? { PMID: item.PMID } : {}),
    ...(item.PMCID !== undefined ? { PMCID: item.PMCID } : {}),
    // Not bibliographic fields of the record: what the reference printed besides.
    ...(item.URL !== undefined ? { URL: item.URL } : {}),
    ...(item.accessed !== undefined ? { accessed: item.accessed } : {}),
    ...(item.note !== undefined ? { note: item.note } : {}),
    custom: {
      ...custom,
      ...(record.authorsTruncated ? { authorsTruncated: true } : {}),
      fieldsFrom: from,
      shownVerbatim: false,
    },
  };
  const known = out.custom?.corrections ?? [];
  const fresh = record.corrections.filter(
    (c) => !known.some((k) => k.type === c.type && (k.doi ?? k.pmid) === (c.doi ?? c.pmid)),
  );
  if (fresh.length > 0) out.custom = { ...out.custom, corrections: [...known, ...fresh] };
  return { item: out, differences, applied: true };
}

function withoutRecordFields(item: CslItem): Partial<CslItem> {
  const recordFields = new Set<string>([...RECORD_FIELDS, 'custom']);
  return Object.fromEntries(Object.entries(item).filter(([key]) => !recordFields.has(key)));
}

/**
 * Whether the record is of the work the reference names. With the printed string, the record's
 * title (80 % of its words) and its first author or year must appear in it, or its year, volume
 * and first page with its first author or journal: the string is the evidence, whatever the
 * parser made of it. Without one (structured JATS), the read title must be alike, or the first
 * author and the year the same.
 */
export function sameWork(item: CslItem, record: WorkRecord): boolean {
  const { fields } = record;
  const verbatim = item.custom?.verbatim;
  if (verbatim !== undefined && verbatim.trim() !== '') {
    const tokens = new Set(normaliseText(verbatim).split(' '));
    const named = (text: string | undefined): boolean => {
      const words = text === undefined ? [] : normaliseText(text).split(' ').filter(Boolean);
      return words.length > 0 && words.filter((w) => tokens.has(w)).length / words.length >= 0.8;
    };
    const first = fields.author?.[0];
    const titleIn = named(fields.title);
    const authorIn = named(first?.family ?? first?.literal);
    const yearIn = record.years.some((y) => tokens.has(String(y)));
    const volumeIn = fields.volume !== undefined && named(fields.volume);
    const pageIn = named(firstPage(fields.page));
    const journalIn = named(fields['container-title-short']) || named(fields['container-title']);
    return (titleIn && (authorIn || yearIn)) || (yearIn && volumeIn && pageIn && (authorIn || journalIn));
  }
  const title =
    item.title !== undefined && fields.title !== undefined ? sameTitle(item.title, fields.title) : undefined;
  if (title !== undefined) return title;
  const family = firstAuthorFamily(item.author);
  const theirs = firstAuthorFamily(fields.author);
  const year = itemYear(item);
  return (
    family !== undefined &&
    theirs !== undefined &&
    sameFamily(family, theirs) &&
    year !== undefined &&
    record.years.includes(year)
  );
}

/** The fields the reference and the record both have and disagree on. */
export function compareWithRecord(item: CslItem, record: WorkRecord): FieldDifference[] {
  const { fields } = record;
  const out: FieldDifference[] = [];
  if (item.title !== undefined && fields.title !== undefined && !sameTitle(item.title, fields.title)) {
    out.push({ field: 'title', parsed: item.title, resolved: fields.title });
  }
  const year = itemYear(item);
  if (year !== undefined && record.years.length > 0 && !record.years.includes(year)) {
    out.push({ field: 'issued', parsed: String(year), resolved: record.years.join(' / ') });
  }
  if (item.volume !== undefined && fields.volume !== undefined) {
    if (normaliseText(item.volume) !== normaliseText(fields.volume))
      out.push({ field: 'volume', parsed: item.volume, resolved: fields.volume });
  }
  const page = firstPage(item.page);
  const theirPage = firstPage(fields.page);
  if (page !== undefined && theirPage !== undefined && page !== theirPage) {
    out.push({ field: 'page', parsed: item.page ?? '', resolved: fields.page ?? '' });
  }
  const journal = item['container-title'] ?? item['container-title-short'];
  const names = [fields['container-title'], fields['container-title-short']].filter(
    (n): n is string => n !== undefined,
  );
  if (journal !== undefined && names.length > 0 && !sameJournal(journal, names)) {
    out.push({ field: 'container-title', parsed: journal, resolved: names.at(-1) ?? '' });
  }
  const family = firstAuthorFamily(item.author);
  const theirs = firstAuthorFamily(fields.author);
  if (family !== undefined && theirs !== undefined && !sameFamily(family, theirs)) {
    out.push({
      field: 'author',
      parsed: item.author?.[0]?.family ?? family,
      resolved: fields.author?.[0]?.family ?? theirs,
    });
  }
  for (const id of ['DOI', 'PMCID'] as const) {
    const mine = item[id];
    const record_ = fields[id];
    if (mine !== undefined && record_ !== undefined && mine.toLowerCase() !== record_.toLowerCase())
      out.push({ field: id, parsed: mine, resolved: record_ });
  }
  return out;
}

/** Alike as a whole, or the printed title is the record's without its subtitle ("Title: subtitle"). */
function sameTitle(printed: string, recorded: string): boolean {
  const main = recorded.split(/:\s/)[0] ?? recorded;
  return [recorded, main].some((t) => titleSimilarity(printed, t) >= TITLE_SIMILARITY_THRESHOLD);
}

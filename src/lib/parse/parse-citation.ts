import type { CslItem, CslType } from '../schema/csl.ts';
import { findDoi, findIsbn, findPmcid, findPmid, findUrl } from './identifiers.ts';
import { findLocator, type Locator } from './journal-source.ts';
import { TRAILER, stripNoise } from './noise.ts';
import { dateSegment, issuedYear } from './parse-date.ts';
import { isPersonalNames, looksCorporate, parseNames, type ParsedNames } from './parse-names.ts';
import { expandPageRange } from './parse-pages.ts';
import { splitSegments, type Segment } from './segments.ts';
import { makeWork, shownOf, take, tidy, titleOf, type Work } from './work-text.ts';

/**
 * A CSL item before it has a key. (`Omit<CslItem, 'id'>` would collapse to the index
 * signature of the loose zod object and lose every named field.)
 */
export type CslItemDraft = { [K in keyof CslItem as K extends 'id' ? never : K]: CslItem[K] };

export interface ParsedCitation {
  item: CslItemDraft;
  warnings: string[];
}

/** Longer input is kept verbatim but only its start is read: no reference is this long. */
export const MAX_PARSED_LENGTH = 5000;

interface Draft {
  item: CslItemDraft;
  warnings: string[];
}

function addNames(draft: Draft, parsed: ParsedNames, role: 'author' | 'editor'): void {
  const key = parsed.editors ? 'editor' : role;
  if (parsed.names.length > 0) draft.item[key] = [...(draft.item[key] ?? []), ...parsed.names];
  if (parsed.truncated) draft.item.custom = { ...draft.item.custom, authorsTruncated: true };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** "Authors. Title. Journal. 2005;9(11):1183-203." */
function parseJournal(work: Work, locator: Locator, draft: Draft): void {
  const { item, warnings } = draft;
  item.type = 'article-journal';
  item.issued = locator.issued;
  if (locator.volume) item.volume = locator.volume;
  if (locator.issue) item.issue = locator.issue;
  if (locator.page) item.page = locator.page;
  const segments = splitSegments(work.plain, 0, locator.start);
  const journal = segments.pop();
  if (journal) {
    const name = shownOf(work, journal.start, journal.end);
    item['container-title'] = name;
    item['container-title-short'] = name;
  } else {
    warnings.push('no container-title');
  }
  readAuthorsAndTitle(work, segments, draft);
  const tail = tidy(work.plain.slice(locator.end)).replace(/^[.,;:\s]+/, '');
  reportTail(work, locator.end, tail, warnings);
}

function readAuthorsAndTitle(work: Work, segments: Segment[], draft: Draft): void {
  const textOf = (s: Segment): string => shownOf(work, s.start, s.end);
  let rest = segments;
  const first = rest[0];
  if (first) {
    const text = textOf(first);
    const names = parseNames(text);
    const personal = isPersonalNames(names);
    const group = rest.length >= 2 && (looksCorporate(text) || wordCount(text) <= 6);
    if (personal || group) {
      addNames(draft, names, 'author');
      rest = rest.slice(1);
      // A group printed after the personal names ("…, et al. Study Consortium. Title.")
      const next = rest[0];
      if (personal && next && rest.length >= 2 && looksCorporate(textOf(next))) {
        draft.item.author = [...(draft.item.author ?? []), { literal: textOf(next) }];
        rest = rest.slice(1);
      }
    }
  }
  const titleFirst = rest[0];
  const titleLast = rest.at(-1);
  if (titleFirst && titleLast) draft.item.title = titleOf(work, titleFirst, titleLast);
}

function reportTail(work: Work, from: number, tail: string, warnings: string[]): void {
  if (tail === '') return;
  const leftovers = splitSegments(work.shown, from)
    .map((s) => shownOf(work, s.start, s.end).replace(/^[.,;:\s]+/, ''))
    .filter((s) => s !== '' && !TRAILER.test(s));
  if (leftovers.length > 0) warnings.push(`unparsed tail: ${leftovers.join('. ').slice(0, 80)}`);
}

const PUBLICATION = /^(?:([^:]{2,80}?)\s*:\s*)?([^:;]{2,120}?)\s*[;,]\s*(\d{4})$/;
const PLACE_PUBLISHER = /^([^:]{2,60}?)\s*:\s*([^:]{2,120})$/;

/** Books, reports, software, web pages: "Authors. Title. Place: Publisher; Year." and kin. */
function parseOther(work: Work, draft: Draft, internet: boolean): void {
  const { item } = draft;
  const all = splitSegments(work.plain);
  const textOf = (s: Segment): string => shownOf(work, s.start, s.end);
  const texts = all.map(textOf);
  // A journal reference without volume or pages ("Title. J Med. 2010 Mar 5.").
  const lastDate = texts.length >= 2 ? dateSegment(texts.at(-1) ?? '') : undefined;
  if (lastDate && !findUrl(work.plain) && !texts.some((t) => PLACE_PUBLISHER.test(t))) {
    item.type = 'article-journal';
    item.issued = lastDate;
    const journal = all[all.length - 2];
    if (journal) {
      item['container-title'] = textOf(journal);
      item['container-title-short'] = textOf(journal);
    }
    readAuthorsAndTitle(work, all.slice(0, -2), draft);
    return;
  }
  let index = 0;
  const first = texts[0];
  const afterFirst = texts.slice(1).filter((t) => !dateSegment(t));
  const titleLeft = afterFirst.length > 0 && !PUBLICATION.test(afterFirst[0] ?? '');
  const firstNames = first === undefined ? undefined : parseNames(first);
  if (
    first !== undefined &&
    firstNames !== undefined &&
    (isPersonalNames(firstNames) ||
      firstNames.editors ||
      (looksCorporate(first) && afterFirst.length > 0) ||
      (titleLeft && wordCount(first) <= 3))
  ) {
    addNames(draft, firstNames, 'author');
    index = 1;
  }
  const extra: string[] = [];
  let titleDone = false;
  for (; index < all.length; index += 1) {
    const text = texts[index] ?? '';
    const date = dateSegment(text);
    if (date && !item.issued) {
      item.issued = date;
      continue;
    }
    const inMatch = /^In\s*:\s*(.*)$/i.exec(text);
    if (inMatch && titleDone) {
      index += readContainer(inMatch[1] ?? '', texts[index + 1], draft);
      continue;
    }
    if (!titleDone) {
      titleDone = true;
      const end = lastTitleSegment(texts, index);
      readTitleWithPublication(work, all, index, end, draft);
      index = end;
      continue;
    }
    if (readPublication(text, draft)) continue;
    const pages = /^pp?\.?\s*(.+)$/.exec(text);
    if (pages?.[1]) {
      item.page = expandPageRange(pages[1]);
      continue;
    }
    const edition = /^(\d+)(?:st|nd|rd|th)\s+ed(?:ition)?$/i.exec(text);
    if (edition?.[1]) {
      item.edition = edition[1];
      continue;
    }
    if (/^\d+\s*p$/.test(text) || TRAILER.test(text)) continue;
    extra.push(text);
  }
  if (extra.length > 0) draft.warnings.push(`unparsed tail: ${extra.join('. ').slice(0, 80)}`);
  item.type = otherType(item, texts.join('. '), internet || item.URL !== undefined);
  // The medium designator has done its job once it has set the type.
  if (item.title) item.title = item.title.replace(MEDIUM, ' ').replace(/\s+/g, ' ').trim();
}

const MEDIUM =
  /\s*\[(?:dissertation|(?:master'?s |doctoral |PhD )?thesis|computer program|CD-ROM|DVD|monograph on the Internet|homepage on the Internet)\]\s*/gi;

/**
 * "In: Editors, editors. Book title." or "In: Proceedings of …; date; place." Returns how many
 * segments after the "In:" one it used.
 */
function readContainer(inText: string, next: string | undefined, draft: Draft): number {
  const { item } = draft;
  const names = parseNames(inText);
  if (names.editors) {
    item.type = 'chapter';
    addNames(draft, names, 'editor');
    if (next === undefined) return 0;
    item['container-title'] = next;
    return 1;
  }
  // Proceedings print their date and place after semicolons; the name comes first.
  const name = (inText.split(';')[0] ?? '').trim();
  if (name) item['container-title'] = name;
  item.type = /\b(?:proceedings|conference|congress|symposium|meeting|workshop)\b/i.test(name)
    ? 'paper-conference'
    : 'chapter';
  return 0;
}

/** The title runs until a segment that reads as date, publication, pages or "In:". */
function lastTitleSegment(texts: string[], from: number): number {
  let end = from;
  for (let i = from + 1; i < texts.length; i += 1) {
    const text = texts[i] ?? '';
    if (
      dateSegment(text) ||
      PUBLICATION.test(text) ||
      PLACE_PUBLISHER.test(text) ||
      /^(?:In\s*:|pp?\.?\s*\d|\d+\s*p$|\d+(?:st|nd|rd|th)\s+ed)/i.test(text)
    ) {
      break;
    }
    end = i;
  }
  return end;
}

/** Title segments; the last may carry the publication ("Handbook: Publisher; 2011"). */
function readTitleWithPublication(work: Work, all: Segment[], from: number, to: number, draft: Draft): void {
  const first = all[from];
  const last = all[to];
  if (!first || !last) return;
  const whole = titleOf(work, first, last);
  const embedded = to === all.length - 1 ? /^(.+?)(?::\s*([^:;]{2,100}))?;\s*(\d{4})$/.exec(whole) : null;
  if (embedded?.[1] && embedded[3] && issuedYear(embedded[3])) {
    draft.item.title = embedded[1].trim();
    if (embedded[2]) draft.item.publisher = embedded[2].trim();
    const issued = issuedYear(embedded[3]);
    if (issued) draft.item.issued = issued;
    return;
  }
  draft.item.title = whole;
}

function readPublication(text: string, draft: Draft): boolean {
  const { item } = draft;
  const full = PUBLICATION.exec(text);
  if (full?.[2] && full[3]) {
    if (full[1]) item['publisher-place'] = full[1].trim();
    item.publisher = full[2].trim();
    const issued = issuedYear(full[3]);
    if (issued && !item.issued) item.issued = issued;
    return true;
  }
  const placeOnly = PLACE_PUBLISHER.exec(text);
  if (placeOnly?.[1] && placeOnly[2]) {
    item['publisher-place'] = placeOnly[1].trim();
    item.publisher = placeOnly[2].trim();
    return true;
  }
  return false;
}

function otherType(item: CslItemDraft, text: string, online: boolean): CslType {
  if (item.type === 'chapter' || item.type === 'paper-conference') return item.type;
  if (/\[(?:dissertation|(?:master'?s |doctoral )?thesis)\]|\bdissertation\b/i.test(text)) {
    return 'thesis';
  }
  if (/\b(?:technical|annual|final|interim) report\b|\breport no\b|\bworking paper\b/i.test(text)) {
    return 'report';
  }
  if (/\bsoftware\b|\[computer program\]/i.test(text)) return 'software';
  if (online) return 'webpage';
  if (item.editor || item.publisher || item['publisher-place']) return 'book';
  return 'document';
}

function finish(draft: Draft, verbatim: string): ParsedCitation {
  const { item, warnings } = draft;
  const journal = item.type === 'article-journal';
  const nobody = !item.author?.length && !item.editor?.length;
  if (nobody) warnings.push('no authors');
  if (!item.title) warnings.push('no title');
  if (!item.issued) warnings.push('no year');
  if (journal && !item['container-title']) warnings.push('no container-title');
  const custom: NonNullable<CslItemDraft['custom']> = { ...item.custom, verbatim };
  if (warnings.length > 0) custom.parseWarnings = [...warnings];
  item.custom = custom;
  return { item: ordered(item), warnings };
}

const FIELD_ORDER = [
  'type',
  'author',
  'editor',
  'title',
  'container-title',
  'container-title-short',
  'issued',
  'accessed',
  'volume',
  'issue',
  'page',
  'edition',
  'publisher-place',
  'publisher',
  'DOI',
  'PMID',
  'PMCID',
  'URL',
  'ISBN',
] as const;

/** Fields in reading order, so stored JSON diffs stay small and items read naturally. */
function ordered(item: CslItemDraft): CslItemDraft {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (item[key] !== undefined) out[key] = item[key];
  for (const [key, value] of Object.entries(item)) if (!(key in out)) out[key] = value;
  return out as CslItemDraft;
}

function parseText(verbatim: string): ParsedCitation {
  const draft: Draft = { item: { type: 'document' }, warnings: [] };
  let text = verbatim;
  if (text.length > MAX_PARSED_LENGTH) {
    text = text.slice(0, MAX_PARSED_LENGTH);
    draft.warnings.push(`input longer than ${MAX_PARSED_LENGTH} characters; only the start was read`);
  }
  const work = makeWork(text);
  const { item } = draft;
  // Notices about other articles go first, so their identifiers are not taken for this one's.
  const noise = stripNoise(work);
  if (noise.accessed) item.accessed = noise.accessed;
  const doi = take(work, findDoi(work.plain));
  if (doi) item.DOI = doi;
  const url = take(work, findUrl(work.plain));
  if (url) item.URL = url;
  const pmid = take(work, findPmid(work.plain));
  if (pmid) item.PMID = pmid;
  const pmcid = take(work, findPmcid(work.plain));
  if (pmcid) item.PMCID = pmcid;
  const isbn = take(work, findIsbn(work.plain));
  if (isbn) item.ISBN = isbn;

  // A journal-like source after "In:" belongs to the book or proceedings, not to a journal.
  const locator = /(?:^|[.?!]\s+)In\s*:/i.test(work.plain) ? undefined : findLocator(work.plain);
  if (locator) parseJournal(work, locator, draft);
  else parseOther(work, draft, noise.internet);
  return finish(draft, verbatim);
}

/**
 * Reads one NLM/Vancouver reference string into a CSL-JSON item (without `id`). Never
 * throws: whatever cannot be read is listed in `warnings`, and the input is always kept in
 * `custom.verbatim`.
 */
export function parseCitation(text: string): ParsedCitation {
  const verbatim = typeof text === 'string' ? text : String(text);
  try {
    return parseText(verbatim);
  } catch (error) {
    const warning = `parser failed: ${error instanceof Error ? error.message : 'unknown error'}`;
    return {
      item: { type: 'document', custom: { verbatim, parseWarnings: [warning] } },
      warnings: [warning],
    };
  }
}

import type { CslType } from '../../schema/csl.ts';
import { findUrl } from '../identifiers.ts';
import { findLocator, type Locator } from '../journal-source.ts';
import { TRAILER } from '../noise.ts';
import { dateSegment, issuedYear } from '../parse-date.ts';
import { isPersonalNames, looksCorporate, parseNames } from '../parse-names.ts';
import { expandPageRange } from '../parse-pages.ts';
import { splitSegments, type Segment } from '../segments.ts';
import { blank, shownOf, tidy, titleOf, type Work } from '../work-text.ts';
import { addNames, finish, prepare, type CslItemDraft, type Draft, type ParsedCitation } from './draft.ts';
import { isAbbreviationPiece, journalName, journalStart } from './journal-name.ts';
import type { CitationGrammar } from './grammar.ts';

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
  let start = segments.length - 1;
  const before = segments[start - 1];
  // Only a journal printed with periods ("Clin. Chem.") runs over several segments; the check
  // is cheap, the full one (which reads the names) runs only then.
  if (before && segments.length >= 3 && isAbbreviationPiece(shownOf(work, before.start, before.end))) {
    const texts = segments.map((s) => shownOf(work, s.start, s.end));
    // Authors and a title stay before the journal when the first segment reads as names.
    start = journalStart(texts, isPersonalNames(parseNames(texts[0] ?? '')) ? 2 : 1);
  }
  const first = segments[start];
  const last = segments.at(-1);
  segments.length = Math.min(segments.length, start);
  if (first && last) {
    const name = journalName(shownOf(work, first.start, last.end));
    item['container-title'] = name;
    item['container-title-short'] = name;
  } else {
    warnings.push('no container-title');
  }
  readAuthorsAndTitle(work, segments, draft);
  const tail = tidy(work.plain.slice(locator.end)).replace(/^[.,;:\s]+/, '');
  const morePages = tail === '' ? null : PAGE_SUPPLEMENT.exec(tidy(work.shown.slice(locator.end)));
  const extra = morePages?.[1] ?? morePages?.[2];
  if (morePages && extra && item.page) {
    // "…:c10-7; discussion c17", "…:633-45, v-vi", "…:170-178.e3": more of the same pages.
    item.page = extra.startsWith('.') ? `${item.page}${extra}` : `${item.page}, ${extra}`;
    return;
  }
  reportTail(work, locator.end, tail, warnings);
}

const PAGE_SUPPLEMENT =
  /^(?:[;,]\s*((?:discussion|quiz|author reply|reply)\s+[\w.-]+(?:\s*-\s*[\w.]+)?|[ivxlc]+\s*-\s*[ivxlc]+)|(\.e\d+))\.?$/i;

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
  // A colon in the title (the first two segments may be authors and title) is no publisher.
  const publisherShown = texts.slice(2).some((t) => PLACE_PUBLISHER.test(t));
  if (lastDate && !findUrl(work.plain) && !publisherShown) {
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

export function parseNlm(verbatim: string): ParsedCitation {
  const { work, draft, internet } = prepare(verbatim);
  // PubMed's ahead-of-print form prints the missing volume and pages as ";:null".
  const nullSource = work.plain.includes('null') ? /[;)\d]\s*:\s*null\b/i.exec(work.plain) : null;
  // Keeps the issue's ")" or the volume's digit before the colon; the empty volume's ";" goes.
  const keep = nullSource?.[0].startsWith(';') ? 0 : 1;
  if (nullSource) blank(work, nullSource.index + keep, nullSource.index + nullSource[0].length);
  // A journal-like source after "In:" belongs to the book or proceedings, not to a journal.
  const locator = /(?:^|[.?!]\s+)In\s*:/i.test(work.plain) ? undefined : findLocator(work.plain);
  if (locator) parseJournal(work, locator, draft);
  else parseOther(work, draft, internet);
  return finish(draft, verbatim);
}

/** "Authors. Title. Journal. Year Mon;Vol(Issue):pages.": after the names, a period, never a year. */
const NLM_SOURCE = /[.?!]\s+\d{4}(?:\s+[A-Z][a-z]{2})?[^;:\n]{0,20}[;:]/;

function nlmShape(text: string): boolean {
  const source = NLM_SOURCE.exec(text);
  // Two elements at least before the journal's source: the MEDLINE short form has none.
  return source !== null && /[.?!]\s/.test(text.slice(0, source.index));
}

/** NLM/Vancouver, as PubMed and Citing Medicine print it; also books, chapters and web pages. */
export const nlmGrammar: CitationGrammar = {
  id: 'nlm',
  label: 'NLM/Vancouver',
  score: (text) => (nlmShape(text) ? 1 : 0.3),
  parse: parseNlm,
};

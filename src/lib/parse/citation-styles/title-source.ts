import { expandPageRange } from '../parse-pages.ts';
import { addNames, type Draft } from './draft.ts';
import { isAbbreviationPiece, journalName, journalStart } from './journal-name.ts';
import { readNameList } from './name-list.ts';

/**
 * What follows the authors and the year in author–year styles: "Title. Journal, 92(3),
 * 870–886." (APA), "Title. Journal 28, 425–433." (Harvard, Cell), "Title. J Theor Biol 218:
 * 1–11." (PLOS, Evolution), a book "Title. Place: Publisher." or a chapter "Title. In: Editors,
 * editors. Book. Place: Publisher. pp. 1–10." Shared by every author–year grammar.
 */

// "870", "e43910", "eaat2456", "106ra106", "S121", "xv"
const PAGE = String.raw`(?:[A-Za-z]{0,6}\d+(?:[A-Za-z]{1,4}\d*)?(?:\.\d+)?|[ivxlcdm]+)`;
const PAGES = String.raw`(?:pp?\.\s*)?${PAGE}(?:\s*[-–—]\s*${PAGE})?`;
// "Journal, 92(3), 870-886" / "Journal 28, 425-433" / "Journal 66:2369-2383" / "Journal 7, e43910"
const JOURNAL_TAIL = new RegExp(
  String.raw`^(.+?)[,\s]\s*(?:[Vv]ol\.?\s*)?(\d+[A-Za-z]?|[A-Z]\d+|\d+\s*[-–]\s*\d+)\s*(?:\(([^()]{1,25})\))?\s*(?:(?:[,:]|(?<=\))\s)\s*(${PAGES}))?$`,
  'u',
);
const PREPRINT = /^(?:arXiv|bioRxiv|medRxiv|ChemRxiv|SSRN|Preprints|Research Square|PeerJ Preprints)$/i;
const IN_BOOK = /^(.+?[.?!])\s+In:?\s+(.+)$/;
const PLACE_PUBLISHER = /^([^:]{2,60}):\s*([^:]{2,120})$/;
const PAGES_IN_TEXT = new RegExp(String.raw`\(?\bpp?\.\s*(${PAGE}(?:\s*[-–—]\s*${PAGE})?)\)?`, 'u');

interface Piece {
  text: string;
  start: number;
}

/** Splits at sentence ends (". ", "? ", "! "), keeping "?"/"!" with the piece. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  // Not after an initial ("E. coli") or an abbreviation ("vs.", "e.g.", "spp.").
  const ends =
    /(?<=[?!])\s+|(?<!\b\p{Lu}|\b(?:vs|e\.g|i\.e|cf|spp|sp|subsp|var|ca|approx|Fig|No|Vol|al))\.\s+(?=\S)/gu;
  let start = 0;
  for (const m of text.matchAll(ends)) {
    out.push({ text: text.slice(start, m.index).trim(), start });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start).trim(), start });
  return out.filter((p) => p.text !== '');
}

/** The text from piece `from` up to (not including) piece `to`, as printed. */
function span(text: string, all: Piece[], from: number, to: number): string {
  const a = all[from]?.start ?? text.length;
  const b = all[to]?.start ?? text.length;
  return text.slice(a, b);
}

function clean(text: string): string {
  // "( )" is what is left of "(doi:…)" or "(https://…)" once the identifier was taken.
  return (
    text
      .replace(/[([]\s*[)\]]|[([]\s*$/g, ' ')
      // What pointed at a link that was taken out ("See https://…", "Available from: …").
      .replace(/\b(?:See|Available(?:\s+(?:at|from|online(?:\s+at)?))?)\s*:?\s*$/, '')
      .replace(/\s+([.,;:])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.,;:\s]+|[.,;:\s]+$/g, '')
  );
}

function readChapter(title: string, container: string, draft: Draft): void {
  const { item } = draft;
  item.type = /\b(?:Proceedings|Conference|Congress|Symposium|Workshop|Meeting)\b/i.test(container)
    ? 'paper-conference'
    : 'chapter';
  item.title = clean(title);
  let rest = container;
  const pages = PAGES_IN_TEXT.exec(rest);
  if (pages?.[1]) {
    item.page = expandPageRange(pages[1]);
    rest = rest.slice(0, pages.index) + rest.slice(pages.index + pages[0].length);
  }
  // "A. Editor & B. Editor (Eds.), Book" or "Parrish JK, Hammer WM, editors, Book"
  const editors =
    /^(.+?)\s*(?:\((?:[Ee]ds?|[Ee]ditors?)\.?\)|,\s*(?:[Ee]ditors?|[Ee]ds?)\.?)\s*[,.:]?\s*(.*)$/.exec(rest);
  if (editors?.[1] && editors[2] !== undefined) {
    const names = readNameList(editors[1]);
    if (names) addNames(draft, { names: names.names, truncated: false, editors: true }, 'editor');
    rest = editors[2];
  }
  const parts = rest
    .split(/\.\s+|,\s+(?=[^,]*:)/)
    .map(clean)
    .filter(Boolean);
  // PLOS: "Book, Publisher, Place" — the publisher is named as one.
  const first = parts[0] ?? '';
  const publisherAt = first.search(
    /,\s+[^,]*\b(?:Press|Publi\w*|Verlag|Springer|Wiley|Elsevier|Academic|Books)\b/,
  );
  if (publisherAt > 0) parts.splice(0, 1, first.slice(0, publisherAt), first.slice(publisherAt + 1).trim());
  let book = parts.shift();
  // "Animal Sonar, NATO ASI Series, volume 156": the series and its volume follow the book.
  const series =
    book === undefined
      ? null
      : /^(.+?),\s+([^,]*\bSeries\b[^,]*)(?:,\s*vol(?:ume)?\.?\s*(\d+))?$/i.exec(book);
  if (series?.[1] && series[2]) {
    book = series[1];
    item['collection-title'] = series[2];
    if (series[3]) item.volume = series[3];
  }
  if (book) item['container-title'] = book.replace(/^In:?\s+/, '');
  readPublisher(parts.join(', '), draft);
}

function readPublisher(text: string, draft: Draft): void {
  const value = clean(text);
  if (value === '') return;
  const pp = PLACE_PUBLISHER.exec(value);
  if (pp?.[1] && pp[2]) {
    draft.item['publisher-place'] = clean(pp[1]);
    draft.item.publisher = clean(pp[2]);
    return;
  }
  // PLOS prints "Publisher, Place".
  const place = /^(.+?),\s+([^,]+)$/.exec(value);
  if (
    place?.[1] &&
    place[2] &&
    /\b(?:Press|Publi\w*|Verlag|Springer|Wiley|Elsevier|Academic|Books)\b/.test(place[1])
  ) {
    draft.item.publisher = place[1];
    draft.item['publisher-place'] = place[2];
    return;
  }
  draft.item.publisher = value;
}

/** Reads title and source into the draft; warns about what is left. */
export function readTitleAndSource(rest: string, draft: Draft): void {
  const { item } = draft;
  const text = clean(rest);
  if (text === '') return;
  const chapter = IN_BOOK.exec(text);
  if (chapter?.[1] && chapter[2]) {
    readChapter(chapter[1], chapter[2], draft);
    return;
  }
  const tail = JOURNAL_TAIL.exec(text);
  if (tail?.[1] && tail[2]) {
    const head = pieces(tail[1]);
    if (head.length >= 2) {
      const start = journalStart(
        head.map((p) => p.text),
        1,
      );
      item.type = 'article-journal';
      item.title = clean(span(tail[1], head, 0, start));
      const journal = journalName(clean(span(tail[1], head, start, head.length)));
      item['container-title'] = journal;
      item['container-title-short'] = journal;
      item.volume = tail[2].replace(/\s+/g, '');
      if (tail[3]) item.issue = tail[3].trim();
      if (tail[4]) item.page = expandPageRange(tail[4].replace(/^pp?\.\s*/, ''));
      return;
    }
  }
  const parts = pieces(text).map((p) => p.text);
  const title = parts.shift() ?? '';
  item.title = clean(title);
  if (parts.length === 0) return;
  const last = parts.join('. ');
  if (PREPRINT.test(last)) {
    item.type = 'article';
    item['container-title'] = last;
    return;
  }
  if (draft.item.URL !== undefined && !PLACE_PUBLISHER.test(last) && parts.length === 1) {
    // "Title. Blog name. See https://…": a web page on a site.
    item.type = 'webpage';
    item['container-title'] = clean(last);
    return;
  }
  // "Title. Journal." with neither volume nor pages (ahead of print): a journal name only when it reads as one.
  if (parts.every((p) => isAbbreviationPiece(p)) && !PLACE_PUBLISHER.test(last)) {
    item.type = 'article-journal';
    item['container-title'] = journalName(clean(last));
    item['container-title-short'] = item['container-title'];
    return;
  }
  item.type = 'book';
  const edition = /^(\d+)(?:st|nd|rd|th)\s+ed(?:ition)?\.?$/i;
  const rests: string[] = [];
  for (const part of parts) {
    const e = edition.exec(clean(part.replace(/^\(|\)$/g, '')));
    if (e?.[1]) item.edition = e[1];
    else rests.push(part);
  }
  if (rests.length > 1) draft.warnings.push(`unparsed tail: ${rests.slice(0, -1).join('. ').slice(0, 80)}`);
  readPublisher(rests.at(-1) ?? '', draft);
}

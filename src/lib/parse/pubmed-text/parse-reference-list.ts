import type { CslItem, PageLink } from '../../schema/csl.ts';
import type { PageLine } from './segment-page.ts';
import { parseCitationList, type ParsedCitation } from '../parse-citation.ts';

/** A reference as read from the page, before it gets its stable id. */
export interface PageReference {
  /** Position in the review's list (1-based). */
  number: number;
  /** Line of the source the reference starts on. */
  line: number;
  item: Omit<CslItem, 'id'>;
  warnings: string[];
}

/** "1." at the start of a line; PubMed's copy prints "1." on every line, so the order is the number. */
const NUMBERED = /^\d+\.\s+(?<text>\S.*)$/;

/** The link buttons PubMed prints after a reference, copied as " - DOI - PMC - PubMed". */
const MARKERS = /(?:\s+-\s+(?:DOI|PMC|PubMed|Free PMC article|Google Scholar|Europe PMC))+\s*$/i;
/** Far more than the markers of any reference take up. */
const MARKER_TAIL = 512;

export function parseReferenceList(lines: PageLine[]): PageReference[] {
  const entries: { line: number; text: string }[] = [];
  for (const { n, text } of lines) {
    if (text === '' || /^(show all \d+ references|show more|load more)$/i.test(text)) continue;
    const m = NUMBERED.exec(text)?.groups;
    const last = entries.at(-1);
    if (m?.['text']) entries.push({ line: n, text: m['text'] });
    // A reference long enough to wrap continues on the next line without a number.
    else if (last) last.text = `${last.text} ${text}`;
  }
  // Markers end the line: searching only its tail keeps a hostile line from costing quadratic time.
  const markers = entries.map((entry) => MARKERS.exec(entry.text.slice(-MARKER_TAIL))?.[0] ?? '');
  const citations = entries.map((entry, i) =>
    entry.text.slice(0, entry.text.length - (markers[i] ?? '').length).trim(),
  );
  // The list is read as a whole: its printing style is decided once, from every entry.
  const reading = parseCitationList(citations).entries;
  return entries.map((entry, i) => {
    const parsed = reading[i] ?? { item: { type: 'document' }, warnings: [] };
    return toReference(entry, i + 1, markers[i] ?? '', parsed);
  });
}

function toReference(
  entry: { line: number; text: string },
  number: number,
  markerText: string,
  { item, warnings }: ParsedCitation,
): PageReference {
  const pageLinks = markerLinks(markerText);
  const custom = {
    ...item.custom,
    verbatim: entry.text,
    number,
    ...(pageLinks.length > 0 ? { pageLinks } : {}),
    ...(/free pmc article/i.test(markerText) ? { freePmcArticle: true } : {}),
  };
  return { number, line: entry.line, item: { ...item, custom }, warnings };
}

function markerLinks(markerText: string): PageLink[] {
  const links: PageLink[] = [];
  for (const m of markerText.matchAll(/-\s+(DOI|PMC|PubMed)\b/gi)) {
    const link = (m[1] ?? '').toLowerCase() as PageLink;
    if (!links.includes(link)) links.push(link);
  }
  return links;
}

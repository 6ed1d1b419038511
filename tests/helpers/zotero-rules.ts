/**
 * What Zotero's translators (zotero/translators: `MEDLINEnbib.js`, `RIS.js`, `BibTeX.js`,
 * `CSL JSON.js`, `COinS.js`, `Embedded Metadata.js`) do with the files and pages Lectern writes,
 * restated as small readers from their documented rules, so tests can check what a reference
 * manager ends up with without Zotero. Written from reading the translators, not copied.
 */

/** A Zotero item, reduced to the fields the tests compare. */
export interface ZoteroItem {
  itemType: string;
  title?: string;
  bookTitle?: string;
  publicationTitle?: string;
  journalAbbreviation?: string;
  creators: { lastName: string; firstName?: string; creatorType: string }[];
  date?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  place?: string;
  DOI?: string;
  ISBN?: string;
  abstractNote?: string;
  extra?: string;
}

// --- MEDLINE/nbib ---------------------------------------------------------------------------

/**
 * MEDLINE/nbib import: the translator accepts a file when one of its first five non-empty lines
 * starts `PMID- ` (`PMID` padded to the dash with up to two spaces); otherwise Zotero tries other
 * translators on it.
 */
export function medlineDetected(text: string): boolean {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^\s+/, ''))
    .filter((l) => l !== '')
    .slice(0, 5);
  return lines.some((l) => /^PMID {0,2}- /.test(l.slice(0, 7)));
}

const MEDLINE_FIELDS: Record<string, keyof ZoteroItem> = {
  TI: 'title',
  VI: 'volume',
  IP: 'issue',
  PL: 'place',
  PB: 'publisher',
  BTI: 'bookTitle',
  JT: 'publicationTitle',
  TA: 'journalAbbreviation',
  PG: 'pages',
  ISBN: 'ISBN',
  AB: 'abstractNote',
  DP: 'date',
};
const MEDLINE_TYPES: Record<string, string> = {
  Book: 'book',
  'Book Chapter': 'bookSection',
  'Journal Article': 'journalArticle',
  'Technical Report': 'report',
  Preprint: 'preprint',
};

/** "Family, Given" (FAU/FED) or "Family GI" (AU/ED) as Zotero's name cleaner splits them. */
function medlineName(value: string, creatorType: string): ZoteroItem['creators'][number] {
  const [last, first] = value.includes(',')
    ? [value.slice(0, value.indexOf(',')), value.slice(value.indexOf(',') + 1)]
    : [value.replace(/\s\S+$/, ''), /\s(\S+)$/.exec(value)?.[1]];
  return { lastName: last.trim(), ...(first?.trim() ? { firstName: first.trim() } : {}), creatorType };
}

/**
 * Records split at blank lines; a line starting (unindented) with letters/digits and a dash is a
 * tag, an indented line continues the value before it (joined by a space). PMID starts Extra
 * ("PMID: n"), PMC appends " \nPMCID: …"; `AID … [doi]` is the DOI; PT chooses the item type
 * (journal article by default); a book's title is its BTI; full names (FAU/FED) win over AU/ED.
 */
export function readMedline(text: string): ZoteroItem[] {
  const items: ZoteroItem[] = [];
  for (const record of text.split(/\n[ \t]*\n/)) {
    if (record.trim() === '') continue;
    const pairs: [string, string][] = [];
    for (const line of record.split('\n')) {
      if (/^[A-Z0-9]+\s*-/.test(line)) {
        const tag = /^[A-Z0-9]+/.exec(line)?.[0] ?? '';
        pairs.push([tag, line.slice(line.indexOf('-') + 1).trim()]);
      } else if (pairs.length > 0 && line.trim() !== '') {
        const last = pairs[pairs.length - 1] as [string, string];
        last[1] += ` ${line.replace(/^\s+/, '')}`;
      }
    }
    const item: ZoteroItem = { itemType: '', creators: [] };
    const backup: ZoteroItem['creators'] = [];
    for (const [tag, raw] of pairs) {
      const value = raw.trim();
      const field = MEDLINE_FIELDS[tag];
      if (field) (item as unknown as Record<string, string>)[field] = value;
      else if (tag === 'PT' && MEDLINE_TYPES[value]) item.itemType = MEDLINE_TYPES[value];
      else if (tag === 'FAU' || tag === 'FED')
        item.creators.push(medlineName(value, tag === 'FAU' ? 'author' : 'editor'));
      else if (tag === 'AU' || tag === 'ED')
        backup.push(medlineName(value, tag === 'AU' ? 'author' : 'editor'));
      else if (tag === 'PMID') item.extra = `PMID: ${value}`;
      else if (tag === 'PMC') item.extra = `${item.extra ?? 'undefined'} \nPMCID: ${value}`;
      else if (tag === 'AID' && value.includes('[doi]')) item.DOI = value.replace(/\s*\[doi\]/, '');
    }
    if (item.creators.length === 0) item.creators = backup;
    if (!item.itemType) item.itemType = 'journalArticle';
    if (item.itemType === 'book') {
      item.publisher = item.publicationTitle as string;
      delete item.publicationTitle;
      item.title = item.bookTitle as string;
    }
    items.push(item);
  }
  return items;
}

// --- RIS -----------------------------------------------------------------------------------

/**
 * Zotero's RIS import keeps `M2` lines in Extra, one line each; `N1` becomes a child note; `AN`
 * lands in "Loc. in Archive". Returns Extra's lines for one record's tag/value pairs.
 */
export function risExtraLines(pairs: { key: string; value: string }[]): string[] {
  return pairs.filter((p) => p.key === 'M2' && p.value.trim() !== '').map((p) => p.value.trim());
}

/** The Extra lines Zotero reads identifiers from ("PMID: 123" → PMID). */
export function extraIds(extra: string | undefined): { PMID?: string; PMCID?: string } {
  const out: { PMID?: string; PMCID?: string } = {};
  for (const line of (extra ?? '').split('\n')) {
    const m = /^\s*(PMID|PMCID):\s*(\S+)\s*$/.exec(line);
    if (m?.[1] === 'PMID' || m?.[1] === 'PMCID') out[m[1]] = m[2] as string;
  }
  return out;
}

// --- BibTeX --------------------------------------------------------------------------------

/** Zotero's BibTeX import: entry type → item type. */
export const BIBTEX_TYPES: Record<string, string> = {
  article: 'journalArticle',
  book: 'book',
  inbook: 'bookSection',
  incollection: 'bookSection',
  inproceedings: 'conferencePaper',
  conference: 'conferencePaper',
  techreport: 'report',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  misc: 'document',
};

// --- Pages ---------------------------------------------------------------------------------

/** CSL type → the Zotero item type a reference manager should create. */
export const ZOTERO_TYPES: Record<string, string> = {
  'article-journal': 'journalArticle',
  article: 'journalArticle',
  book: 'book',
  chapter: 'bookSection',
  report: 'report',
  thesis: 'thesis',
  'paper-conference': 'conferencePaper',
};

/**
 * COinS: `span` elements whose class list has `Z3988` and that have a title. Zotero's COinS
 * translator (priority 300–310) runs before Embedded Metadata (320–400): one span makes the page
 * that one item, two or more a pick list ("multiple"); none leaves the page to the `citation_*`
 * tags. A span without a title, or with a title and no creator, makes Zotero look the work up
 * online instead of taking what the span says.
 */
export function coinsItemType(title: string): string | undefined {
  const params = new URLSearchParams(title);
  const format = params.get('rft_val_fmt');
  const genre = params.get('rft.genre');
  if (format === 'info:ofi/fmt:kev:mtx:journal') return 'journalArticle';
  if (format === 'info:ofi/fmt:kev:mtx:book') {
    if (genre === 'bookitem') return 'bookSection';
    if (genre === 'report') return 'report';
    return 'book';
  }
  if (format === 'info:ofi/fmt:kev:mtx:dc') return 'webpage';
  return undefined;
}

/** What the Embedded Metadata translator types a page as, from its `citation_*` tag names. */
export function highwireItemType(names: string[]): string | undefined {
  let type: string | undefined;
  let guess: string | undefined;
  for (const name of names) {
    if (name === 'citation_journal_title') type = 'journalArticle';
    else if (name === 'citation_technical_report_institution') type = 'report';
    else if (name === 'citation_conference_title' || name === 'citation_conference') type = 'conferencePaper';
    else if (name === 'citation_book_title' || name === 'citation_inbook_title') type = 'bookSection';
    else if (name === 'citation_dissertation_institution') type = 'thesis';
    else if (name === 'citation_title') guess = guess ?? 'journalArticle';
    else if (name === 'citation_isbn') guess = 'book';
  }
  return type ?? guess;
}

/**
 * MEDLINE/NBIB (PubMed's "Save → PubMed format", `.nbib`) as a citation-js *output plugin*:
 * citation-js has none, so this one is registered into the bundled registry by
 * `citation-js.ts` (`Cite.plugins.add('@nbib', nbibPlugin)`) and used like any other output,
 * `format('nbib', data)`. Output only: reference managers read NBIB, Lectern never does.
 *
 * Each record is a run of `TAG - value` lines (the tag padded to four characters), long values
 * continued on lines indented by six spaces, records separated by a blank line; see
 * https://www.nlm.nih.gov/bsd/mms/medlineelements.html for the elements.
 *
 * Every record starts with a `PMID- ` line, also for a work PubMed does not hold: MEDLINE readers
 * recognise the format by it (Zotero's MEDLINE/nbib translator looks for `PMID- ` in a file's
 * first lines and otherwise hands the file to another translator, which makes garbage of it) and
 * PubMed's files start each record with it. A work without a PMID gets the tag with an empty
 * value, which readers import as no identifier. A book's title is the book title, `BTI` (readers
 * take a book's title from there); a chapter has its own title in `TI` and the book's in `BTI`.
 * What Lectern could not read with confidence is kept as printed in a General Note (`GN`).
 */

interface NbibName {
  family?: string;
  given?: string;
  suffix?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}

/** The CSL fields this output reads (citation-js hands over its internal CSL-JSON). */
export interface NbibItem {
  type?: string;
  title?: string;
  author?: NbibName[];
  editor?: NbibName[];
  'container-title'?: string;
  'container-title-short'?: string;
  issued?: { 'date-parts'?: (number | string)[][]; raw?: string; literal?: string };
  volume?: string | number;
  issue?: string | number;
  page?: string;
  publisher?: string;
  'publisher-place'?: string;
  edition?: string | number;
  DOI?: string;
  PMID?: string;
  PMCID?: string;
  ISBN?: string;
  ISSN?: string;
  abstract?: string;
  language?: string;
  note?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** MEDLINE lines are at most this long; longer values continue on the next line. */
const LINE_WIDTH = 82;

/** Publication types (PT) for the CSL types Lectern produces. */
const PUBLICATION_TYPES: Record<string, string> = {
  'article-journal': 'Journal Article',
  article: 'Preprint',
  book: 'Book',
  chapter: 'Book Chapter',
  report: 'Technical Report',
  'paper-conference': 'Congress',
  dataset: 'Dataset',
  webpage: 'Web Page',
};

/** "Darnell JE Jr", as MEDLINE's AU: family name, then initials without stops. */
export function medlineAuthor(name: NbibName): string {
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const initials = (name.given ?? '')
    .split(/[\s.]+|(?=-)/)
    .filter(Boolean)
    .map((part) => /\p{L}/u.exec(part)?.[0]?.toUpperCase() ?? '')
    .join('');
  return [family, initials, name.suffix?.replace(/\.$/, '')].filter(Boolean).join(' ');
}

/** "Darnell, J E Jr", as MEDLINE's FAU: family name, given names as the source gave them. */
function medlineFullAuthor(name: NbibName): string {
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given?.replace(/\.(?=\S)/g, '. ').replace(/\./g, ''), name['dropping-particle']]
    .filter(Boolean)
    .join(' ');
  const suffix = name.suffix?.replace(/\.$/, '');
  return [given ? `${family}, ${given}` : family, suffix].filter(Boolean).join(' ');
}

/** "1997 Sep 12", as MEDLINE's DP. */
export function medlineDate(issued: NbibItem['issued']): string | undefined {
  const [year, month, day] = issued?.['date-parts']?.[0] ?? [];
  if (year === undefined) return issued?.literal ?? issued?.raw;
  const m = typeof month === 'number' ? MONTHS[month - 1] : month;
  return [year, m, day].filter((p) => p !== undefined && p !== '').join(' ');
}

/** One `TAG - value` field, wrapped at LINE_WIDTH with six-space continuation lines. */
function field(tag: string, value: string | number): string {
  const text = String(value).replace(/\s+/g, ' ').trim();
  const head = `${tag.padEnd(4)}- `;
  const lines: string[] = [];
  let rest = text;
  let width = LINE_WIDTH - head.length;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > 0 ? cut : width;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
    width = LINE_WIDTH - 6;
  }
  lines.push(rest);
  return head + lines.join('\n      ');
}

/** MEDLINE's SO: "Science. 1997;277(5332):1630-5." style source line. */
function sourceLine(item: NbibItem): string | undefined {
  const journal = item['container-title-short'] ?? item['container-title'];
  if (!journal) return undefined;
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const volume = item.volume === undefined ? '' : `${item.volume}${item.issue ? `(${item.issue})` : ''}`;
  const where = [year, volume].filter((p) => p !== undefined && p !== '').join(';');
  return `${journal}.${where ? ` ${where}` : ''}${item.page ? `:${item.page}` : ''}.${item.DOI ? ` doi: ${item.DOI}.` : ''}`;
}

/** One MEDLINE record. */
export function nbibRecord(item: NbibItem): string {
  const out: string[] = [];
  const add = (tag: string, value: string | number | undefined): void => {
    if (value !== undefined && String(value).trim() !== '') out.push(field(tag, value));
  };
  const isJournal = item.type === 'article-journal' || item.type === 'article';
  const isBook = item.type === 'book';
  // First, even when empty: readers find records (and the format) by this line.
  out.push(field('PMID', item.PMID ?? ''));
  add('IS', item.ISSN);
  add('VI', item.volume);
  add('IP', item.issue);
  add('DP', medlineDate(item.issued));
  add(isBook ? 'BTI' : 'TI', item.title);
  add('PG', item.page);
  if (item.DOI) add('LID', `${item.DOI} [doi]`);
  add('AB', item.abstract);
  for (const name of item.author ?? []) {
    if (name.literal) {
      add('CN', name.literal);
    } else {
      add('FAU', medlineFullAuthor(name));
      add('AU', medlineAuthor(name));
    }
  }
  for (const name of item.editor ?? []) {
    if (name.literal) continue;
    add('FED', medlineFullAuthor(name));
    add('ED', medlineAuthor(name));
  }
  add('LA', item.language);
  add('PT', PUBLICATION_TYPES[item.type ?? ''] ?? 'Journal Article');
  if (isJournal) {
    add('TA', item['container-title-short'] ?? item['container-title']);
    add('JT', item['container-title']);
  } else {
    add('BTI', item.type === 'chapter' ? item['container-title'] : undefined);
    add('PL', item['publisher-place']);
    add('PB', item.publisher);
    add('EN', item.edition);
    add('ISBN', item.ISBN);
  }
  add('GN', item.note);
  if (item.DOI) add('AID', `${item.DOI} [doi]`);
  add('PMC', item.PMCID);
  if (isJournal) add('SO', sourceLine(item));
  return out.join('\n');
}

/** The citation-js output formatter: every item a record, records separated by a blank line. */
export function formatNbib(data: NbibItem[]): string {
  return `${data.map(nbibRecord).join('\n\n')}\n`;
}

/** The plugin definition `citation-js.ts` registers as '@nbib'. */
export const nbibPlugin = { output: { nbib: formatNbib } };

/**
 * BibTeX for the references, written by Lectern rather than by citation-js, whose output writes
 * accents as `{\" u}` (read back by Zotero as `\" u`), leaves `--` in a title to become an en
 * dash and drops PMIDs. Here:
 *  - text stays UTF-8 (Zotero, Mendeley, biber and BibTeX with inputenc read it); only TeX's
 *    special characters are escaped;
 *  - `--` in text is written `-{}-`, so it stays two hyphens;
 *  - words with capitals after their first letter, and capitalised words after the first, are
 *    braced ("{JAK-STAT3}", "{Escherichia}"), so a style that lower-cases titles keeps them;
 *  - `pmid`, `pmcid` and `doi` are fields of their own (Zotero keeps `pmid`/`pmcid` in Extra);
 *  - a `note` carries what the export item's CSL `note` says (the printed string of a reference
 *    that could not be read with confidence).
 */
import { looseText } from '../metadata/shared.ts';
import type { CslItem, CslName } from '../schema/csl.ts';

const ENTRY_TYPES: Record<string, string> = {
  'article-journal': 'article',
  article: 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  book: 'book',
  chapter: 'incollection',
  'paper-conference': 'inproceedings',
  report: 'techreport',
  thesis: 'phdthesis',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** TeX's special characters escaped, `--` kept as two hyphens; everything else as UTF-8. */
export function texEscape(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}&%$#_~^]/g, (c) => {
      if (c === '\\') return '\\textbackslash{}';
      if (c === '~') return '\\textasciitilde{}';
      if (c === '^') return '\\textasciicircum{}';
      return `\\${c}`;
    })
    .replace(/-(?=-)/g, '-{}');
}

/**
 * A title with its case protected: a word (a run without spaces) that has a capital after its
 * first letter, or that starts with a capital and is not the first word, is braced.
 */
export function protectCase(title: string): string {
  let first = true;
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => {
      const isFirst = first;
      first = false;
      const escaped = texEscape(word);
      const inner = /\p{Lu}/u.test(word.slice(1));
      const leading = !isFirst && /^\P{L}*\p{Lu}/u.test(word);
      return inner || leading ? `{${escaped}}` : escaped;
    })
    .join(' ');
}

/** "van Oudenaarden, Jr, Alexander" (BibTeX's "von Last, Jr, First"), or a braced organisation. */
export function bibtexName(name: CslName): string {
  if (name.literal) return `{${texEscape(name.literal)}}`;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  const parts = [family, name.suffix, given].filter((p): p is string => !!p && p.trim() !== '');
  // A suffix needs its own comma slot; without a given name it is "Last, Jr, ".
  if (name.suffix && !given) parts.push('');
  return parts.map(texEscape).join(', ');
}

const names = (list: CslName[] | undefined): string | undefined =>
  list && list.length > 0 ? list.map(bibtexName).join(' and ') : undefined;

/** A citation key BibTeX accepts: the reference's key without characters BibTeX reads as syntax. */
export const bibtexKey = (id: string): string => id.replace(/[^\w:.+/-]/g, '_') || 'ref';

/** One entry. `item` is an export item (see exports.ts): its `note` is already what to print. */
export function bibtexEntry(item: CslItem): string {
  const fields: [string, string][] = [];
  const add = (key: string, value: string | number | undefined, raw = false): void => {
    if (value === undefined || String(value).trim() === '') return;
    fields.push([key, raw ? String(value).trim() : texEscape(String(value))]);
  };
  const addRaw = (key: string, value: string | undefined): void => {
    if (value !== undefined && value.trim() !== '') fields.push([key, value]);
  };
  const type = ENTRY_TYPES[item.type] ?? 'misc';
  const container = item['container-title'];
  addRaw('author', names(item.author));
  addRaw('editor', names(item.editor));
  addRaw('title', item.title === undefined ? undefined : protectCase(item.title));
  if (type === 'article') add('journal', container);
  else if (type === 'incollection' || type === 'inproceedings')
    addRaw('booktitle', container === undefined ? undefined : protectCase(container));
  else if (container !== undefined) add('howpublished', container);
  const [year, month] = item.issued?.['date-parts']?.[0] ?? [];
  add('year', year ?? item.issued?.literal);
  if (typeof month === 'number' && month >= 1 && month <= 12)
    fields.push(['month', MONTHS[month - 1] as string]);
  add('volume', item.volume);
  add('number', item.issue);
  add('pages', item.page?.replace(/[{}\\%&#]/g, '').replace(/\s*[-–—]+\s*/g, '--'), true);
  // biblatex readers split these fields at " and " (a list of publishers): braced, it is one name.
  const literal = (value: string | undefined): string | undefined =>
    value === undefined || value.trim() === ''
      ? undefined
      : / and /i.test(value)
        ? `{${texEscape(value)}}`
        : texEscape(value);
  addRaw(
    type === 'techreport' ? 'institution' : type === 'phdthesis' ? 'school' : 'publisher',
    literal(item.publisher),
  );
  addRaw('address', literal(item['publisher-place']));
  add('edition', item.edition);
  add('isbn', item.ISBN);
  add('issn', looseText(item, 'ISSN'));
  // Verbatim fields for BibTeX readers: no TeX escaping (a DOI's "_" stays "_").
  add('doi', item.DOI?.replace(/[{}]/g, ''), true);
  add('url', item.URL?.replace(/[{}\s]/g, ''), true);
  add('pmid', item.PMID, true);
  add('pmcid', item.PMCID, true);
  add('abstract', looseText(item, 'abstract'));
  add('note', item.note);
  const body = fields
    .map(([key, value]) => (key === 'month' ? `\t${key} = ${value},` : `\t${key} = {${value}},`))
    .join('\n');
  return `@${type}{${bibtexKey(item.id)},\n${body}\n}`;
}

/** The BibTeX file of export items, entries separated by a blank line. */
export function bibtexText(items: CslItem[]): string {
  return `${items.map(bibtexEntry).join('\n\n')}\n`;
}

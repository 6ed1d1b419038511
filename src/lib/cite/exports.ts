import {
  entryExportPath as identityEntryExportPath,
  listExportPath as identityListExportPath,
} from '../references/identity.ts';
import type { CslItem } from '../schema/csl.ts';
import { bibtexText } from './bibtex.ts';
import { formatAs } from './citation-js.ts';

/** A download format: the file extension, citation-js output, media type and a label for links. */
export interface ExportFormat {
  extension: 'bib' | 'ris' | 'json' | 'nbib';
  output: 'bibtex' | 'ris' | 'data' | 'nbib';
  mediaType: string;
  label: string;
}

/** The four download formats, in the order the page offers them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { extension: 'bib', output: 'bibtex', mediaType: 'application/x-bibtex', label: 'BibTeX' },
  { extension: 'ris', output: 'ris', mediaType: 'application/x-research-info-systems', label: 'RIS' },
  {
    extension: 'json',
    output: 'data',
    mediaType: 'application/vnd.citationstyles.csl+json',
    label: 'CSL-JSON',
  },
  { extension: 'nbib', output: 'nbib', mediaType: 'application/nbib', label: 'MEDLINE/NBIB' },
];

export function exportFormat(extension: ExportFormat['extension']): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.extension === extension);
  if (!format) throw new Error(`no export format .${extension}`);
  return format;
}

/** What a reference manager should show of a reference Lectern could not read with confidence. */
export function verbatimNote(item: CslItem): string | undefined {
  const custom = item.custom as { shownVerbatim?: unknown; verbatim?: unknown } | undefined;
  if (custom?.shownVerbatim !== true || typeof custom.verbatim !== 'string') return undefined;
  const printed = custom.verbatim.replace(/\s+/g, ' ').trim();
  return printed === '' ? undefined : `As printed in the review (not read with confidence): ${printed}`;
}

/**
 * A reference as every export writes it: its own note, plus the printed string when the fields
 * could not be read with confidence (so the reader has both what was read and what was printed).
 * Each format puts the note where its readers show it: RIS `N1`, BibTeX `note`, CSL-JSON
 * `note`, MEDLINE `GN` (general note).
 */
export function exportItem(item: CslItem): CslItem {
  const note = [item.note, verbatimNote(item)].filter(Boolean).join('\n');
  const { note: _note, ...rest } = item;
  return note === '' ? rest : { ...rest, note };
}

/**
 * CSL-JSON for reference managers: the PMID and PMCID keys stay (CSL-JSON readers such as
 * citeproc keep them), and are repeated as "PMID: n" / "PMCID: PMCn" lines of `note`, which
 * Zotero's CSL-JSON import moves into Extra, where Zotero keeps them (it drops the keys).
 */
export function cslJsonItem(item: CslItem): CslItem {
  const exported = exportItem(item);
  const ids = [exported.PMID && `PMID: ${exported.PMID}`, exported.PMCID && `PMCID: ${exported.PMCID}`];
  const note = [...ids, exported.note].filter(Boolean).join('\n');
  return note === '' ? exported : { ...exported, note };
}

/** The file text of `items` in `format`; every file ends with one newline. */
export function exportText(format: ExportFormat, items: CslItem[]): string {
  let text: string;
  if (format.output === 'bibtex') text = bibtexText(items.map(exportItem));
  else if (format.output === 'data') text = formatAs('data', items.map(cslJsonItem));
  else text = formatAs(format.output, items.map(exportItem));
  return `${text.replace(/\n+$/, '')}\n`;
}

/**
 * A whole list's file text from the texts of its entries' own files (`exportText` of each item
 * alone, in list order): what `exportText(format, items)` gives (tests/unit/exports.test.ts
 * checks), without formatting every reference a second time for the list. BibTeX and MEDLINE
 * records are separated by a blank line, RIS records follow each other, CSL-JSON items share
 * one array.
 */
export function joinEntryTexts(format: ExportFormat, texts: readonly string[]): string {
  if (texts.length === 0) return exportText(format, []);
  if (format.output === 'data') {
    const open = '[\n';
    const close = '\n]\n';
    const inner = texts.map((text) => {
      if (!text.startsWith(open) || !text.endsWith(close)) throw new Error('not a one-item CSL-JSON array');
      return text.slice(open.length, -close.length);
    });
    return `${open}${inner.join(',\n')}${close}`;
  }
  return texts.join(format.output === 'ris' ? '' : '\n');
}

/** Site-relative path (no base) of the whole list of a review in `format` (identity.ts names it). */
export const listExportPath = (slug: string, format: ExportFormat): string =>
  identityListExportPath(slug, format.extension);

/** Site-relative path (no base) of one reference in `format`; `segment` is the lower-cased key. */
export const entryExportPath = (slug: string, segment: string, format: ExportFormat): string =>
  identityEntryExportPath(slug, segment, format.extension);

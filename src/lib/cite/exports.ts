import type { CslItem } from '../schema/csl.ts';
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

/** The file text of `items` in `format`; every file ends with one newline. */
export function exportText(format: ExportFormat, items: CslItem[]): string {
  const text = formatAs(format.output, items);
  return `${text.replace(/\n+$/, '')}\n`;
}

/** Site-relative path (no base) of the whole list of a review in `format`. */
export const listExportPath = (slug: string, format: ExportFormat): string =>
  `${slug}/references.${format.extension}`;

/** Site-relative path (no base) of one reference in `format`; `segment` is the lower-cased key. */
export const entryExportPath = (slug: string, segment: string, format: ExportFormat): string =>
  `${slug}/references/${segment}.${format.extension}`;

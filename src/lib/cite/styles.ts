import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerStyle } from './citation-js.ts';

/** The style PubMed uses for reference lists: NLM/Vancouver, Citing Medicine 2nd ed. */
export const DEFAULT_STYLE = 'nlm-citation-sequence';

/**
 * The styles a reader can switch between, in the order the switcher offers them, default first;
 * each is an official CSL file in src/csl/ named `<id>.csl` (CC BY-SA 3.0,
 * citation-style-language/styles). Adding a style is one line here and its file there: the
 * layer formats it, the review page offers it and the build writes its file for every review.
 */
export const STYLE_CHOICES: readonly { id: string; label: string }[] = [
  { id: DEFAULT_STYLE, label: 'NLM/Vancouver' },
  { id: 'apa', label: 'APA 7th' },
  { id: 'american-medical-association', label: 'AMA' },
  { id: 'harvard-cite-them-right', label: 'Harvard' },
  { id: 'chicago-author-date', label: 'Chicago (author-date)' },
];

/** src/csl/, found from this file: only build-time code (the layer, tests) reads the styles. */
const cslDir = (): string => join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'csl');

const xmlCache = new Map<string, string>();

/** The CSL XML of a style (read once). */
export function styleXml(id: string): string {
  let xml = xmlCache.get(id);
  if (xml === undefined) {
    xml = readFileSync(join(cslDir(), `${id}.csl`), 'utf8');
    xmlCache.set(id, xml);
  }
  return xml;
}

/** Registers every style with citation-js (idempotent). */
export function ensureStyles(): void {
  for (const { id } of STYLE_CHOICES) registerStyle(id, styleXml(id));
}

/**
 * Plain-text NLM references, produced the way the site produces them: the official NLM CSL
 * style (src/csl/nlm-citation-sequence.csl) through `formatEntries`, i.e. the one citation-js
 * that rehype-citation bundles. The HTML entry is turned into the text a reader would copy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatEntries, registerStyle } from '../../src/lib/cite/citation-js.ts';
import type { CslItem } from '../../src/lib/schema/csl.ts';
import { decodeXmlEntities } from './pubmed-citations.ts';

export const NLM_STYLE = 'nlm-citation-sequence';

const STYLE_FILE = fileURLToPath(new URL('../../src/csl/nlm-citation-sequence.csl', import.meta.url));

/** The text of a citeproc HTML entry: tags dropped, `&#38;`-style entities decoded. */
export function htmlEntryText(html: string): string {
  return decodeXmlEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\d+\.\s+/, ''); // no leading "1. " (formatEntries already drops the number column)
}

/**
 * NLM text of each item, by id. `truncated` lists ids whose author list the source cut
 * ("et al."); they are passed on as Lectern items are (`custom.authorsTruncated`), so the
 * site's own placeholder makes citeproc print "…, et al.".
 */
export function formatNlmText(
  items: CslItem[],
  truncated: ReadonlySet<string> = new Set(),
): Map<string, string> {
  registerStyle(NLM_STYLE, readFileSync(STYLE_FILE, 'utf8'));
  const marked = items.map((item) =>
    truncated.has(item.id) ? { ...item, custom: { ...item.custom, authorsTruncated: true } } : item,
  );
  const html = formatEntries(marked, NLM_STYLE);
  return new Map([...html].map(([id, entry]) => [id, htmlEntryText(entry)]));
}

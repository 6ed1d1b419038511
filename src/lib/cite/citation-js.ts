import { Cite } from 'rehype-citation';
import type { CslItem } from '../schema/csl.ts';

/**
 * The one citation-js in the project: the copy rehype-citation bundles (0.7). Loading the
 * `citation-js` package beside it would create a second plugin registry whose styles the
 * Markdown citations would never see; every style is registered here, once, for both.
 */
interface CslConfig {
  templates: { add(name: string, xml: string): void; has(name: string): boolean };
}
interface CitePlugins {
  config: { get(name: '@csl'): CslConfig };
  output: { format(name: string, data: unknown[], options?: Record<string, unknown>): unknown };
}
interface CiteConstructor {
  new (data: unknown, options?: Record<string, unknown>): { data: unknown[] };
  plugins: CitePlugins;
}

const citeJs = Cite as unknown as CiteConstructor;

export function registerStyle(name: string, xml: string): void {
  const templates = citeJs.plugins.config.get('@csl').templates;
  if (!templates.has(name)) templates.add(name, xml);
}

/**
 * Formats `items` as HTML bibliography entries in list order (numeric styles number them
 * 1…n in that order). citeproc escapes the field text, so the HTML is safe to insert.
 */
export function formatEntries(items: CslItem[], style: string): Map<string, string> {
  const data = new citeJs(items.map(forFormatting), { generateGraph: false }).data;
  const entries = citeJs.plugins.output.format('bibliography', data, {
    format: 'html',
    template: style,
    lang: 'en-US',
    asEntryArray: true,
  }) as [string, string][];
  return new Map(entries.map(([id, html]) => [id, entryBody(html)]));
}

/** Formats items with one of citation-js's text outputs, e.g. 'bibtex' or 'ris'. */
export function formatAs(output: string, items: CslItem[]): string {
  const data = new citeJs(items.map(forFormatting), { generateGraph: false }).data;
  return citeJs.plugins.output.format(output, data, { format: 'text' }) as string;
}

/**
 * "et al." in a source means the list was cut, not that the names printed are all. CSL data has
 * no flag for that, so one placeholder name stands for the rest. In NLM (", " between names,
 * et-al-min 7 / use-first 6) this prints exactly what the source printed: "A, B, C, et al.".
 */
function forFormatting(item: CslItem): CslItem {
  const { custom: _custom, note: _note, ...rest } = item;
  if (!item.custom?.authorsTruncated || !item.author) return rest;
  return { ...rest, author: [...item.author, { literal: 'et al.' }] };
}

/** The entry's text without citeproc's number column: Lectern prints its own numbers as an ordered list. */
function entryBody(html: string): string {
  const inline = /<div class="csl-right-inline">([\s\S]*)<\/div>\s*<\/div>\s*$/.exec(html);
  return (inline?.[1] ?? html.replace(/<div class="csl-left-margin">[\s\S]*?<\/div>/, '')).trim();
}

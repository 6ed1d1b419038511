import { createRequire } from 'node:module';
import { Cite } from 'rehype-citation';
import type { CslItem } from '../schema/csl.ts';
import { nbibPlugin } from './plugin-nbib.ts';
import { risPlugin } from './plugin-ris.ts';

/**
 * The one citation-js in the project: the copy rehype-citation bundles (0.7). Loading the
 * `citation-js` package beside it would create a second plugin registry whose styles the
 * Markdown citations would never see; every style and plugin is registered here, once, for both.
 * The bundle reads BibTeX, BibJSON, CSL-JSON and CFF; RIS (@citation-js/plugin-ris's parts) and
 * MEDLINE/NBIB (Lectern's own output plugin) are added to it below.
 */
interface CslConfig {
  templates: { add(name: string, xml: string): void; has(name: string): boolean; get(name: string): string };
  locales: { has(name: string): boolean; get(name: string): string };
}
interface CitePlugins {
  add(name: string, plugin: object): void;
  has(name: string): boolean;
  config: { get(name: '@csl'): CslConfig };
  output: { format(name: string, data: unknown[], options?: Record<string, unknown>): unknown };
}
interface CiteConstructor {
  new (data: unknown, options?: Record<string, unknown>): { data: unknown[] };
  plugins: CitePlugins;
}

const citeJs = Cite as unknown as CiteConstructor;

if (!citeJs.plugins.has('@ris')) citeJs.plugins.add('@ris', risPlugin);
if (!citeJs.plugins.has('@nbib')) citeJs.plugins.add('@nbib', nbibPlugin);

/**
 * How a style shortens a long author list in its bibliography, read from its CSL: `et-al-min`
 * and `et-al-use-first` on the author macro's `<name>` or inherited from `<bibliography>`.
 */
export interface EtAlRule {
  min?: number | undefined;
  useFirst?: number | undefined;
  useLast: boolean;
  /** Names are joined by the "and" term or "&" (so a placeholder name would read "… and et al."). */
  and: boolean;
  /** Delimiter between names (", " unless the style says otherwise). */
  delimiter: string;
  /** Numeric styles number their entries; author-date styles sort and disambiguate them. */
  numeric: boolean;
}

const rules = new Map<string, EtAlRule>();

const attr = (tag: string | undefined, name: string): string | undefined =>
  tag === undefined ? undefined : new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The et-al rule of a CSL style (see EtAlRule). */
export function etAlRule(xml: string): EtAlRule {
  const style = /<style\b[^>]*>/.exec(xml)?.[0];
  const bibliography = /<bibliography\b[^>]*>/.exec(xml)?.[0];
  const authorMacro = /<macro name="(?:author|contributors)">([\s\S]*?)<\/macro>/.exec(xml)?.[1];
  const name = authorMacro === undefined ? undefined : /<name\b[^>]*>/.exec(authorMacro)?.[0];
  const pick = (key: string): string | undefined =>
    attr(name, key) ?? attr(bibliography, key) ?? attr(style, key);
  const num = (key: string): number | undefined => {
    const value = pick(key);
    return value === undefined ? undefined : Number(value);
  };
  return {
    min: num('et-al-min'),
    useFirst: num('et-al-use-first'),
    useLast: pick('et-al-use-last') === 'true',
    and: pick('and') !== undefined,
    delimiter: attr(name, 'delimiter') ?? ', ',
    numeric: /citation-format="numeric"/.test(xml),
  };
}

export function registerStyle(name: string, xml: string): void {
  const templates = citeJs.plugins.config.get('@csl').templates;
  if (!templates.has(name)) templates.add(name, xml);
  if (!rules.has(name)) rules.set(name, etAlRule(xml));
}

/**
 * Formats `items` as HTML bibliography entries in list order (numeric styles number them
 * 1…n in that order). citeproc escapes the field text, so the HTML is safe to insert.
 * Author-date styles format each entry on its own: in a list they would sort, add year
 * suffixes ("2004a") and replace repeated authors by "———", none of which fits a list kept in
 * the review's order or an entry copied alone.
 */
export function formatEntries(items: CslItem[], style: string): Map<string, string> {
  const rule = rules.get(style);
  const prepared = items.map((item) => forFormatting(item, rule));
  const groups = rule?.numeric === false ? prepared.map((item) => [item]) : [prepared];
  const out = new Map<string, string>();
  for (const group of groups) {
    const data = new citeJs(group, { generateGraph: false }).data;
    const entries = citeJs.plugins.output.format('bibliography', data, {
      format: 'html',
      template: style,
      lang: 'en-US',
      asEntryArray: true,
    }) as [string, string][];
    for (const [id, html] of entries) out.set(id, entryBody(html));
  }
  return out;
}

/** The part of citeproc-js's engine formatting uses. */
interface CiteprocEngine {
  setOutputFormat(format: string): void;
  opt: { development_extensions: { wrap_url_and_doi: boolean } };
  updateItems(ids: string[]): string[];
  makeBibliography(): [unknown, string[]];
}
interface Citeproc {
  Engine: new (
    sys: { retrieveLocale(lang: string): unknown; retrieveItem(id: string): unknown },
    style: string,
    lang: string,
    forceLang: boolean,
  ) => CiteprocEngine;
}

const engines = new Map<string, { engine: CiteprocEngine; items: Map<string, CslItem> }>();

/**
 * The citeproc-js engine for `style`, made once and reused: the copy citation-js 0.7 (in
 * rehype-citation) formats with, so the output is the same, without citation-js's wrapper,
 * which re-reads the items and resets the engine on every call.
 */
function engineFor(style: string): { engine: CiteprocEngine; items: Map<string, CslItem> } {
  let cached = engines.get(style);
  if (!cached) {
    const csl = createRequire(import.meta.url)('citeproc') as Citeproc;
    const config = citeJs.plugins.config.get('@csl');
    const items = new Map<string, CslItem>();
    const engine = new csl.Engine(
      {
        retrieveLocale: (lang) =>
          config.locales.has(lang) ? config.locales.get(lang) : config.locales.get(lang.replace('-', '_')),
        retrieveItem: (id) => items.get(id),
      },
      config.templates.get(style),
      'en-US',
      true,
    );
    engine.setOutputFormat('html');
    engine.opt.development_extensions.wrap_url_and_doi = false;
    cached = { engine, items };
    engines.set(style, cached);
  }
  return cached;
}

/**
 * formatEntries with citeproc-js called directly (one engine per style, reused), for the
 * comparison in scripts/measure-formatting.ts.
 */
export function formatEntriesDirect(items: CslItem[], style: string): Map<string, string> {
  const rule = rules.get(style);
  const prepared = items.map((item) => forFormatting(item, rule));
  const groups = rule?.numeric === false ? prepared.map((item) => [item]) : [prepared];
  const { engine, items: store } = engineFor(style);
  const out = new Map<string, string>();
  for (const group of groups) {
    store.clear();
    for (const item of group) store.set(item.id, item);
    const ids = engine.updateItems(group.map((item) => item.id));
    const [, entries] = engine.makeBibliography();
    entries.forEach((html, i) => out.set(ids[i] ?? '', entryBody(html)));
  }
  return out;
}

/**
 * Formats items with one of citation-js's text outputs: 'bibtex', 'ris', 'nbib' or 'data'
 * (CSL-JSON). Lectern's own fields (`custom`) stay out; a cut author list is exported as the
 * names the source printed.
 */
export function formatAs(output: string, items: CslItem[]): string {
  const data = new citeJs(items.map(forExport), { generateGraph: false }).data;
  return citeJs.plugins.output.format(output, data, { format: 'text' }) as string;
}

/**
 * A reference as exported CSL-JSON: the item without Lectern's `custom` fields, its key kept as
 * `citation-key` (so BibTeX keeps `darnell1997` rather than inventing one).
 */
export function forExport(item: CslItem): CslItem {
  const { custom: _custom, ...rest } = item;
  return { ...rest, 'citation-key': item.id } as CslItem;
}

/** Reads BibTeX, RIS, CSL-JSON (or anything else the bundled registry reads) into CSL items. */
export function parseCitations(input: string): CslItem[] {
  return new citeJs(input, { generateGraph: false }).data as CslItem[];
}

/**
 * "et al." in a source means the list was cut, not that the names printed are all. CSL data has
 * no flag for that, so one placeholder name can stand for the rest, but only where the style
 * then prints what the source printed:
 *  - the style's own truncation certainly applies (the real list has at least one name more
 *    than the source printed, enough for `et-al-min`) and shows no more names than are known:
 *    citeproc prints the style's own "et al." (NLM, AMA, Harvard for long lists);
 *  - or the placeholder, printed as the last name, reads as the source's ", et al.": names
 *    joined by ", " with no "and" (NLM, AMA for short lists).
 * Otherwise (APA's 20 names with "&", Chicago's "and") nothing is added: citeproc prints the
 * names that are known, which is all a style can honestly print.
 */
function forFormatting(item: CslItem, rule: EtAlRule | undefined): CslItem {
  const { custom: _custom, note: _note, ...rest } = item;
  if (!item.custom?.authorsTruncated || !item.author) return rest;
  return placeholderFits(item.author.length, rule)
    ? { ...rest, author: [...item.author, { literal: 'et al.' }] }
    : rest;
}

/** Whether the "et al." placeholder prints right for `known` names in a style (see forFormatting). */
export function placeholderFits(known: number, rule: EtAlRule | undefined): boolean {
  // An unregistered style is treated as NLM, the style this placeholder was made for.
  if (rule === undefined) return true;
  if (rule.useLast) return false;
  const truncates =
    rule.min !== undefined && rule.useFirst !== undefined && known + 1 >= rule.min && rule.useFirst <= known;
  const readsAsEtAl =
    !rule.and && rule.delimiter === ', ' && (rule.min === undefined || known + 1 < rule.min);
  return truncates || readsAsEtAl;
}

/** The entry's text without citeproc's number column: Lectern prints its own numbers as an ordered list. */
function entryBody(html: string): string {
  const inline = /<div class="csl-right-inline">([\s\S]*)<\/div>\s*<\/div>\s*$/.exec(html);
  if (inline?.[1] !== undefined) return inline[1].trim();
  const withoutNumber = html.replace(/<div class="csl-left-margin">[\s\S]*?<\/div>/, '');
  const entry = /^\s*<div\b[^>]*\bclass="csl-entry"[^>]*>([\s\S]*)<\/div>\s*$/.exec(withoutNumber);
  return (entry?.[1] ?? withoutNumber).trim();
}

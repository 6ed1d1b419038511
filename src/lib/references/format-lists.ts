import { formatEntries } from '../cite/citation-js.ts';
import { ensureStyles, styleXml } from '../cite/styles.ts';
import type { CslItem } from '../schema/csl.ts';
import { entryDigest, type FormatCache } from './format-cache.ts';

/** One list's entries: style id -> reference key -> entry HTML (citeproc escapes the fields). */
export type FormattedList = Map<string, Map<string, string>>;

/**
 * Formats every list in every style, once: entries found in `cache` are taken from it, the
 * rest go to citation-js (src/lib/cite/citation-js.ts) in list order, only the missing ones, and
 * are added to the cache. Numeric styles strip their numbers (formatEntries), so a list's missing
 * entries formatted together read as they would in the whole list.
 */
export function formatLists(
  lists: readonly (readonly CslItem[])[],
  styles: readonly string[],
  cache: FormatCache,
): { lists: FormattedList[]; formatted: number; cached: number } {
  ensureStyles();
  let formatted = 0;
  let cached = 0;
  const out: FormattedList[] = lists.map(() => new Map<string, Map<string, string>>());
  for (const style of styles) {
    const xml = styleXml(style);
    lists.forEach((items, i) => {
      const entries = new Map<string, string>();
      const missing: { item: CslItem; digest: string }[] = [];
      for (const item of items) {
        const digest = entryDigest(item, xml);
        const html = cache.get(style, digest);
        if (html === undefined) missing.push({ item, digest });
        else {
          entries.set(item.id, html);
          cached += 1;
        }
      }
      if (missing.length > 0) {
        const fresh = formatEntries(
          missing.map((m) => m.item),
          style,
        );
        for (const { item, digest } of missing) {
          const html = fresh.get(item.id) ?? '';
          entries.set(item.id, html);
          cache.set(style, digest, html);
        }
        formatted += missing.length;
      }
      out[i]?.set(style, entries);
    });
  }
  return { lists: out, formatted, cached };
}

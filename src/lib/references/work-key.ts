import type { CslItem } from '../schema/csl.ts';

/**
 * Keys under which the same work is recognised across reference lists: its DOI (case-folded),
 * its PMID, and its normalised title with year. Two items share a work when any key matches.
 */
export function workKeys(item: CslItem): string[] {
  const keys: string[] = [];
  if (item.DOI) keys.push(`doi:${item.DOI.toLowerCase()}`);
  if (item.PMID) keys.push(`pmid:${item.PMID}`);
  if (item.PMCID) keys.push(`pmcid:${item.PMCID.toUpperCase()}`);
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const title = item.title
    ?.normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  // Short titles ("Editorial", "Reply") say too little to identify a work on their own.
  if (title && title.split(' ').length >= 4 && year !== undefined) keys.push(`title:${title}|${year}`);
  return keys;
}

/** Where else a work is cited: another review and that review's key for it. */
export interface Citing {
  review: string;
  id: string;
}

/** For every entry, the other reviews whose lists hold the same work, with their key for it. */
export function crossCitations<T extends { review: string; item: CslItem }>(
  entries: readonly T[],
): Map<T, Citing[]> {
  const citingByKey = new Map<string, Map<string, string>>();
  for (const entry of entries) {
    for (const key of workKeys(entry.item)) {
      let citing = citingByKey.get(key);
      if (!citing) citingByKey.set(key, (citing = new Map<string, string>()));
      // A review's first entry for the work is the one to link to.
      if (!citing.has(entry.review)) citing.set(entry.review, entry.item.id);
    }
  }
  const result = new Map<T, Citing[]>();
  for (const entry of entries) {
    const others = new Map<string, string>();
    for (const key of workKeys(entry.item)) {
      for (const [review, id] of citingByKey.get(key) ?? []) {
        if (review !== entry.review && !others.has(review)) others.set(review, id);
      }
    }
    result.set(
      entry,
      [...others].map(([review, id]) => ({ review, id })).sort((a, b) => a.review.localeCompare(b.review)),
    );
  }
  return result;
}

import type { CslItem } from '../schema/csl.ts';

/**
 * Gives every reference a citation key from its first author and year ("darnell1997"), so keys
 * survive re-ingests and edits elsewhere in the list. Clashes get "b", "c"… in list order.
 */
export function assignIds(items: ReadonlyArray<Omit<CslItem, 'id'>>): CslItem[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = baseKey(item);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const id = count === 1 ? base : `${base}${suffix(count)}`;
    return { id, ...item };
  });
}

function baseKey(item: Omit<CslItem, 'id'>): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  const name = first?.family ?? first?.literal ?? firstWord(item.title) ?? firstWord(item['container-title']);
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const stem = slugPart(name ?? 'ref').slice(0, 24) || 'ref';
  return `${stem}${year === undefined ? 'nd' : String(year)}`;
}

function firstWord(text: string | undefined): string | undefined {
  return text?.split(/\s+/).find((w) => /^[\p{L}\d]{3,}/u.test(w) && !/^(the|and|for|from|with)$/i.test(w));
}

function slugPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** 2 -> "b", 26 -> "z", 27 -> "aa": letters, so a key never reads as a different year. */
function suffix(count: number): string {
  let n = count - 1;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

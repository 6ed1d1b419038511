import type { ReviewMeta } from '../schema/review.ts';

/** "bournazou-2013-jakstat": first author, year, journal; readable and stable across re-ingests. */
export function reviewSlug(meta: Pick<ReviewMeta, 'authors' | 'issued' | 'journal' | 'title'>): string {
  const first = meta.authors[0];
  const parts = [
    first?.family ?? first?.literal,
    meta.issued?.['date-parts']?.[0]?.[0]?.toString(),
    meta.journal.abbreviation ?? meta.journal.title ?? meta.title.split(/\s+/).slice(0, 3).join(' '),
  ];
  const slug = parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map(slugify)
    .filter((p) => p !== '')
    .join('-');
  return slug || 'review';
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * The slug, or "-2", "-3"… after it when an earlier article of the same file took it; `taken`
 * collects the slugs handed out so far.
 */
export function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}

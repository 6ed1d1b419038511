import type { CslItem, CslName } from '../schema/csl.ts';

/**
 * How Lectern decides that two descriptions are of the same work: titles alike (character-bigram
 * Dice ≥ `TITLE_SIMILARITY_THRESHOLD` after normalising), same year, same first-author surname.
 */

export const TITLE_SIMILARITY_THRESHOLD = 0.8;

/** Lower case, no accents, markup or punctuation, single spaces: "STATs and gene regulation." → "stats and gene regulation". */
export function normaliseText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, ' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Sørensen–Dice coefficient of the character bigrams of the normalised titles, 0..1. */
export function titleSimilarity(a: string, b: string): number {
  const x = normaliseText(a);
  const y = normaliseText(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i += 1) {
    const gram = x.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i += 1) {
    const gram = y.slice(i, i + 2);
    const left = counts.get(gram) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(gram, left - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

/** The year of `issued`, from its date parts or, failing that, a four-digit year in its text. */
export function itemYear(item: Pick<CslItem, 'issued'>): number | undefined {
  const first = item.issued?.['date-parts']?.[0]?.[0];
  const fromParts = typeof first === 'number' ? first : Number(first);
  if (Number.isInteger(fromParts) && fromParts > 0) return fromParts;
  const text = item.issued?.raw ?? item.issued?.literal ?? '';
  const match = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The first author's surname, normalised; undefined for an organisation or no author. */
export function firstAuthorFamily(authors: readonly CslName[] | undefined): string | undefined {
  const first = authors?.[0];
  if (!first?.family) return undefined;
  const particle = first['non-dropping-particle'];
  const family = normaliseText(particle ? `${particle} ${first.family}` : first.family);
  return family === '' ? undefined : family;
}

/** Surnames agree, allowing a particle one source folds in ("van der Berg" / "Berg"). */
export function sameFamily(a: string, b: string): boolean {
  const x = normaliseText(a);
  const y = normaliseText(b);
  if (x === y) return true;
  return x.split(' ').at(-1) === y.split(' ').at(-1) && (x.endsWith(` ${y}`) || y.endsWith(` ${x}`));
}

/** The initials of given names, lower case: "Bernard J" → "bj", "JE" → "je". */
export function initials(given: string | undefined): string {
  if (!given) return '';
  return given
    .split(/[\s.\-‐]+/)
    .filter((part) => part !== '' && !/^(?:jr|sr|[ivx]+)$/i.test(part))
    .map((part) => (/^\p{Lu}{1,3}$/u.test(part) ? part : part.slice(0, 1)))
    .join('')
    .toLowerCase();
}

/** Words a journal abbreviation leaves out ("Journal of the Royal Society" → "J R Soc"). */
const JOURNAL_STOPWORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'la', 'et', 'fur', 'und']);

/**
 * The printed journal name names one of the record's (its title or its abbreviation), with or
 * without a final place in parentheses: equal once punctuation and spaces go ("Proc. Natl. Acad. Sci. U.S.A." and "Proc Natl Acad Sci U S A"), or
 * an abbreviation of it, each printed word the start of the matching word and its letters in order
 * ("J R Soc Interface" of "Journal of the Royal Society, Interface"; "Natl" of "National").
 */
export function sameJournal(printed: string, names: readonly string[]): boolean {
  const compact = (s: string): string => normaliseText(s).replace(/ /g, '');
  if (compact(printed) === '') return true;
  // NLM tells journals of the same name apart by a place in parentheses, "J Med Imaging
  // (Bellingham)", which references often leave out.
  const variants = (s: string): string[] => [s, s.replace(/\s*\([^()]*\)\s*$/, '')];
  return variants(printed).some((p) =>
    names
      .flatMap(variants)
      .some((name) => compact(name) === compact(p) || abbreviates(p, name) || abbreviates(name, p)),
  );
}

function abbreviates(short: string, full: string): boolean {
  const words = (s: string): string[] =>
    normaliseText(s)
      .split(' ')
      .filter((w) => w !== '' && !JOURNAL_STOPWORDS.has(w));
  const a = words(short);
  const b = words(full);
  return a.length > 0 && a.length === b.length && a.every((w, i) => isAbbreviation(w, b[i] ?? ''));
}

/** "natl" of "national": same first letter, the rest in order. */
function isAbbreviation(short: string, word: string): boolean {
  if (short[0] !== word[0]) return false;
  let at = 0;
  for (const ch of short) {
    at = word.indexOf(ch, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/** The first page of a page field ("2369-2383" → "2369", "e0180707" → "e0180707"), lower case. */
export function firstPage(page: string | undefined): string | undefined {
  const first = page
    ?.split(/[-–—,]/)[0]
    ?.trim()
    .toLowerCase();
  return first === '' ? undefined : first;
}

/**
 * Where a journal name starts when it is printed with periods ("Clin. Chem.", "Proc. Natl.
 * Acad. Sci. U.S.A.", "Nature Reviews. Neuroscience"): the period-separated pieces before the
 * last one belong to the journal while they read as abbreviations, not as the end of a title.
 */

// Words that head or continue journal names and are not abbreviations themselves.
const JOURNAL_WORDS = new Set(
  [
    'Nature Reviews Review Reviews Letters Reports Research Journal Proceedings Annals Archives',
    'Transactions Bulletin Advances Frontiers Trends Current Opinion Methods Progress Seminars',
    'Series Section Part Clinics Physiology Medicine Science Sciences',
  ]
    .join(' ')
    .split(' '),
);
const CONNECTORS = new Set(['of', 'and', 'the', 'in', 'for', '&', 'de', 'der', 'und', 'et', 'la']);

/** A piece such as "Proc", "Natl Acad", "Trends Biochem", "Nature Reviews", "U.S.A". */
export function isAbbreviationPiece(piece: string): boolean {
  // Three words of at most 13 letters each, and a title segment is usually longer.
  if (piece.length > 45) return false;
  const words = piece.trim().split(/\s+/);
  if (words.length === 0 || words.length > 3) return false;
  let content = 0;
  for (const word of words) {
    if (CONNECTORS.has(word)) continue;
    content += 1;
    if (/\d/.test(word) || !/^\p{Lu}/u.test(word)) return false;
    if (/^(?:\p{Lu}\.?)+$/u.test(word)) continue; // "U.S.A", "B"
    if (word.replace(/[^\p{L}]/gu, '').length > 7 && !JOURNAL_WORDS.has(word)) return false;
  }
  return content > 0;
}

/**
 * Given the pieces of "…title. Journal" split at periods, the index of the first piece of the
 * journal, keeping at least `keep` pieces before it (authors, title).
 */
export function journalStart(pieces: readonly string[], keep: number): number {
  let start = pieces.length - 1;
  // Only a journal printed with periods runs over several pieces, and then its last word
  // stands alone ("… Clin. Chem.", "… Trends Biochem. Sci."); "Title. J Med" is two elements.
  const last = (pieces[start] ?? '').trim();
  if (/\s/.test(last) && !/^(?:\p{Lu}\.?)+$/u.test(last)) {
    // Except after a journal head of its own ("Proceedings. Biological Sciences").
    const head = (pieces[start - 1] ?? '').trim().split(/\s+/);
    const isHead = start - 1 >= keep && head.every((w) => JOURNAL_WORDS.has(w));
    return isHead ? start - 1 : start;
  }
  while (start - 1 >= keep && isAbbreviationPiece(pieces[start - 1] ?? '')) start -= 1;
  return start;
}

/** A journal printed with periods keeps its last one ("Clin. Chem."), which splitting dropped. */
export function journalName(printed: string): string {
  const last = /(\S+)$/.exec(printed)?.[1] ?? '';
  const abbreviated = /^(?:\p{Lu}\.?)+$/u.test(last) || (last.length <= 6 && !JOURNAL_WORDS.has(last));
  return /\p{L}\.\s/u.test(printed) && abbreviated && !/[.?!]$/.test(printed) ? `${printed}.` : printed;
}

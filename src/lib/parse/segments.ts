/**
 * Splitting a reference into its NLM "sentences" (authors. title. journal. …) without being
 * fooled by periods that do not end one: initials in "U.S.", "e.g.", "spp.", decimals.
 */

export interface Segment {
  start: number;
  end: number;
}

// Words whose period is an abbreviation mark, not the end of an NLM element.
// Case matters: "p." abbreviates "page" but "P." is an initial ("Houben P. Title").
const ABBREVIATIONS = new Set(
  [
    ['e.g', 'i.e', 'vs', 'cf', 'spp', 'sp', 'subsp', 'var', 'ca', 'approx', 'p', 'pp'],
    ['Dr', 'Mr', 'Mrs', 'Ms', 'St', 'No', 'no', 'Vol', 'vol', 'Fig', 'fig', 'Inc', 'Ltd', 'Co'],
  ].flat(),
);

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function wordBefore(text: string, dot: number, from: number): string {
  let i = dot;
  while (i > from && !isSpace(text[i - 1]) && dot - i < 40) i -= 1;
  return text.slice(i, dot);
}

/**
 * A lone capital that is one of a run of spaced initials inside a name ("W. H. Freeman",
 * "J. B. Lippincott"): another lone capital next to it, and a capitalised word after the run.
 * A lone capital on its own ("Bromberg J. Title") still ends the authors, and a lower-case word
 * after the run ("J. H. pylori …") still starts a title.
 */
function inSpacedInitials(text: string, dot: number): boolean {
  const after = text.slice(dot + 1, dot + 40);
  if (/^\s+(?:\p{Lu}\.\s+)+\p{Lu}\p{Ll}/u.test(after)) return true;
  const before = text.slice(Math.max(0, dot - 5), dot - 1);
  return /(?:^|\s)\p{Lu}\.\s+$/u.test(before) && /^\s+\p{Lu}\p{Ll}/u.test(after);
}

function endsElement(text: string, dot: number, from: number): boolean {
  const word = wordBefore(text, dot, from);
  // "U.S." and similar dotted initialisms; a lone capital ("Bromberg J.") does end the authors.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  const bare = word.replace(/^[([]+/, '');
  if (/^\p{Lu}$/u.test(bare) && inSpacedInitials(text, dot)) return false;
  // "No." only abbreviates before a number ("Report No. 5").
  if (bare === 'no' || bare === 'No') return !/^\s+\d/.test(text.slice(dot + 1, dot + 4));
  return !ABBREVIATIONS.has(bare);
}

/**
 * Segments of text[from, to), trimmed, empty ones dropped. A segment ending in "?" or "!"
 * keeps the mark (it belongs to a title); a closing "." is left out.
 */
export function splitSegments(text: string, from = 0, to = text.length): Segment[] {
  const segments: Segment[] = [];
  let start = from;
  const push = (s: number, e: number): void => {
    let a = s;
    let b = e;
    while (a < b && isSpace(text[a])) a += 1;
    while (b > a && isSpace(text[b - 1])) b -= 1;
    if (b > a) segments.push({ start: a, end: b });
  };
  for (let i = from; i < to; i += 1) {
    const ch = text[i];
    if (ch !== '.' && ch !== '?' && ch !== '!') continue;
    const next = text[i + 1];
    if (i + 1 < to && !isSpace(next)) continue;
    if (ch === '.' && !endsElement(text, i, start)) continue;
    push(start, ch === '.' ? i : i + 1);
    start = i + 1;
  }
  push(start, to);
  return segments;
}

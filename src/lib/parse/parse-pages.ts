/**
 * Page ranges as NLM prints them ("1630–5", "264–9, W64", "R67-99", "e23828") written out in
 * full ("1630-1635", "264-269, W64", "R67-R99", "e23828"), so that a later style can abbreviate
 * them its own way.
 */

const RANGE = /^([A-Za-z]{0,4})(\d{1,9})\s*-\s*([A-Za-z]{0,4})(\d{1,9})$/;

function expandOne(part: string): string {
  const m = RANGE.exec(part);
  if (!m) return part;
  const [, startPrefix = '', startDigits = '', endPrefixRaw = '', endDigits = ''] = m;
  // A different letter prefix at the end ("A1-B3") is not an abbreviated range; keep it.
  if (endPrefixRaw !== '' && endPrefixRaw !== startPrefix) return part;
  let end = endDigits;
  if (endDigits.length < startDigits.length) {
    end = startDigits.slice(0, startDigits.length - endDigits.length) + endDigits;
  }
  // "99-5" cannot be a range even once written out; leave what was printed.
  if (Number(end) < Number(startDigits)) return part;
  return `${startPrefix}${startDigits}-${startPrefix}${end}`;
}

/** Expands every abbreviated range in a printed page list; anything else passes through. */
export function expandPageRange(printed: string): string {
  const normalised = printed
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  if (normalised === '') return '';
  return normalised
    .split(/\s*,\s*/)
    .map((part) => expandOne(part))
    .join(', ');
}

/** True when the text reads as pages or an e-locator rather than as words. */
export function looksLikePages(text: string): boolean {
  return /^[A-Za-z]{0,4}\d[\w-]*(?:\s*,\s*[A-Za-z]{0,4}\d[\w-]*)*(?:\s+passim)?$/.test(text.trim());
}

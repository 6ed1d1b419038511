import { readAuthorYear, type AuthorYearSplit } from './author-year-common.ts';
import type { CitationGrammar } from './grammar.ts';
import { readNameList } from './name-list.ts';
import { parseNlm } from './nlm.ts';

/**
 * Nature and Science: the year last, in parentheses after the source:
 * "Beaulieu, J. M., Jhwueng, D. & O'Meara, B. C. Title. Evolution 66, 2369–2383 (2012)."
 */
const YEAR_LAST = /\(\s*(?:[^()]{0,60}[\s,])?(\d{4})\s*\)\s*\.?\s*$/;
// The names end at an initial's period followed by a word (two letters at least, not an initial).
const NAMES_END =
  /(?<=(?:^|[\s.,-])\p{Lu}\p{Ll}?)\.\s+(?=[\p{L}\d][\p{L}\d'’-]+[\s:;?!.]|[\p{L}\d][\p{L}\d'’-]+$)/gu;

function locate(plain: string): AuthorYearSplit | undefined {
  const text = plain.trimEnd();
  const year = YEAR_LAST.exec(text);
  if (!year) return undefined;
  NAMES_END.lastIndex = 0;
  for (let m = NAMES_END.exec(text); m; m = NAMES_END.exec(text)) {
    if (m.index > year.index || m.index > 600) return undefined;
    const namesEnd = m.index + 1;
    if (readNameList(text.slice(0, namesEnd))) {
      return {
        namesEnd,
        yearStart: year.index,
        yearEnd: text.length,
        year: year[1] ?? '',
        restStart: m.index + m[0].length,
        restEnd: year.index,
      };
    }
  }
  return undefined;
}

export const natureGrammar: CitationGrammar = {
  id: 'nature',
  label: 'year last in parentheses (Nature, Science)',
  score: (text) => (YEAR_LAST.test(text.trimEnd()) ? (locate(text) ? 1 : 0.2) : 0),
  parse: (text) => readAuthorYear(text, locate, parseNlm),
};

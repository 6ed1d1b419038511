import { readAuthorYear, type AuthorYearSplit } from './author-year-common.ts';
import type { CitationGrammar } from './grammar.ts';
import { readNameList } from './name-list.ts';
import { parseNlm } from './nlm.ts';

/**
 * Author–year with the year in parentheses after the names: APA and Harvard
 * ("Tallon, R., & Klaenhammer, T. R. (2009). Title. Journal, 92, 870-886."), Cell
 * ("(2012). Title. Journal 66, 2369–2383."), PLOS ("Couzin ID, Krause J (2002) Title. J Theor
 * Biol 218: 1–11.").
 */
const PAREN_YEAR = /\(\s*(\d{4}[a-z]?|n\.\s?d\.|in press)(?:,\s*[^()]{1,30})?\s*\)\s*[.,:]?\s*/i;

function locate(plain: string): AuthorYearSplit | undefined {
  const m = PAREN_YEAR.exec(plain);
  if (!m || m.index < 2 || m.index > 600) return undefined;
  return {
    namesEnd: m.index,
    yearStart: m.index,
    yearEnd: m.index + m[0].length,
    year: m[1] ?? '',
    restStart: m.index + m[0].length,
    restEnd: plain.length,
  };
}

export const authorYearGrammar: CitationGrammar = {
  id: 'author-year',
  label: 'author–year, year in parentheses (APA, Harvard, Cell, PLOS)',
  score(text) {
    const split = locate(text);
    if (!split) return 0;
    return readNameList(text.slice(0, split.namesEnd)) ? 1 : 0.2;
  },
  parse: (text) => readAuthorYear(text, locate, parseNlm),
};

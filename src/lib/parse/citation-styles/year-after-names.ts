import { readAuthorYear, type AuthorYearSplit } from './author-year-common.ts';
import type { CitationGrammar } from './grammar.ts';
import { readNameList } from './name-list.ts';
import { parseNlm } from './nlm.ts';

/**
 * Author–year with the bare year after the names, as Evolution, Wiley and Chicago print it:
 * "Beaulieu, J. M., D. Jhwueng, and B. C. O'Meara. 2012. Title. Evolution 66:2369-2383.", and
 * the Harvard of reference managers, "Chen, X. and Li, Y., 2023, December. Title. In Conference
 * (pp. 7574-7579). IEEE.", and the Royal Society's "Names . 2016 Title. J. R. Soc. Interface 15,
 * 20170387."
 */
// "2012." or, as Google Scholar's Harvard prints conference papers, "2023, December."
// The Royal Society prints the year with no stop at all: "Lee AY . 2016 Title. …".
const BARE_YEAR =
  /[.,]\s+(\d{4}[a-z]?)(?:,\s*\p{Lu}\p{Ll}+(?:\s+\d{1,2})?)?(?:[.,]\s+|\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter)\b)(?=[\p{Lu}\d"“‘']))/gu;

function locate(plain: string): AuthorYearSplit | undefined {
  BARE_YEAR.lastIndex = 0;
  for (let m = BARE_YEAR.exec(plain); m; m = BARE_YEAR.exec(plain)) {
    if (m.index > 600) return undefined;
    // The names end with an initial's period, which the year's delimiter shares.
    const namesEnd = plain[m.index] === '.' ? m.index + 1 : m.index;
    if (readNameList(plain.slice(0, namesEnd))) {
      return {
        namesEnd,
        yearStart: m.index,
        yearEnd: m.index + m[0].length,
        year: m[1] ?? '',
        restStart: m.index + m[0].length,
        restEnd: plain.length,
      };
    }
  }
  return undefined;
}

export const yearAfterNamesGrammar: CitationGrammar = {
  id: 'year-after-names',
  label: 'author–year, year after the names (Evolution, Wiley, Chicago)',
  score: (text) => (locate(text) ? 1 : 0),
  parse: (text) => readAuthorYear(text, locate, parseNlm),
};

import { dateParts, isPlausibleYear } from '../parse-date.ts';
import { shownOf, type Work } from '../work-text.ts';
import { addNames, finish, prepare, type ParsedCitation } from './draft.ts';
import { readNameList } from './name-list.ts';
import { readTitleAndSource } from './title-source.ts';

/**
 * The shared reading of author–year families: each finds where its names end and where its
 * year is; what is left is title and source (title-source.ts).
 */
export interface AuthorYearSplit {
  /** End of the names in the text. */
  namesEnd: number;
  /** Span of the year (with its punctuation) to drop. */
  yearStart: number;
  yearEnd: number;
  year: string;
  /** Where title and source start and end. */
  restStart: number;
  restEnd: number;
}

export function readAuthorYear(
  verbatim: string,
  locate: (plain: string) => AuthorYearSplit | undefined,
  fallback: (text: string) => ParsedCitation,
): ParsedCitation {
  const { work, draft } = prepare(verbatim);
  const split = locate(work.plain);
  if (!split) return fallback(verbatim);
  const names = readNameList(shownOf(work, 0, split.namesEnd));
  if (!names || names.names.length === 0) return fallback(verbatim);
  addNames(draft, { names: names.names, truncated: names.truncated, editors: false }, 'author');
  const year = Number(/\d{4}/.exec(split.year)?.[0]);
  if (isPlausibleYear(year)) draft.item.issued = { 'date-parts': [dateParts(year)] };
  readTitleAndSource(restOf(work, split), draft);
  return finish(draft, verbatim);
}

function restOf(work: Work, split: AuthorYearSplit): string {
  return work.shown.slice(split.restStart, split.restEnd);
}

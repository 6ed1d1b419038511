import type { CslDate } from '../schema/csl.ts';
import { MONTH, dateParts, isPlausibleYear, monthOrSeason } from './parse-date.ts';
import { expandPageRange } from './parse-pages.ts';

/** The journal source NLM prints after the journal title: "2005 Nov;9(11):1183-203". */

export interface Locator {
  /** Index of the year: everything before it is authors, title and journal. */
  start: number;
  end: number;
  issued: CslDate;
  volume?: string;
  issue?: string;
  page?: string;
}

// Year (or year range), then optional month/season (or month range) and day (or day range).
const DATE_AT = new RegExp(
  String.raw`(\d{4})(?:\s?-\s?(\d{4}))?` +
    String.raw`(?:\.?\s{0,8}(${MONTH})\.?(?:\s?-\s?(${MONTH})\.?)?` +
    String.raw`(?:\s{1,8}(\d{1,2})(?!\d)(?:\s?-\s?(\d{1,2})(?!\d))?)?)?`,
  'iy',
);
const PAGES = String.raw`[A-Za-z]{0,4}\d[\w-]*(?:\s{0,3},\s{0,3}[A-Za-z]{0,4}\d[\w-]*){0,20}(?:\s+passim)?`;
// ";volume(issue):pages" after the date; or ":pages" straight after it.
const SOURCE_AT = new RegExp(
  String.raw`\s{0,8};\s{0,8}([A-Za-z0-9][A-Za-z0-9 -]{0,30})?\s{0,4}(?:\(([^()]{1,40})\))?(?:\s{0,4}:\s{0,8}(${PAGES}))?` +
    String.raw`|\s{0,8}:\s{0,8}(${PAGES})`,
  'y',
);

/** Reads the date at `at`; undefined unless a plausible year starts there. */
function readDate(text: string, at: number): { issued: CslDate; end: number } | undefined {
  DATE_AT.lastIndex = at;
  const m = DATE_AT.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (!isPlausibleYear(year)) return undefined;
  const first = monthOrSeason(m[3]);
  const last = monthOrSeason(m[4]);
  const day = m[5] === undefined ? undefined : Number(m[5]);
  const endDay = m[6] === undefined ? undefined : Number(m[6]);
  const start = dateParts(year, first.month, day);
  const parts: number[][] = [start];
  const endYear = m[2] === undefined ? undefined : Number(m[2]);
  if (endYear !== undefined && isPlausibleYear(endYear) && endYear > year) {
    parts.push([endYear]);
  } else if (last.month !== undefined && first.month !== undefined) {
    parts.push(dateParts(year, last.month));
  } else if (endDay !== undefined && first.month !== undefined && day !== undefined) {
    parts.push(dateParts(year, first.month, endDay));
  }
  const issued: CslDate = { 'date-parts': parts };
  if (first.season !== undefined) issued.season = first.season;
  return { issued, end: m.index + m[0].length };
}

function readSourceAt(text: string, year: number): Locator | undefined {
  const date = readDate(text, year);
  if (!date) return undefined;
  SOURCE_AT.lastIndex = date.end;
  const m = SOURCE_AT.exec(text);
  if (!m) return undefined;
  const volume = m[1]?.replace(/[\s-]+$/, '');
  const issue = m[2]?.trim();
  const page = (m[3] ?? m[4])?.trim();
  // A wordy "volume" with nothing after it is a place or a note ("2010 May 5-7; Boston, MA").
  if (!issue && !page && !/\d/.test(volume ?? '')) return undefined;
  const locator: Locator = { start: year, end: m.index + m[0].length, issued: date.issued };
  if (volume) locator.volume = volume;
  if (issue) locator.issue = issue;
  if (page) locator.page = expandPageRange(page);
  return locator;
}

/**
 * The journal source "YEAR[ Mon[ DD]];VOL(ISSUE):PAGES". When several qualify (a year and a
 * semicolon can occur in a title) the last one that follows a period is taken, since the
 * source comes after the journal title and noise after it has been blanked.
 */
export function findLocator(text: string): Locator | undefined {
  let best: Locator | undefined;
  let bestAfterPeriod = false;
  const years = /(?<![\d./])\d{4}(?!\d)/g;
  for (let m = years.exec(text); m; m = years.exec(text)) {
    const locator = readSourceAt(text, m.index);
    if (!locator) continue;
    const before = text.slice(Math.max(0, m.index - 12), m.index).trimEnd();
    const afterPeriod = before === '' || before.endsWith('.');
    if (afterPeriod || !bestAfterPeriod) {
      best = locator;
      bestAfterPeriod = afterPeriod;
    }
    years.lastIndex = Math.max(years.lastIndex, m.index + 4);
  }
  return best;
}

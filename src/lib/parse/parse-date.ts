import type { CslDate } from '../schema/csl.ts';

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** CSL season numbers (1 spring … 4 winter), which citeproc renders as localised terms. */
const SEASONS: Readonly<Record<string, number>> = {
  spring: 1,
  summer: 2,
  fall: 3,
  autumn: 3,
  winter: 4,
};

/**
 * Regex source for a month name or abbreviation, or a season. Full names and three-letter forms
 * only, so that ordinary words ("Mark", "Junk") are not mistaken for months.
 */
export const MONTH_OR_SEASON_SOURCE =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?' +
  '|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Fall|Autumn|Winter';

/** MONTH_OR_SEASON_SOURCE as a whole word. */
export const MONTH = `(?:${MONTH_OR_SEASON_SOURCE})(?![A-Za-z])`;

/** 1–12 for a month name or abbreviation ("Nov", "November", "Sept."), else undefined. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  if (index >= 0) return index + 1;
  return w === 'sept' ? 9 : undefined;
}

export function seasonNumber(word: string): number | undefined {
  return SEASONS[word.toLowerCase()];
}

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1500 && year <= 2099;
}

function validDay(day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= 31;
}

/** Date parts with only the pieces that are present and plausible, in CSL order. */
export function dateParts(year: number, month?: number, day?: number): number[] {
  if (month === undefined || month < 1 || month > 12) return [year];
  if (day === undefined || !validDay(day)) return [year, month];
  return [year, month, day];
}

/**
 * Reads a free-standing date in the orders references print it: "17 June 2017",
 * "2017 Jun 17", "June 17, 2017", "2017-06-17", "2017". Returns undefined without a year.
 */
export function parseLooseDate(text: string): CslDate | undefined {
  const iso = /^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$/.exec(text);
  if (iso) {
    const year = Number(iso[1]);
    if (!isPlausibleYear(year)) return undefined;
    return {
      'date-parts': [dateParts(year, Number(iso[2]), iso[3] ? Number(iso[3]) : undefined)],
    };
  }
  const tokens = text.slice(0, 200).match(/\p{L}+|\d+/gu) ?? [];
  let year: number | undefined;
  let month: number | undefined;
  let season: number | undefined;
  let day: number | undefined;
  for (const token of tokens) {
    if (/^\d{4}$/.test(token) && year === undefined && isPlausibleYear(Number(token))) {
      year = Number(token);
    } else if (/^\d{1,2}$/.test(token) && day === undefined) {
      day = Number(token);
    } else if (month === undefined && monthNumber(token) !== undefined) {
      month = monthNumber(token);
    } else if (season === undefined && seasonNumber(token) !== undefined) {
      season = seasonNumber(token);
    }
  }
  if (year === undefined) return undefined;
  const date: CslDate = { 'date-parts': [dateParts(year, month, month ? day : undefined)] };
  if (season !== undefined && month === undefined) date.season = season;
  return date;
}

export function monthOrSeason(word: string | undefined): { month?: number; season?: number } {
  if (!word) return {};
  const month = monthNumber(word);
  if (month !== undefined) return { month };
  const season = seasonNumber(word);
  return season === undefined ? {} : { season };
}

const YEAR_ONLY = new RegExp(String.raw`^(\d{4})(?:\s+(${MONTH})(?:\s+(\d{1,2}))?)?$`, 'i');

export function dateSegment(text: string): CslDate | undefined {
  const m = YEAR_ONLY.exec(text);
  if (!m?.[1] || !isPlausibleYear(Number(m[1]))) return undefined;
  const { month, season } = monthOrSeason(m[2]);
  const date: CslDate = {
    'date-parts': [dateParts(Number(m[1]), month, m[3] ? Number(m[3]) : undefined)],
  };
  if (season !== undefined) date.season = season;
  return date;
}

export function issuedYear(year: string): CslDate | undefined {
  const n = Number(year);
  return isPlausibleYear(n) ? { 'date-parts': [[n]] } : undefined;
}

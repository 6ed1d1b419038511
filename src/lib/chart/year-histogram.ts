import type { CslItem } from '../schema/csl.ts';

/** One bar: a year, or a decade when the years span too wide for one bar each. */
export interface YearBin {
  /** First and last year the bar counts (the same year, or a decade's ten). */
  from: number;
  to: number;
  /** "1997" or "1990s". */
  label: string;
  count: number;
  /** The reference browser's query for the bar's works: "year:1997" or "year:1990-1999". */
  query: string;
}

export interface YearHistogram {
  unit: 'year' | 'decade';
  /** Consecutive, oldest first, empty years (or decades) included so gaps show as gaps. */
  bins: YearBin[];
  /** Works with a year. */
  dated: number;
  /** Works without one: counted, never placed on the axis. */
  undated: number;
  /** The tallest bar's count (0 without dated works). */
  max: number;
}

/** Wider than this many years, one bar per year would be too thin at 320 px: decades instead. */
export const MAX_YEARS_AS_BARS = 40;

/** The year a CSL item was issued: its first date part, else four digits in a literal or raw date. */
export function issuedYear(item: Pick<CslItem, 'issued'>): number | undefined {
  const issued = item.issued;
  if (!issued) return undefined;
  const part = issued['date-parts']?.[0]?.[0];
  const n = typeof part === 'number' ? part : Number(part);
  if (Number.isInteger(n) && n > 0) return n;
  const text = `${issued.literal ?? ''} ${issued.raw ?? ''}`;
  const year = /\b(1[5-9]\d\d|2\d\d\d)\b/.exec(text)?.[1];
  return year === undefined ? undefined : Number(year);
}

/**
 * Cited works counted by year of issue, or by decade when the years span more than
 * `maxYears`: the data behind the reference list's bar chart. Pure, so a page and a test get
 * the same bars from the same items.
 */
export function yearHistogram(
  items: readonly Pick<CslItem, 'issued'>[],
  maxYears = MAX_YEARS_AS_BARS,
): YearHistogram {
  const years = items.map(issuedYear);
  const dated = years.filter((y): y is number => y !== undefined);
  const undated = years.length - dated.length;
  if (dated.length === 0) return { unit: 'year', bins: [], dated: 0, undated, max: 0 };
  const first = Math.min(...dated);
  const last = Math.max(...dated);
  const unit = last - first + 1 > maxYears ? 'decade' : 'year';
  const width = unit === 'decade' ? 10 : 1;
  const start = unit === 'decade' ? Math.floor(first / 10) * 10 : first;
  const counts = new Map<number, number>();
  for (const year of dated) {
    const bin = start + Math.floor((year - start) / width) * width;
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  const bins: YearBin[] = [];
  for (let from = start; from <= last; from += width) {
    const to = from + width - 1;
    bins.push({
      from,
      to,
      label: unit === 'decade' ? `${from}s` : String(from),
      count: counts.get(from) ?? 0,
      query: unit === 'decade' ? `year:${from}-${to}` : `year:${from}`,
    });
  }
  return { unit, bins, dated: dated.length, undated, max: Math.max(...bins.map((b) => b.count)) };
}

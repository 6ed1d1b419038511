import type { Found } from './identifiers.ts';
import type { Segment } from './segments.ts';

/**
 * The reference as two aligned strings of equal length: `shown` keeps the printed characters
 * (for titles), `plain` has dashes and odd spaces flattened (for matching). Spans already read
 * are blanked to spaces in both, so indices stay valid throughout.
 */
export interface Work {
  shown: string;
  plain: string;
}

export function makeWork(text: string): Work {
  // One replacement per UTF-16 unit each, so `shown` and `plain` stay aligned with `text`.
  const shown = text.replace(/[\s\u200b\ufeff]/g, ' ');
  return { shown, plain: shown.replace(/[\u2010-\u2015\u2212]/g, '-') };
}

export function blank(work: Work, start: number, end: number): void {
  const pad = ' '.repeat(Math.max(0, end - start));
  work.shown = work.shown.slice(0, start) + pad + work.shown.slice(end);
  work.plain = work.plain.slice(0, start) + pad + work.plain.slice(end);
}

export function take(work: Work, found: Found | undefined): string | undefined {
  if (!found) return undefined;
  blank(work, found.start, found.end);
  return found.value;
}

export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function shownOf(work: Work, from: number, to: number): string {
  return tidy(work.shown.slice(from, to));
}

/** The title as printed, without its closing period or the brackets of a translated title. */
export function titleOf(work: Work, first: Segment, last: Segment): string {
  let title = shownOf(work, first.start, last.end).replace(/\s*[.,;:]$/, '');
  if (/^\[[^\]]*\]$/.test(title)) title = title.slice(1, -1).replace(/\.$/, '');
  return title;
}

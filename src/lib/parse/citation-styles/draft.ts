import type { CslItem } from '../../schema/csl.ts';
import { findDoi, findIsbn, findPmcid, findPmid, findUrl } from '../identifiers.ts';
import { stripNoise } from '../noise.ts';
import type { ParsedNames } from '../parse-names.ts';
import { makeWork, take, type Work } from '../work-text.ts';

/**
 * What every style grammar shares: the item being built, the identifiers and noise taken out
 * of the string before any grammar reads it, and the closing checks.
 */

/**
 * A CSL item before it has a key. (`Omit<CslItem, 'id'>` would collapse to the index
 * signature of the loose zod object and lose every named field.)
 */
export type CslItemDraft = { [K in keyof CslItem as K extends 'id' ? never : K]: CslItem[K] };

export interface ParsedCitation {
  item: CslItemDraft;
  warnings: string[];
}

/** Longer input is kept verbatim but only its start is read: no reference is this long. */
export const MAX_PARSED_LENGTH = 5000;

export interface Draft {
  item: CslItemDraft;
  warnings: string[];
}

/** A reference with its identifiers and notices already read and blanked out. */
export interface Prepared {
  work: Work;
  draft: Draft;
  /** "[Internet]" or similar was printed. */
  internet: boolean;
}

export function addNames(draft: Draft, parsed: ParsedNames, role: 'author' | 'editor'): void {
  const key = parsed.editors ? 'editor' : role;
  if (parsed.names.length > 0) draft.item[key] = [...(draft.item[key] ?? []), ...parsed.names];
  if (parsed.truncated) draft.item.custom = { ...draft.item.custom, authorsTruncated: true };
}

/** Takes identifiers, URLs, access dates and linked notices out of the string. */
export function prepare(verbatim: string): Prepared {
  const draft: Draft = { item: { type: 'document' }, warnings: [] };
  let text = verbatim;
  if (text.length > MAX_PARSED_LENGTH) {
    text = text.slice(0, MAX_PARSED_LENGTH);
    draft.warnings.push(`input longer than ${MAX_PARSED_LENGTH} characters; only the start was read`);
  }
  const work = makeWork(text);
  const { item } = draft;
  // Notices about other articles go first, so their identifiers are not taken for this one's.
  const noise = stripNoise(work);
  if (noise.accessed) item.accessed = noise.accessed;
  const doi = take(work, findDoi(work.plain));
  if (doi) item.DOI = doi;
  const url = take(work, findUrl(work.plain));
  if (url) item.URL = url;
  const pmid = take(work, findPmid(work.plain));
  if (pmid) item.PMID = pmid;
  const pmcid = take(work, findPmcid(work.plain));
  if (pmcid) item.PMCID = pmcid;
  const isbn = take(work, findIsbn(work.plain));
  if (isbn) item.ISBN = isbn;
  return { work, draft, internet: noise.internet };
}

const FIELD_ORDER = [
  'type',
  'author',
  'editor',
  'title',
  'container-title',
  'container-title-short',
  'issued',
  'accessed',
  'volume',
  'issue',
  'page',
  'edition',
  'publisher-place',
  'publisher',
  'DOI',
  'PMID',
  'PMCID',
  'URL',
  'ISBN',
] as const;

/** Fields in reading order, so stored JSON diffs stay small and items read naturally. */
function ordered(item: CslItemDraft): CslItemDraft {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (item[key] !== undefined) out[key] = item[key];
  for (const [key, value] of Object.entries(item)) if (!(key in out)) out[key] = value;
  return out as CslItemDraft;
}

/** Adds the warnings every grammar shares and keeps the input under `custom.verbatim`. */
export function finish(draft: Draft, verbatim: string): ParsedCitation {
  const { item, warnings } = draft;
  const journal = item.type === 'article-journal';
  const nobody = !item.author?.length && !item.editor?.length;
  if (nobody) warnings.push('no authors');
  if (!item.title) warnings.push('no title');
  if (!item.issued) warnings.push('no year');
  if (journal && !item['container-title']) warnings.push('no container-title');
  const custom: NonNullable<CslItemDraft['custom']> = { ...item.custom, verbatim };
  if (warnings.length > 0) custom.parseWarnings = [...warnings];
  item.custom = custom;
  return { item: ordered(item), warnings };
}

/** What a grammar returns when it throws: nothing read, the input kept. */
export function failed(verbatim: string, error: unknown): ParsedCitation {
  const warning = `parser failed: ${error instanceof Error ? error.message : 'unknown error'}`;
  return { item: { type: 'document', custom: { verbatim, parseWarnings: [warning] } }, warnings: [warning] };
}

import { parseCitationList } from './citation-styles/registry.ts';
import type { ParsedCitation } from './citation-styles/draft.ts';

export type { CslItemDraft, ParsedCitation } from './citation-styles/draft.ts';
export { MAX_PARSED_LENGTH } from './citation-styles/draft.ts';
export { parseCitationList, type CitationListReading, type ListEntry } from './citation-styles/registry.ts';

/**
 * Reads one reference string, in whatever style it is printed, into a CSL-JSON item (without
 * `id`). Never throws: whatever cannot be read is listed in `warnings`, the input is always
 * kept in `custom.verbatim`, and a reading that is not confident is marked
 * `custom.shownVerbatim`. A whole list reads better with parseCitationList, which knows the
 * list's style.
 */
export function parseCitation(text: string): ParsedCitation {
  const verbatim = typeof text === 'string' ? text : String(text);
  const entry = parseCitationList([verbatim]).entries[0];
  return entry
    ? { item: entry.item, warnings: entry.warnings }
    : { item: { type: 'document' }, warnings: [] };
}

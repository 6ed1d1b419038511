import type { CslItemDraft } from '../schema/csl.ts';
import type { IncompleteReference } from '../schema/review.ts';

/** One reference as a parser read it: where it starts, what it became, what went wrong. */
export interface ReadReference {
  number: number;
  line: number;
  item: CslItemDraft;
  warnings: string[];
  /** The text as printed; the item's `custom.verbatim` when absent. */
  text?: string;
}

/**
 * The references a parser could not read completely, for the ingest summary: those with
 * warnings and those shown as printed (with why).
 */
export function incompleteReferences(references: readonly ReadReference[]): IncompleteReference[] {
  return references
    .filter((r) => r.warnings.length > 0 || r.item.custom?.shownVerbatim === true)
    .map((r) => {
      const shown = r.item.custom?.shownVerbatim === true;
      const doubts = shown ? (r.item.custom?.parseDoubts ?? []).filter((d) => !r.warnings.includes(d)) : [];
      return {
        number: r.number,
        line: r.line,
        text: r.text ?? r.item.custom?.verbatim ?? '',
        warnings: [...r.warnings, ...doubts],
        ...(shown ? { shownVerbatim: true } : {}),
      };
    });
}

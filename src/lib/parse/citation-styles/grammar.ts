import type { ParsedCitation } from './draft.ts';

/**
 * One family of printing styles, read by one grammar. A list is printed in one family; the
 * registry (registry.ts) scores every entry with every grammar, picks the list's family and
 * reads each entry with it, falling back per entry to the best-scoring grammar.
 */
export interface CitationGrammar {
  /** Stable id, stored in `custom.citationStyle`. */
  id: string;
  /** For reports ("author–year (APA, Harvard)"). */
  label: string;
  /**
   * How much the entry looks printed in this family, 0 to 1, from its shape alone (cheap: it
   * runs for every grammar on every entry). 1 means the family's anchor was found.
   */
  score(text: string): number;
  /** Reads the entry; never throws. Warnings say what could not be read. */
  parse(text: string): ParsedCitation;
}

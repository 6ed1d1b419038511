import type { CitationGrammar } from './grammar.ts';
import { parseNlm } from './nlm.ts';

/**
 * The MEDLINE short form PubMed prints when it only knows the journal:
 * "Journal. Year Mon;Vol(Iss):pages", also ahead of print ("…. 2017 Apr 13;:null"). No authors
 * and no title are expected, so their absence is no doubt. NLM's journal reader reads it.
 */
const SHORT_FORM = /^[^.;:]{1,120}\.\s+\d{4}(?:[\s-][\p{L}\d-]+){0,3}\s*;[^.]*\.?$/u;

export const medlineGrammar: CitationGrammar = {
  id: 'medline',
  label: 'MEDLINE short form',
  score: (text) => (SHORT_FORM.test(text.trim()) ? 1 : 0),
  parse: parseNlm,
};

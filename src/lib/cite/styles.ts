import nlmCitationSequence from '../../csl/nlm-citation-sequence.csl?raw';
import { registerStyle } from './citation-js.ts';

/** The style PubMed uses for reference lists: NLM/Vancouver, Citing Medicine 2nd ed. */
export const DEFAULT_STYLE = 'nlm-citation-sequence';

/** Official CSL styles shipped in src/csl/ (CC BY-SA 3.0, citation-style-language/styles). */
const STYLES: Record<string, string> = {
  [DEFAULT_STYLE]: nlmCitationSequence,
};

export function ensureStyles(): void {
  for (const [name, xml] of Object.entries(STYLES)) registerStyle(name, xml);
}

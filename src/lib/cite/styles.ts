import apa from '../../csl/apa.csl?raw';
import americanMedicalAssociation from '../../csl/american-medical-association.csl?raw';
import chicagoAuthorDate from '../../csl/chicago-author-date.csl?raw';
import harvardCiteThemRight from '../../csl/harvard-cite-them-right.csl?raw';
import nlmCitationSequence from '../../csl/nlm-citation-sequence.csl?raw';
import { registerStyle } from './citation-js.ts';

/** The style PubMed uses for reference lists: NLM/Vancouver, Citing Medicine 2nd ed. */
export const DEFAULT_STYLE = 'nlm-citation-sequence';

/** Official CSL styles shipped in src/csl/ (CC BY-SA 3.0, citation-style-language/styles). */
const STYLES: Record<string, string> = {
  [DEFAULT_STYLE]: nlmCitationSequence,
  apa,
  'american-medical-association': americanMedicalAssociation,
  'harvard-cite-them-right': harvardCiteThemRight,
  'chicago-author-date': chicagoAuthorDate,
};

/** The styles a reader can switch between, in the order the switcher offers them, default first. */
export const STYLE_CHOICES: readonly { id: string; label: string }[] = [
  { id: DEFAULT_STYLE, label: 'NLM/Vancouver' },
  { id: 'apa', label: 'APA 7th' },
  { id: 'american-medical-association', label: 'AMA' },
  { id: 'harvard-cite-them-right', label: 'Harvard' },
  { id: 'chicago-author-date', label: 'Chicago (author-date)' },
];

export function ensureStyles(): void {
  for (const [name, xml] of Object.entries(STYLES)) registerStyle(name, xml);
}

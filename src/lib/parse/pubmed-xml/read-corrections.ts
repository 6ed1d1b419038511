import type { Correction } from '../../schema/csl.ts';
import { childElement, childElements, textContent, type XmlElement } from '../../xml/read-xml.ts';

/** PubMed's `CommentsCorrections/@RefType` values that are notices about this article. */
const NOTICE_TYPES: Readonly<Record<string, Correction['type']>> = {
  RetractionIn: 'retraction',
  ErratumIn: 'erratum',
  ExpressionOfConcernIn: 'expression-of-concern',
  UpdateIn: 'update',
};

/**
 * Retractions, errata, expressions of concern and updates published about the article, from
 * `MedlineCitation/CommentsCorrectionsList`. Comments and citations (CommentIn, Cites…) are not
 * notices and are left out.
 */
export function readCorrections(medlineCitation: XmlElement): Correction[] {
  const list = childElement(medlineCitation, 'CommentsCorrectionsList');
  if (!list) return [];
  const corrections: Correction[] = [];
  for (const entry of childElements(list, 'CommentsCorrections')) {
    const type = NOTICE_TYPES[entry.attrs['RefType'] ?? ''];
    if (!type) continue;
    const citation = textContent(childElement(entry, 'RefSource'));
    const pmid = textContent(childElement(entry, 'PMID'));
    corrections.push({
      type,
      ...(citation ? { citation } : {}),
      ...(/^\d+$/.test(pmid) ? { pmid } : {}),
    });
  }
  return corrections;
}

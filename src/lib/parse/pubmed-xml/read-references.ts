import { childElement, childElements, descendants, type XmlElement } from '../../xml/read-xml.ts';
import { parseCitationList, type CslItemDraft, type ParsedCitation } from '../parse-citation.ts';
import { readArticleIds, type ArticleIds } from './article-ids.ts';
import { rawText } from '../../xml/read-xml.ts';

/** A `<Reference>` read into a CSL item, before it gets its citation key. */
export interface XmlReference {
  /** Position in the review's list (1-based). */
  number: number;
  /** Line of the `<Reference>` element. */
  line: number;
  /** The citation with its whitespace collapsed, for reports. */
  text: string;
  item: CslItemDraft;
  warnings: string[];
}

/**
 * Every `PubmedData/ReferenceList/Reference` (nested lists included) in document order. The
 * printed `<Citation>` is parsed for the fields; the `ArticleIdList` decides the identifiers.
 */
export function readReferences(pubmedData: XmlElement | undefined): XmlReference[] {
  if (!pubmedData) return [];
  const references = childElements(pubmedData, 'ReferenceList').flatMap((list) =>
    descendants(list, 'Reference'),
  );
  const verbatims = references.map((reference) => rawText(childElement(reference, 'Citation')));
  const texts = verbatims.map((v) => v.replace(/\s+/g, ' ').trim());
  // The list is read as a whole: its printing style is decided once, from every entry.
  const reading = parseCitationList(texts).entries;
  return references.map((reference, i) =>
    readReference(reference, i + 1, verbatims[i] ?? '', texts[i] ?? '', reading[i]),
  );
}

function readReference(
  reference: XmlElement,
  number: number,
  verbatim: string,
  text: string,
  read: ParsedCitation | undefined,
): XmlReference {
  const parsed = read ?? { item: { type: 'document' }, warnings: [] };
  const item: CslItemDraft = { ...parsed.item };
  const ids = readArticleIds(childElement(reference, 'ArticleIdList'));
  const warnings = [...parsed.warnings, ...ids.rejected, ...applyIds(item, ids)];

  const { parseWarnings: _printedWarnings, ...custom } = item.custom ?? {};
  item.custom = {
    ...custom,
    verbatim,
    number,
    ...(warnings.length > 0 ? { parseWarnings: warnings } : {}),
  };
  return { number, line: reference.line, text, item, warnings };
}

/** Sets DOI, PMID and PMCID from the ArticleIdList; returns a warning where the print differs. */
function applyIds(item: CslItemDraft, ids: ArticleIds): string[] {
  const warnings: string[] = [];
  if (ids.doi !== undefined) {
    // DOIs are case-insensitive: "10.2105/ajph…" printed for "10.2105/AJPH…" is the same DOI.
    if (item.DOI !== undefined && item.DOI.toLowerCase() !== ids.doi.toLowerCase()) {
      warnings.push(`DOI printed as ${item.DOI} but ArticleIdList says ${ids.doi}`);
    }
    item.DOI = ids.doi;
  }
  if (ids.pmid !== undefined) {
    if (item.PMID !== undefined && item.PMID !== ids.pmid) {
      warnings.push(`PMID printed as ${item.PMID} but ArticleIdList says ${ids.pmid}`);
    }
    item.PMID = ids.pmid;
  }
  if (ids.pmcid !== undefined) {
    if (item.PMCID !== undefined && item.PMCID !== ids.pmcid) {
      warnings.push(`PMCID printed as ${item.PMCID} but ArticleIdList says ${ids.pmcid}`);
    }
    item.PMCID = ids.pmcid;
  }
  return warnings;
}

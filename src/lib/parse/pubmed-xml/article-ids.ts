import { childElements, textContent, type XmlElement } from '../../xml/read-xml.ts';

/** The identifiers of an `<ArticleIdList>`: PubMed's own record of what a work is. */
export interface ArticleIds {
  doi?: string;
  pmid?: string;
  /** With its `PMC` prefix. */
  pmcid?: string;
  /** Ids of a known type whose value is not a valid identifier of that type, in words. */
  rejected: string[];
}

/** Reads `ArticleId` elements of type doi, pubmed and pmc; the first of each type wins. */
export function readArticleIds(list: XmlElement | undefined): ArticleIds {
  const ids: ArticleIds = { rejected: [] };
  if (!list) return ids;
  for (const id of childElements(list, 'ArticleId')) {
    const type = (id.attrs['IdType'] ?? '').toLowerCase();
    const value = textContent(id);
    if (value === '') continue;
    if (type === 'doi' && ids.doi === undefined) {
      // The value is the truth, case and odd characters included; only a resolver prefix goes.
      const doi = value.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
      if (/^10\.\S+\/\S/.test(doi)) ids.doi = doi;
      else ids.rejected.push(`ArticleIdList doi "${value}" is not a DOI`);
    } else if (type === 'pubmed' && ids.pmid === undefined) {
      if (/^\d+$/.test(value)) ids.pmid = value;
      else ids.rejected.push(`ArticleIdList pubmed id "${value}" is not a PMID`);
    } else if (type === 'pmc' && ids.pmcid === undefined) {
      const digits = /^(?:PMC)?(\d+)$/i.exec(value)?.[1];
      if (digits) ids.pmcid = `PMC${digits}`;
      else ids.rejected.push(`ArticleIdList pmc id "${value}" is not a PMCID`);
    }
  }
  return ids;
}

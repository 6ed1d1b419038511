import { SourceError } from '../errors.ts';
import { doiSearchTerm, type Eutils } from '../net/eutils.ts';
import { descendants, readXml, textContent } from '../xml/read-xml.ts';

/** A source as fetched, to be kept verbatim in `content/sources/<name>`. */
export interface FetchedSource {
  name: string;
  text: string;
}

export interface ReviewId {
  pmid?: string;
  pmcid?: string;
  doi?: string;
}

/**
 * Fetches everything NCBI has for one article: its PubMed record and, when the article is in
 * PMC, its JATS full text. Returns the sources in the order to prefer them for the review
 * (full text first), so the ingest reads the richest one and keeps all of them.
 */
export async function fetchReviewSources(id: ReviewId, eutils: Eutils): Promise<FetchedSource[]> {
  let pmid = id.pmid;
  if (!pmid && id.doi) {
    const found = await eutils.esearchPubmed(doiSearchTerm(id.doi));
    pmid = found.ids[0];
    if (!pmid)
      throw new SourceError(`doi:${id.doi}`, undefined, 'a DOI that PubMed knows', 'no PubMed record');
  }
  const sources: FetchedSource[] = [];
  let pmcid = id.pmcid;
  if (pmid) {
    const [xml] = await eutils.efetchPubmed([pmid]);
    if (!xml || !xml.includes('<PubmedArticle')) {
      throw new SourceError(`pmid:${pmid}`, undefined, 'a PubMed record for this PMID', 'an empty answer');
    }
    sources.push({ name: `pubmed-${pmid}.xml`, text: xml });
    pmcid ??= pmcidOf(xml, `pubmed-${pmid}.xml`, pmid);
  }
  if (pmcid) {
    const [jats] = await eutils.efetchPmc([pmcid]);
    // PMC answers with an empty set for articles it holds without full text in XML.
    if (jats && /<article[\s>]/.test(jats)) sources.unshift({ name: `pmc-${pmcid}.xml`, text: jats });
  }
  if (sources.length === 0) {
    throw new SourceError(
      `pmcid:${id.pmcid ?? ''}`,
      undefined,
      'a PMC article for this PMCID',
      'an empty answer',
    );
  }
  return sources;
}

/** The PMCID PubMed lists for the article itself (not for its references). */
function pmcidOf(xml: string, file: string, pmid: string): string | undefined {
  const root = readXml(xml, file);
  for (const article of descendants(root, 'PubmedArticle')) {
    const own = descendants(article, 'MedlineCitation')[0];
    if (own && textContent(descendants(own, 'PMID')[0]) !== pmid) continue;
    const ids = descendants(article, 'ArticleIdList')[0];
    const pmc = ids ? descendants(ids, 'ArticleId').find((a) => a.attrs['IdType'] === 'pmc') : undefined;
    const value = textContent(pmc);
    if (value) return value.startsWith('PMC') ? value : `PMC${value}`;
  }
  return undefined;
}

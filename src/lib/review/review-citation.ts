import type { CslItem } from '../schema/csl.ts';
import type { ReviewMeta } from '../schema/review.ts';

/** The review itself as a CSL item, so "cite this review" goes through the same styles as its references. */
export function reviewAsCsl(slug: string, meta: ReviewMeta): CslItem {
  return {
    id: slug,
    type: 'article-journal',
    title: meta.title,
    ...(meta.authors.length > 0
      ? { author: meta.authors.map(({ orcid: _o, affiliations: _a, ...name }) => name) }
      : {}),
    ...(meta.journal.title || meta.journal.abbreviation
      ? { 'container-title': meta.journal.title ?? meta.journal.abbreviation }
      : {}),
    ...(meta.journal.abbreviation ? { 'container-title-short': meta.journal.abbreviation } : {}),
    ...(meta.issued ? { issued: meta.issued } : {}),
    ...(meta.volume ? { volume: meta.volume } : {}),
    ...(meta.issue ? { issue: meta.issue } : {}),
    ...(meta.pages || meta.eLocator ? { page: meta.pages ?? meta.eLocator } : {}),
    ...(meta.doi ? { DOI: meta.doi } : {}),
    ...(meta.pmid ? { PMID: meta.pmid } : {}),
    ...(meta.pmcid ? { PMCID: meta.pmcid } : {}),
    ...(meta.authorsTruncated ? { custom: { authorsTruncated: true } } : {}),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2013 Apr 1", as PubMed shows a publication date; empty when the source gave none. */
export function displayDate(issued: ReviewMeta['issued']): string {
  const [year, month, day] = issued?.['date-parts']?.[0] ?? [];
  if (year === undefined) return issued?.raw ?? issued?.literal ?? '';
  const m = typeof month === 'number' ? MONTHS[month - 1] : month;
  return [year, m, day].filter((p) => p !== undefined && p !== '').join(' ');
}

/** Authors for display: "Eirini Bournazou, Jacqueline Bromberg", with "et al." when the source cut the list. */
export function displayAuthors(meta: Pick<ReviewMeta, 'authors' | 'authorsTruncated'>): string {
  const names = meta.authors.map((a) => a.literal ?? [a.given, a.family, a.suffix].filter(Boolean).join(' '));
  return meta.authorsTruncated ? `${names.join(', ')} et al.` : names.join(', ');
}

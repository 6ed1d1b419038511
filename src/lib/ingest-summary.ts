import type { IncompleteReference, Review } from './schema/review.ts';
import { formatReport, type ReferenceReport } from './resolve/report.ts';

export interface IngestSummary {
  slug: string;
  figures: number;
  references: number;
  withDoi: number;
  withPmid: number;
  withPmcid: number;
  incomplete: IncompleteReference[];
  /** The reference report written to `report.json`, when the ingest made one. */
  report?: ReferenceReport;
  /** Online requests the resolution made (0 when everything came from the cache). */
  requests?: number;
  /** Figure images found beside the source and stored with the figures. */
  figureImages?: number;
  /** Image files beside the source that were not taken, each with the reason. */
  skippedImages?: string[];
}

export function summarize(review: Review, incomplete: IncompleteReference[]): IngestSummary {
  const refs = review.references;
  return {
    slug: review.slug,
    figures: review.figures.length,
    references: refs.length,
    withDoi: refs.filter((r) => r.DOI).length,
    withPmid: refs.filter((r) => r.PMID).length,
    withPmcid: refs.filter((r) => r.PMCID).length,
    // A reference `--resolve` filled in from its PubMed or Crossref record is read, whatever its string was.
    incomplete: incomplete.filter((r) => refs[r.number - 1]?.custom?.fieldsFrom === undefined),
  };
}

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `review      ${s.slug}`,
    `figures     ${s.figures}${s.figureImages ? ` (${s.figureImages} with an image)` : ''}`,
    `references  ${s.references}`,
    `  with DOI    ${s.withDoi}`,
    `  with PMID   ${s.withPmid}`,
    `  with PMCID  ${s.withPmcid}`,
    `  not fully parsed  ${s.incomplete.length}`,
    `  shown as printed  ${s.incomplete.filter((r) => r.shownVerbatim === true).length}`,
  ];
  for (const r of s.incomplete) {
    const shown = r.shownVerbatim === true ? ' (shown as printed)' : '';
    lines.push(`    [${r.number}] line ${r.line}${shown}: ${r.warnings.join('; ')}`, `        ${r.text}`);
  }
  for (const skipped of s.skippedImages ?? []) lines.push(`  image skipped: ${skipped}`);
  if (s.report) lines.push('', formatReport(s.report));
  if (s.requests !== undefined) lines.push(`online requests  ${s.requests}`);
  return lines.join('\n');
}

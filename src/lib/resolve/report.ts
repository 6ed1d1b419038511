import type { Correction, CslItem } from '../schema/csl.ts';
import type { IncompleteReference, Review } from '../schema/review.ts';
import { firstAuthorFamily, itemYear, normaliseText } from './compare-work.ts';
import type { Conflict } from './resolve-references.ts';

/** What the resolver knows about a review's references, as JSON for tools and as text for people. */

export type DuplicateReason = 'DOI' | 'PMID' | 'title+year+author';

export interface DuplicateGroup {
  /** Citation keys of the references that are the same work, in list order. */
  ids: string[];
  reasons: DuplicateReason[];
}

export interface MalformedIdentifier {
  id: string;
  field: 'DOI';
  value: string;
  problem: string;
}

export interface ReferenceReport {
  review: { slug: string; title: string };
  counts: {
    references: number;
    withDoi: number;
    withPmid: number;
    withPmcid: number;
    /** References with none of DOI, PMID, PMCID. */
    unresolved: number;
  };
  duplicates: DuplicateGroup[];
  malformedIdentifiers: MalformedIdentifier[];
  /** References known to be retracted, corrected or of concern. */
  corrections: { id: string; corrections: Correction[] }[];
  conflicts: Conflict[];
  /**
   * References that could not be read with confidence, shown as printed
   * (`custom.shownVerbatim`); absent when there are none.
   */
  shownVerbatim?: ShownVerbatim[];
}

export interface ShownVerbatim {
  id: string;
  number?: number;
  /** Line of the source where the reference starts, when the parser knew it. */
  line?: number;
  why: string[];
  text: string;
}

function shownVerbatim(review: Review, incomplete: readonly IncompleteReference[]): ShownVerbatim[] {
  const lines = new Map(incomplete.map((r) => [r.number, r.line]));
  return review.references.flatMap((r): ShownVerbatim[] => {
    if (r.custom?.shownVerbatim !== true) return [];
    const number = r.custom.number;
    const line = number === undefined ? undefined : lines.get(number);
    return [
      {
        id: r.id,
        ...(number === undefined ? {} : { number }),
        ...(line === undefined ? {} : { line }),
        why: r.custom.parseDoubts ?? [],
        text: r.custom.verbatim ?? '',
      },
    ];
  });
}

export function buildReport(
  review: Review,
  conflicts: readonly Conflict[],
  incomplete: readonly IncompleteReference[] = [],
): ReferenceReport {
  const refs = review.references;
  return {
    review: { slug: review.slug, title: review.meta.title },
    counts: {
      references: refs.length,
      withDoi: refs.filter((r) => r.DOI).length,
      withPmid: refs.filter((r) => r.PMID).length,
      withPmcid: refs.filter((r) => r.PMCID).length,
      unresolved: refs.filter((r) => !r.DOI && !r.PMID && !r.PMCID).length,
    },
    duplicates: findDuplicates(refs),
    malformedIdentifiers: refs.flatMap((r): MalformedIdentifier[] => {
      const problem = r.DOI === undefined ? undefined : doiProblem(r.DOI);
      return problem && r.DOI ? [{ id: r.id, field: 'DOI', value: r.DOI, problem }] : [];
    }),
    corrections: refs.flatMap((r) => {
      const list = r.custom?.corrections ?? [];
      return list.length > 0 ? [{ id: r.id, corrections: list }] : [];
    }),
    conflicts: [...conflicts],
    ...shownVerbatimList(review, incomplete),
  };
}

function shownVerbatimList(
  review: Review,
  incomplete: readonly IncompleteReference[],
): { shownVerbatim?: ShownVerbatim[] } {
  const list = shownVerbatim(review, incomplete);
  return list.length > 0 ? { shownVerbatim: list } : {};
}

const DOI_SYNTAX = /^10\.\d{4,9}\/\S+$/;

/**
 * Why a DOI looks wrong, or undefined when it looks right: not DOI syntax, or cut off (ends in
 * ".", "-", "(" or has unbalanced brackets). Old SICI DOIs such as
 * `10.1002/(SICI)1097-0274(199601)29:1<23::AID-AJIM4>3.0.CO;2-#` are valid.
 */
export function doiProblem(doi: string): string | undefined {
  if (!DOI_SYNTAX.test(doi)) return 'not DOI syntax (10.<registrant>/<suffix>, no spaces)';
  const last = doi.at(-1);
  if (last === '.' || last === '-' || last === '(') return `looks cut off: ends in "${last}"`;
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
    ['<', '>'],
  ] as const) {
    if (!balanced(doi, open, close)) return `looks cut off: unbalanced "${open}${close}"`;
  }
  return undefined;
}

function balanced(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === open) depth += 1;
    else if (ch === close) depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Groups of references that are the same work: same DOI (any case), same PMID, or same title+year+first author. */
function findDuplicates(refs: readonly CslItem[]): DuplicateGroup[] {
  const parent = refs.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const pairReasons = new Map<number, Set<DuplicateReason>>();
  const link = (reason: DuplicateReason, keyOf: (r: CslItem) => string | undefined): void => {
    const firstWith = new Map<string, number>();
    refs.forEach((ref, i) => {
      const key = keyOf(ref);
      if (key === undefined) return;
      const first = firstWith.get(key);
      if (first === undefined) {
        firstWith.set(key, i);
        return;
      }
      const a = find(first);
      const b = find(i);
      const root = Math.min(a, b);
      const merged = new Set([...(pairReasons.get(a) ?? []), ...(pairReasons.get(b) ?? []), reason]);
      parent[a] = root;
      parent[b] = root;
      pairReasons.set(root, merged);
    });
  };
  link('DOI', (r) => r.DOI?.trim().toLowerCase() || undefined);
  link('PMID', (r) => r.PMID);
  link('title+year+author', (r) => {
    const title = r.title === undefined ? '' : normaliseText(r.title);
    const year = itemYear(r);
    const author = firstAuthorFamily(r.author);
    return title && year !== undefined && author ? `${title}|${year}|${author}` : undefined;
  });

  const groups = new Map<number, string[]>();
  refs.forEach((ref, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), ref.id]);
  });
  const order: DuplicateReason[] = ['DOI', 'PMID', 'title+year+author'];
  return [...groups]
    .filter(([, ids]) => ids.length > 1)
    .map(([root, ids]) => ({ ids, reasons: order.filter((r) => pairReasons.get(root)?.has(r)) }));
}

/** The report as a few lines for the console. */
export function formatReport(report: ReferenceReport): string {
  const { counts } = report;
  const lines = [
    `References of "${report.review.title}" (${report.review.slug}): ${counts.references}`,
    `  with DOI ${counts.withDoi}, PMID ${counts.withPmid}, PMCID ${counts.withPmcid}; without any identifier ${counts.unresolved}`,
  ];
  const section = (title: string, rows: string[]): void => {
    if (rows.length === 0) return;
    lines.push(`${title} (${rows.length}):`, ...rows.map((row) => `  - ${row}`));
  };
  section(
    'Duplicates',
    report.duplicates.map((d) => `${d.ids.join(', ')} (same ${d.reasons.join(', same ')})`),
  );
  section(
    'Malformed identifiers',
    report.malformedIdentifiers.map((m) => `${m.id}: ${m.field} ${m.value}: ${m.problem}`),
  );
  section(
    'Corrections',
    report.corrections.map(
      (c) => `${c.id}: ${c.corrections.map((n) => (n.doi ? `${n.type} (${n.doi})` : n.type)).join('; ')}`,
    ),
  );
  const conflict = (c: Conflict): string =>
    `${c.id}: ${c.field} is "${c.parsed}" in the reference but "${c.resolved}" in ${c.source}`;
  section('Conflicts, not applied', report.conflicts.filter((c) => c.applied !== true).map(conflict));
  section(
    "Differences from the work's record, record used",
    report.conflicts
      .filter((c) => c.applied === true)
      .map((c) => `${conflict(c)}; the record's value is shown`),
  );
  section(
    'Shown as printed, not read with confidence',
    (report.shownVerbatim ?? []).map(
      (r) => `[${r.number ?? r.id}]${r.line === undefined ? '' : ` line ${r.line}`}: ${r.why.join('; ')}`,
    ),
  );
  if (lines.length === 2) lines.push('No duplicates, malformed identifiers, corrections or conflicts.');
  return `${lines.join('\n')}\n`;
}

/**
 * The performance budgets of issues 11, 10 and 6, checked against the measurements and printed as
 * pass/fail. They inform; nothing fails the command or a CI run on absolute times.
 *
 * Issue 11 replaced three of issue 6's: "10,000 references build <= 2x floor" (now cold <= 8x,
 * rebuilds <= 2x and 2.5x), "peak memory <= 2 GB" (now 1.5 GB), and issue 10 set the parser's bar
 * at 25,000 strings per CPU second (issue 6 had 50,000). Issue 6's others still stand.
 */
import {
  describeRatio,
  floorRatio,
  growthPair,
  growthPerReference,
  type FloorRatio,
  type PagePoint,
} from './build-ratios.ts';
import { describeDiff, identical, type DistDiff } from './dist-digest.ts';
import type { BuildRun, DistSize } from './measure-build.ts';
import type { LighthouseResult } from './measure-lighthouse.ts';
import type { PageWeight } from './measure-page-weight.ts';
import type { QueryMeasure } from './measure-search.ts';
import { bytes, count, median, ms } from './report-table.ts';

/** The seed's two reviews: a short one (abstract, 5 references) and BMC's (full text, 64). */
export const SEED_REVIEW = 'bournazou-2013-jakstat';
export const BMC_REVIEW = 'dennehy-2011-bmc-microbiol';

export interface BuildKinds {
  /** Every cache deleted first. */
  cold: BuildRun[];
  /** Right after the cold build, caches kept, nothing changed. */
  warm: BuildRun[];
  /** After that, one review's content edited, caches kept. */
  changed: BuildRun[];
}

export interface ReviewPage {
  slug: string;
  references: number;
  weight: PageWeight;
}

/** What the rebuilds did to `dist/`, on the first run. */
export interface RebuildChecks {
  /** The review edited for the "one review changed" rebuilds. */
  edited: string;
  /** The warm rebuild's `dist/` against the cold build's. */
  warmDiff?: DistDiff;
  /** Per "changed" rebuild: texts of the edit its review page lacks (empty: it shows the edit). */
  editMissing: string[][];
}

export interface SizeResult {
  /** "seed", "1x300", "50x200", … */
  label: string;
  synthetic: boolean;
  reviews: number;
  references: number;
  ingestMs: number[];
  /** `parseCitation` alone over this size's reference strings, strings per second, per run. */
  parseRates: number[];
  parseRatesWall: number[];
  parsedStrings: number;
  builds: BuildKinds;
  dist: DistSize;
  floor?: { pages: number; cold: BuildRun[]; warm: BuildRun[] };
  reviewPages: ReviewPage[];
  lighthouse?: LighthouseResult[];
  search?: QueryMeasure[][];
  checks?: RebuildChecks;
  /** What each on-disk cache held after the first cold build. */
  caches?: { dir: string; bytes: number; files: number }[];
}

/** `parseCitation` over the 10,000 strings of the 50x200 library, whatever sizes were built. */
export interface ParserRate {
  strings: number;
  cpu: number[];
  wall: number[];
}

export type Status = 'pass' | 'FAIL' | 'n/a';

export interface Budget {
  /** Which issue set it. */
  issue: 6 | 10 | 11;
  name: string;
  status: Status;
  measured: string;
  note?: string;
}

const KB = 1024;
const GB = 1024 * 1024 * 1024;
const TEN_THOUSAND = 10_000;

const status = (ok: boolean | undefined): Status => (ok === undefined ? 'n/a' : ok ? 'pass' : 'FAIL');
const kb = (b: number): string => `${(b / KB).toFixed(1)} KB`;

/** The floor ratios of a size: cold against the floor's cold build, rebuilds against its rebuild. */
export function sizeRatios(
  r: SizeResult,
): { cold: FloorRatio; warm: FloorRatio; changed: FloorRatio } | undefined {
  if (!r.floor) return undefined;
  return {
    cold: floorRatio(r.builds.cold, r.floor.cold),
    // The floor has no content to change: its rebuild with caches kept is the least any rebuild
    // of that many pages costs, so both of the site's rebuilds are judged against it.
    warm: floorRatio(r.builds.warm, r.floor.warm),
    changed: floorRatio(r.builds.changed, r.floor.warm),
  };
}

/** The largest median peak (process-tree RSS) over the size's cold, warm and changed builds. */
export function peakMemory(r: SizeResult): number {
  const peaks = [r.builds.cold, r.builds.warm, r.builds.changed]
    .filter((b) => b.length > 0)
    .map((b) => median(b.map((x) => x.treePeakRss)));
  return peaks.length === 0 ? Number.NaN : Math.max(...peaks);
}

/** Review pages of the results as growth points (see growthPair). */
export function pagePoints(results: readonly SizeResult[]): PagePoint[] {
  return results.flatMap((r) =>
    r.reviewPages
      .filter(() => !r.synthetic || r.reviews === 1)
      .map((p) => ({
        label: r.label,
        slug: p.slug,
        references: p.references,
        gzip: p.weight.html.gzip,
        synthetic: r.synthetic,
      })),
  );
}

/** What cost points, and Lighthouse's warnings (a slow or busy CPU lowers performance). */
const lighthouseNote = (lh: LighthouseResult): string =>
  [
    ...lh.failing,
    ...(lh.warnings ?? []).map((w) => `Lighthouse warns: ${w.replace(/\s+/g, ' ').slice(0, 160)}`),
  ].join('; ');

const firstFailure = (builds: readonly BuildRun[]): string | undefined =>
  builds.find((b) => b.failed !== undefined)?.failed;

function pageBudget(name: string, page: ReviewPage | undefined, limit: number, where: string): Budget {
  return {
    issue: 11,
    name: `${name} review page HTML <= ${limit} KB gzipped`,
    status: status(page ? page.weight.html.gzip <= limit * KB : undefined),
    measured: page
      ? `${kb(page.weight.html.gzip)} gzipped, ${kb(page.weight.html.raw)} raw (/${page.slug}/, ${count(page.references)} references)`
      : `– (${where} not measured)`,
  };
}

export function checkBudgets(results: readonly SizeResult[], parser?: ParserRate): Budget[] {
  const budgets: Budget[] = [];
  const seed = results.find((r) => !r.synthetic);
  const seedPage = seed?.reviewPages.find((p) => p.slug === SEED_REVIEW);
  const bmcPage = seed?.reviewPages.find((p) => p.slug === BMC_REVIEW);
  const r300 = results.find((r) => r.synthetic && r.reviews === 1 && r.references === 300);
  const page300 = r300?.reviewPages[0];
  const big = results.find((r) => r.synthetic && r.references === TEN_THOUSAND);

  // Issue 11: page weight.
  budgets.push(
    pageBudget('seed', seedPage, 10, 'seed'),
    pageBudget('BMC', bmcPage, 30, 'seed'),
    pageBudget('300-reference', page300, 50, '1x300'),
  );
  const pair = growthPair(pagePoints(results), SEED_REVIEW);
  const growth = pair ? growthPerReference(...pair) : Number.NaN;
  budgets.push({
    issue: 11,
    name: 'review page growth <= 0.15 KB gzipped per extra reference',
    status: status(pair ? growth <= 0.15 * KB : undefined),
    measured: pair
      ? `${(growth / KB).toFixed(3)} KB per reference: ${pair[0].label} /${pair[0].slug}/ ${count(pair[0].references)} references ${kb(pair[0].gzip)} -> ` +
        `${pair[1].label} /${pair[1].slug}/ ${count(pair[1].references)} references ${kb(pair[1].gzip)}`
      : '– (needs two one-review synthetic sizes, or the seed and one)',
  });
  const lh300 = r300?.lighthouse?.find((l) => l.page === page300?.slug);
  budgets.push({
    issue: 11,
    name: 'Lighthouse performance 100 (mobile defaults) on the 300-reference review page',
    status: status(lh300?.scores ? lh300.scores.performance === 100 : undefined),
    measured: lh300?.scores
      ? `performance ${lh300.scores.performance} (accessibility ${lh300.scores.accessibility}, best practices ${lh300.scores['best-practices']}, SEO ${lh300.scores.seo}) on /${lh300.page}/`
      : `– (${lh300?.error ?? (r300 ? 'Lighthouse not run' : '1x300 not measured')})`,
    ...(lh300 ? { note: lighthouseNote(lh300) } : {}),
  });

  // Issue 11: builds at 10,000 references.
  const bigLabel = big?.label ?? '10,000 references';
  const ratios = big ? sizeRatios(big) : undefined;
  const ratioBudget = (
    name: string,
    limit: number,
    ratio: FloorRatio | undefined,
    builds: readonly BuildRun[] | undefined,
    floorNote: string,
  ): void => {
    const failed = builds ? firstFailure(builds) : undefined;
    budgets.push({
      issue: 11,
      name: `${bigLabel}: ${name} <= ${limit}x the floor in CPU time`,
      status: failed !== undefined ? 'FAIL' : status(ratio ? ratio.cpu <= limit : undefined),
      measured: ratio ? describeRatio(ratio, ms) : `– (${big ? 'no floor measured' : 'not measured'})`,
      note: [floorNote, failed === undefined ? '' : `a build FAILED (its times stop there): ${failed}`]
        .filter((n) => n !== '')
        .join('; '),
    });
  };
  const floorPages = big?.floor ? `${count(big.floor.pages)} trivial pages` : 'the floor';
  ratioBudget('cold build', 8, ratios?.cold, big?.builds.cold, `against ${floorPages}, cold`);
  ratioBudget(
    'rebuild with nothing changed',
    2,
    ratios?.warm,
    big?.builds.warm,
    `against the floor's own rebuild (caches kept)`,
  );
  ratioBudget(
    'rebuild after one review changed',
    2.5,
    ratios?.changed,
    big?.builds.changed,
    `against the floor's own rebuild (caches kept)`,
  );
  const peak = big ? peakMemory(big) : Number.NaN;
  budgets.push({
    issue: 11,
    name: `${bigLabel}: peak memory <= 1.5 GB`,
    status: status(big ? peak <= 1.5 * GB : undefined),
    measured: big
      ? `${bytes(peak)} process tree, the largest of cold ${bytes(median(big.builds.cold.map((b) => b.treePeakRss)))}, ` +
        `nothing changed ${bytes(median(big.builds.warm.map((b) => b.treePeakRss)))}, ` +
        `one review changed ${bytes(median(big.builds.changed.map((b) => b.treePeakRss)))}`
      : '–',
  });

  // Issue 11: search at 10,000 references.
  const sessions = big?.search;
  if (sessions && sessions.length > 0) {
    const firstMs = median(sessions.map((s) => s[0]?.ms ?? Number.NaN));
    const firstBytes = median(sessions.map((s) => s[0]?.transferBytes ?? Number.NaN));
    budgets.push({
      issue: 11,
      name: `${bigLabel}: search first query <= 500 ms and <= 300 KB`,
      status: status(firstMs <= 500 && firstBytes <= 300 * KB),
      measured: `${ms(firstMs)}, ${bytes(firstBytes)} (median of ${sessions.length} cold sessions)`,
    });
    const later = sessions.flatMap((s) => s.slice(1));
    const laterMs = Math.max(...later.map((q) => q.ms));
    const laterBytes = Math.max(...later.map((q) => q.transferBytes));
    budgets.push({
      issue: 11,
      name: `${bigLabel}: search every later query <= 100 ms and <= 50 KB`,
      status: status(laterMs <= 100 && laterBytes <= 50 * KB),
      measured: `worst ${ms(laterMs)}, worst ${bytes(laterBytes)} over ${later.length} queries; median ${ms(median(later.map((q) => q.ms)))}, ${bytes(median(later.map((q) => q.transferBytes)))}`,
    });
  } else {
    budgets.push({
      issue: 11,
      name: '10,000 references: search first query <= 500 ms and <= 300 KB; later <= 100 ms and <= 50 KB',
      status: 'n/a',
      measured: big ? '– (search not run)' : '– (10,000 references not measured)',
    });
  }

  // Issue 11: what works today keeps working; a cache must never serve a stale page.
  for (const r of results) {
    const c = r.checks;
    if (!c) continue;
    if (c.warmDiff) {
      budgets.push({
        issue: 11,
        name: `${r.label}: rebuild with nothing changed writes the cold build's bytes`,
        status: status(identical(c.warmDiff)),
        measured: `dist/ ${describeDiff(c.warmDiff)}`,
      });
    }
    if (c.editMissing.length > 0) {
      const stale = c.editMissing.filter((m) => m.length > 0);
      budgets.push({
        issue: 11,
        name: `${r.label}: rebuild after one review changed shows the change`,
        status: status(stale.length === 0),
        measured: `/${c.edited}/ showed the edited reference title and abstract after ${c.editMissing.length - stale.length} of ${c.editMissing.length} rebuilds`,
        ...(stale.length > 0
          ? { note: `missing: ${stale[0]?.map((t) => JSON.stringify(t)).join('; ')}` }
          : {}),
      });
    }
  }

  // Issue 10: the reference-string parser.
  const rate = median(parser?.cpu ?? []);
  budgets.push({
    issue: 10,
    name: `reference-string parsing >= 25,000 strings per CPU second (the bench's ${count(TEN_THOUSAND)} synthetic strings)`,
    status: status(parser ? rate >= 25_000 : undefined),
    measured: parser
      ? `${count(rate)} strings per CPU second (${count(median(parser.wall))} per wall-clock second) over ${count(parser.strings)} strings, one thread`
      : '–',
  });

  // Issue 6: what issue 11 did not replace.
  const seedIngest = median(seed?.ingestMs ?? []);
  budgets.push({
    issue: 6,
    name: 'seed ingest <= 100 ms',
    status: status(seed ? seedIngest <= 100 : undefined),
    measured: seed ? ms(seedIngest) : '–',
    note: 'both seed sources (PubMed page text + PMC JATS), ingested in one process after the first run warms it',
  });
  const seedCold = median(seed?.builds.cold.map((b) => b.ms) ?? []);
  budgets.push({
    issue: 6,
    name: 'seed full `npm run build` <= 5 s (cold)',
    status: status(seed ? seedCold <= 5000 : undefined),
    measured: seed
      ? `${ms(seedCold)} wall, ${ms(median(seed.builds.cold.map((b) => b.cpuMs ?? Number.NaN)))} CPU time (${seed.dist.htmlPages} pages)`
      : '–',
  });
  const from = results.find((r) => r.synthetic && r.references === 1000);
  const cpuOf = (r: SizeResult): number => median(r.builds.cold.map((b) => b.cpuMs ?? Number.NaN));
  budgets.push({
    issue: 6,
    name: `growth 1,000 -> 10,000 references: cold build CPU time ratio <= 11`,
    status: status(from && big ? cpuOf(big) / cpuOf(from) <= 11 : undefined),
    measured:
      from && big
        ? `${from.label} ${ms(cpuOf(from))} -> ${big.label} ${ms(cpuOf(big))} = ${(cpuOf(big) / cpuOf(from)).toFixed(2)}x`
        : '–',
  });
  const w = seedPage?.weight;
  const first = w ? w.html.gzip + w.css.gzip : Number.NaN;
  budgets.push({
    issue: 6,
    name: 'seed review page HTML + CSS <= 14 KB gzipped',
    status: status(w ? first <= 14 * KB : undefined),
    measured: w ? `${bytes(first)} (HTML ${bytes(w.html.gzip)} + CSS ${bytes(w.css.gzip)})` : '–',
  });
  const pages = results.flatMap((r) => r.reviewPages.map((p) => ({ label: r.label, page: p })));
  const unreadable = pages.filter((p) => p.page.weight.missingText.length > 0);
  budgets.push({
    issue: 6,
    name: 'review pages readable without JavaScript (their text is in the HTML)',
    status: status(pages.length > 0 ? unreadable.length === 0 : undefined),
    measured:
      pages.length > 0
        ? pages
            .map(
              (p) =>
                `/${p.page.slug}/ ${p.page.weight.checkedText - p.page.weight.missingText.length} / ${p.page.weight.checkedText}`,
            )
            .join(', ') + ' texts (title, abstract, captions, reference titles)'
        : '–',
    ...(unreadable.length > 0
      ? {
          note: `missing: ${unreadable
            .flatMap((p) => p.page.weight.missingText.slice(0, 2).map((t) => JSON.stringify(t.slice(0, 60))))
            .join('; ')}`,
        }
      : {}),
  });
  // Small loaders on page load are allowed; Pagefind's runtime and UI must wait for use.
  const eagerPagefind = w?.js.files.filter((f) => /pagefind\//.test(f)) ?? [];
  budgets.push({
    issue: 6,
    name: 'seed review page: search JavaScript (Pagefind) loads only when used',
    status: status(w ? eagerPagefind.length === 0 : undefined),
    measured: w
      ? `${w.js.files.length} scripts on page load, ${bytes(w.js.raw)} (${bytes(w.js.gzip)} gzipped)` +
        (eagerPagefind.length > 0
          ? `, Pagefind among them: ${eagerPagefind.join(', ')}`
          : ', none of them Pagefind')
      : '–',
  });
  for (const lh of seed?.lighthouse ?? []) {
    const scores = lh.scores;
    budgets.push({
      issue: 6,
      name: `Lighthouse 100 x 4 for /${lh.page}/`,
      status: scores ? status(Object.values(scores).every((s) => s === 100)) : 'n/a',
      measured: scores
        ? Object.entries(scores)
            .map(([c, s]) => `${c} ${s}`)
            .join(', ')
        : `missing (${lh.error ?? 'no result'})`,
      note: lighthouseNote(lh),
    });
  }
  return budgets.map((b) => (b.note === '' ? withoutNote(b) : b));
}

function withoutNote(b: Budget): Budget {
  const { note: _note, ...rest } = b;
  return rest;
}

const ISSUE_TITLES: Record<Budget['issue'], string> = {
  11: 'Issue 11 (reference layer, light review page, builds near the floor)',
  10: 'Issue 10 (reference-string parser)',
  6: 'Issue 6 (still standing)',
};

/** Markdown: one list per issue, newest first. */
export function budgetLines(budgets: readonly Budget[]): string {
  const issues = [...new Set(budgets.map((b) => b.issue))].sort((a, b) => b - a);
  return issues
    .map((issue) =>
      [
        `### ${ISSUE_TITLES[issue]}`,
        '',
        ...budgets
          .filter((b) => b.issue === issue)
          .map((b) => `- **${b.status}** ${b.name}: ${b.measured}${b.note ? ` — ${b.note}` : ''}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** "12 pass, 3 FAIL, 2 n/a" */
export function budgetTally(budgets: readonly Budget[]): string {
  const n = (s: Status): number => budgets.filter((b) => b.status === s).length;
  return `${n('pass')} pass, ${n('FAIL')} FAIL, ${n('n/a')} n/a`;
}

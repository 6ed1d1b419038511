/**
 * The performance budgets of issue 6, checked against the measurements and printed as
 * pass/fail. They inform; nothing fails a CI run on absolute times.
 */
import type { BuildRun, DistSize } from './measure-build.ts';
import type { LighthouseResult } from './measure-lighthouse.ts';
import type { PageWeight } from './measure-page-weight.ts';
import type { QueryMeasure } from './measure-search.ts';
import { bytes, count, median, ms } from './report-table.ts';

export interface SizeResult {
  /** "seed", "1x500", … */
  label: string;
  reviews: number;
  references: number;
  ingestMs: number[];
  /** `parseCitation` alone over this size's reference strings, strings per second, per run. */
  parseRates: number[];
  parseRatesWall: number[];
  parsedStrings: number;
  builds: BuildRun[];
  dist: DistSize;
  floor?: { pages: number; builds: BuildRun[] };
  pageWeight?: PageWeight;
  lighthouse?: LighthouseResult[];
  search?: QueryMeasure[][];
}

export type Status = 'pass' | 'FAIL' | 'n/a';

export interface Budget {
  name: string;
  status: Status;
  measured: string;
  note?: string;
}

const KB = 1024;
const GB = 1024 * 1024 * 1024;

const status = (ok: boolean | undefined): Status => (ok === undefined ? 'n/a' : ok ? 'pass' : 'FAIL');
const buildMs = (r: SizeResult | undefined): number => median(r?.builds.map((b) => b.ms) ?? []);
const buildCpu = (r: SizeResult | undefined): number =>
  median(r?.builds.map((b) => b.cpuMs ?? Number.NaN) ?? []);
const floorCpu = (r: SizeResult | undefined): number =>
  median(r?.floor?.builds.map((b) => b.cpuMs ?? Number.NaN) ?? []);

/** The size whose library has 10,000 references, and the growth pair (1,000 -> 10,000). */
export function checkBudgets(
  results: ReadonlyMap<string, SizeResult>,
  growth: { from: string; to: string },
): Budget[] {
  const budgets: Budget[] = [];
  const seed = results.get('seed');
  const big = results.get(growth.to);

  const largest = [...results.values()].sort((a, b) => b.parsedStrings - a.parsedStrings)[0];
  const rate = median(largest?.parseRates ?? []);
  budgets.push({
    name: 'reference-string parsing >= 50,000 strings/s (one core)',
    status: status(largest ? rate >= 50_000 : undefined),
    measured: largest
      ? `${count(rate)} strings per CPU second (${count(median(largest.parseRatesWall))} per wall-clock second) over ${count(largest.parsedStrings)} strings (${largest.label})`
      : '–',
  });

  const seedIngest = median(seed?.ingestMs ?? []);
  budgets.push({
    name: 'seed ingest <= 100 ms',
    status: status(seed ? seedIngest <= 100 : undefined),
    measured: seed ? ms(seedIngest) : '–',
    note: 'both seed sources (PubMed page text + PMC JATS), ingested in one process after the first run warms it',
  });
  budgets.push({
    name: 'seed full `npm run build` <= 5 s',
    status: status(seed ? buildMs(seed) <= 5000 : undefined),
    measured: seed
      ? `${ms(buildMs(seed))} wall, ${ms(buildCpu(seed))} CPU time (${seed.dist.htmlPages} pages)`
      : '–',
  });

  const floorMs = median(big?.floor?.builds.map((b) => b.ms) ?? []);
  const cpuRatio = buildCpu(big) / floorCpu(big);
  const wallRatio = buildMs(big) / floorMs;
  budgets.push({
    name: `${growth.to} (10,000 references) build <= 2x floor`,
    status: status(big?.floor ? (Number.isFinite(cpuRatio) ? cpuRatio : wallRatio) <= 2 : undefined),
    measured: big?.floor
      ? `CPU time ${ms(buildCpu(big))} vs floor ${ms(floorCpu(big))} = ${cpuRatio.toFixed(2)}x; wall ${ms(buildMs(big))} vs ${ms(floorMs)} = ${wallRatio.toFixed(2)}x (${count(big.floor.pages)} trivial pages)`
      : '–',
    note: 'judged on CPU time, which other sessions on the machine do not inflate',
  });
  const peak = median(big?.builds.map((b) => b.treePeakRss) ?? []);
  budgets.push({
    name: `${growth.to} peak memory <= 2 GB`,
    status: status(big ? peak <= 2 * GB : undefined),
    measured: big
      ? `${bytes(peak)} process tree (largest single process ${bytes(median(big.builds.map((b) => b.maxRss ?? Number.NaN)))})`
      : '–',
  });
  const from = results.get(growth.from);
  budgets.push({
    name: `growth 1,000 -> 10,000 references: build time ratio <= 11 (${growth.from} -> ${growth.to})`,
    status: status(from && big ? buildCpu(big) / buildCpu(from) <= 11 : undefined),
    measured:
      from && big
        ? `build CPU time ${ms(buildCpu(from))} -> ${ms(buildCpu(big))} = ${(buildCpu(big) / buildCpu(from)).toFixed(2)}x; ` +
          `wall ${ms(buildMs(from))} -> ${ms(buildMs(big))} = ${(buildMs(big) / buildMs(from)).toFixed(2)}x` +
          `; ingest ${ms(median(from.ingestMs))} -> ${ms(median(big.ingestMs))} = ${(median(big.ingestMs) / median(from.ingestMs)).toFixed(2)}x`
        : '–',
  });

  const w = seed?.pageWeight;
  const first = w ? w.html.gzip + w.css.gzip : Number.NaN;
  budgets.push({
    name: 'seed review page HTML + CSS <= 14 KB gzipped',
    status: status(w ? first <= 14 * KB : undefined),
    measured: w ? `${bytes(first)} (HTML ${bytes(w.html.gzip)} + CSS ${bytes(w.css.gzip)})` : '–',
  });
  budgets.push({
    name: 'seed review page readable without JavaScript (its text is in the HTML)',
    status: status(w ? w.missingText.length === 0 : undefined),
    measured: w
      ? `${w.checkedText - w.missingText.length} / ${w.checkedText} texts (title, abstract, captions, reference titles) in the HTML`
      : '–',
    ...(w && w.missingText.length > 0
      ? { note: `missing: ${w.missingText.map((t) => JSON.stringify(t.slice(0, 60))).join('; ')}` }
      : {}),
  });
  // Small loaders on page load are allowed; Pagefind's runtime and UI must wait for use.
  const eagerPagefind = w?.js.files.filter((f) => /pagefind\//.test(f)) ?? [];
  budgets.push({
    name: 'seed review page: search JavaScript (Pagefind) loads only when used',
    status: status(w ? eagerPagefind.length === 0 : undefined),
    measured: w
      ? `${w.js.files.length} scripts on page load, ${bytes(w.js.raw)} (${bytes(w.js.gzip)} gzipped)` +
        (eagerPagefind.length > 0
          ? `, Pagefind among them: ${eagerPagefind.join(', ')}`
          : ', none of them Pagefind')
      : '–',
    ...(w && w.js.files.length > 0 ? { note: `on page load: ${w.js.files.join(', ')}` } : {}),
  });

  for (const lh of seed?.lighthouse ?? []) {
    const scores = lh.scores;
    budgets.push({
      name: `Lighthouse 100 x 4 for /${lh.page}/`,
      status: scores ? status(Object.values(scores).every((s) => s === 100)) : 'n/a',
      measured: scores
        ? Object.entries(scores)
            .map(([c, s]) => `${c} ${s}`)
            .join(', ')
        : `missing (${lh.error ?? 'no result'})`,
      ...(lh.failing.length > 0 ? { note: lh.failing.join('; ') } : {}),
    });
  }

  const sessions = big?.search;
  if (sessions && sessions.length > 0) {
    const firstMs = median(sessions.map((s) => s[0]?.ms ?? Number.NaN));
    const firstBytes = median(sessions.map((s) => s[0]?.transferBytes ?? Number.NaN));
    budgets.push({
      name: `search (${growth.to}) first query <= 500 ms and <= 300 KB`,
      status: status(firstMs <= 500 && firstBytes <= 300 * KB),
      measured: `${ms(firstMs)}, ${bytes(firstBytes)} (median of ${sessions.length} cold sessions)`,
    });
    const later = sessions.flatMap((s) => s.slice(1));
    const laterMs = Math.max(...later.map((q) => q.ms));
    const laterBytes = Math.max(...later.map((q) => q.transferBytes));
    budgets.push({
      name: `search (${growth.to}) every later query <= 100 ms and <= 50 KB`,
      status: status(laterMs <= 100 && laterBytes <= 50 * KB),
      measured: `worst ${ms(laterMs)}, worst ${bytes(laterBytes)} over ${later.length} queries; median ${ms(median(later.map((q) => q.ms)))}, ${bytes(median(later.map((q) => q.transferBytes)))}`,
    });
  }
  // A build that failed did not finish: its times stop at the failure and cannot pass.
  const bigFailed = big?.builds.find((b) => b.failed !== undefined)?.failed;
  if (bigFailed !== undefined) {
    for (const b of budgets) {
      if (b.name.startsWith(growth.to) || b.name.startsWith('growth')) {
        b.status = 'FAIL';
        b.note = `${b.note ? `${b.note}; ` : ''}the ${growth.to} build FAILED (times stop there): ${bigFailed}`;
      }
    }
  }
  return budgets;
}

export function budgetLines(budgets: readonly Budget[]): string {
  return budgets
    .map((b) => `- **${b.status}** ${b.name}: ${b.measured}${b.note ? ` — ${b.note}` : ''}`)
    .join('\n');
}

/** The Markdown rows of one size's measurements, and the summary table over every size. */
import { sizeRatios, peakMemory, type SizeResult } from './budgets.ts';
import { describeDiff } from './dist-digest.ts';
import type { BuildRun } from './measure-build.ts';
import { bytes, count, median, ms, runsRow, type Row } from './report-table.ts';

const KIND_NAMES = {
  cold: 'cold build (every cache deleted)',
  warm: 'rebuild, nothing changed (caches kept)',
  changed: 'rebuild, one review changed (caches kept)',
} as const;

function buildRows(label: string, builds: readonly BuildRun[], detail: boolean): Row[] {
  const pick = (f: (x: BuildRun) => number | undefined): number[] => builds.map((x) => f(x) ?? Number.NaN);
  const rows: Row[] = [
    runsRow(
      `${label}: \`npm run build\` wall`,
      pick((x) => x.ms),
      ms,
    ),
    runsRow(
      '  CPU time (user + system)',
      pick((x) => x.cpuMs),
      ms,
    ),
    runsRow(
      '  Astro rendering pages (log)',
      pick((x) => x.renderMs),
      ms,
    ),
    runsRow(
      '  Pagefind (logged)',
      pick((x) => x.pagefindMs),
      ms,
    ),
  ];
  if (detail) {
    const stageNames = [...new Set(builds.flatMap((x) => x.stages.map((s) => s.name)))].filter(
      (n) => n !== 'lectern:pagefind',
    );
    for (const name of stageNames) {
      rows.push(
        runsRow(
          `  ${name} (from log timestamps, ±1 s)`,
          pick((x) => {
            const s = x.stages.find((st) => st.name === name)?.s;
            return s === undefined ? undefined : s * 1000;
          }),
          ms,
        ),
      );
    }
    rows.push(
      runsRow(
        '  machine load average (1 min) at the end',
        pick((x) => x.load),
        (v) => v.toFixed(1),
      ),
    );
  }
  rows.push(
    runsRow(
      '  peak memory, process tree (sum of RSS)',
      pick((x) => x.treePeakRss),
      bytes,
    ),
    runsRow(
      '  peak memory, largest single process (GNU time)',
      pick((x) => x.maxRss),
      bytes,
    ),
  );
  const failed = builds.filter((x) => x.failed !== undefined);
  if (failed.length > 0) {
    rows.push({
      metric: '  **build failed**',
      median: `${failed.length} / ${builds.length} runs`,
      runs: failed[0]?.failed ?? '',
    });
  }
  return rows;
}

export function sizeRows(r: SizeResult, firstIngest: number): Row[] {
  const rows: Row[] = [
    { metric: 'reviews / references', median: `${r.reviews} / ${count(r.references)}` },
    runsRow('ingest (all sources, one process)', r.ingestMs, ms),
    { metric: 'ingest, first run in the process (cold)', median: ms(firstIngest) },
    runsRow(
      'ingest: reference strings per second',
      r.ingestMs.map((t) => r.references / (t / 1000)),
      count,
    ),
    runsRow(
      `parseCitation alone, strings per CPU second (${count(r.parsedStrings)} strings, one thread)`,
      r.parseRates,
      count,
    ),
    runsRow('parseCitation alone, strings per wall-clock second', r.parseRatesWall, count),
    ...buildRows(KIND_NAMES.cold, r.builds.cold, true),
    ...buildRows(KIND_NAMES.warm, r.builds.warm, false),
    ...buildRows(KIND_NAMES.changed, r.builds.changed, false),
  ];
  for (const c of r.caches ?? []) {
    rows.push({
      metric: `on disk after the cold build: ${c.dir}`,
      median: bytes(c.bytes),
      runs: `${count(c.files)} files`,
    });
  }
  if (r.checks) {
    if (r.checks.warmDiff) {
      rows.push({
        metric: "rebuild, nothing changed: dist/ against the cold build's (first run)",
        median: describeDiff(r.checks.warmDiff),
      });
    }
    rows.push({
      metric: `rebuild, one review changed: /${r.checks.edited}/ shows the edited title and abstract`,
      median: `${r.checks.editMissing.filter((m) => m.length === 0).length} / ${r.checks.editMissing.length} runs`,
      runs: r.checks.editMissing
        .map((m) => (m.length === 0 ? 'yes' : `missing ${m.map((t) => JSON.stringify(t)).join(', ')}`))
        .join(', '),
    });
  }
  rows.push(
    {
      metric: 'dist/',
      median: `${bytes(r.dist.bytes)} in ${count(r.dist.files)} files, ${count(r.dist.htmlPages)} pages`,
    },
    { metric: 'dist/pagefind/ (bundle + index)', median: bytes(r.dist.pagefindBytes) },
    { metric: 'Pagefind index files (.pf_*, .pagefind)', median: bytes(r.dist.pagefindIndexBytes) },
  );
  if (r.floor) {
    const f = r.floor;
    rows.push(
      ...buildRows(`floor: ${count(f.pages)} trivial pages, cold`, f.cold, false).slice(0, 2),
      runsRow(
        '  floor Pagefind (logged)',
        f.cold.map((x) => x.pagefindMs ?? Number.NaN),
        ms,
      ),
      runsRow(
        '  floor peak memory (process tree)',
        f.cold.map((x) => x.treePeakRss),
        bytes,
      ),
      ...buildRows('floor: rebuild, caches kept', f.warm, false).slice(0, 2),
    );
    const ratios = sizeRatios(r);
    if (ratios) {
      const line = (name: string, x: { cpu: number; wall: number }): Row => ({
        metric: `**${name}**`,
        median: `${x.cpu.toFixed(2)}x CPU time`,
        runs: `${x.wall.toFixed(2)}x wall`,
      });
      rows.push(
        line('cold build / floor cold build', ratios.cold),
        line('rebuild, nothing changed / floor rebuild', ratios.warm),
        line('rebuild, one review changed / floor rebuild', ratios.changed),
      );
    }
  }
  for (const page of r.reviewPages) {
    const w = page.weight;
    const weight = (name: string, x: { raw: number; gzip: number; files: string[] }): Row => ({
      metric: `  ${name} (raw / gzip)`,
      median: `${bytes(x.raw)} / ${bytes(x.gzip)}`,
      runs: x.files.join(', '),
    });
    rows.push(
      {
        metric: `review page /${page.slug}/ (${count(page.references)} references) HTML (raw / gzip)`,
        median: `${bytes(w.html.raw)} / ${bytes(w.html.gzip)}`,
      },
      weight('CSS', w.css),
      weight('JS on page load', w.js),
      {
        metric: '  inline style / script bytes (in the HTML)',
        median: `${bytes(w.inlineStyleBytes)} / ${bytes(w.inlineScriptBytes)}`,
      },
    );
  }
  for (const lh of r.lighthouse ?? []) {
    rows.push({
      metric: `Lighthouse /${lh.page}/`,
      median: lh.scores ? Object.values(lh.scores).join(' / ') : 'missing',
      runs:
        (lh.scores
          ? `performance / accessibility / best practices / SEO (median run of performance ${(lh.performanceRuns ?? []).join(', ')})`
          : (lh.error ?? '')) +
        ((lh.warnings ?? []).length > 0
          ? ` (Lighthouse warns: ${(lh.warnings ?? []).join(' ').replace(/\s+/g, ' ').slice(0, 120)}…)`
          : ''),
    });
  }
  if (r.search) {
    const first = r.search.map((s) => s[0]).filter((q) => q !== undefined);
    rows.push(
      runsRow(
        `search: first query "${first[0]?.query ?? ''}" (runtime + WASM + metadata), time`,
        first.map((q) => q.ms),
        ms,
      ),
      runsRow(
        'search: first query, bytes transferred',
        first.map((q) => q.transferBytes),
        bytes,
      ),
    );
    const later = r.search.flatMap((s) => s.slice(1));
    for (const query of [...new Set(later.map((q) => q.query))]) {
      const qs = later.filter((q) => q.query === query);
      rows.push({
        metric: `search: "${query}" (${qs[0]?.results ?? 0} results, first 5 loaded)`,
        median: `${ms(median(qs.map((q) => q.ms)))}, ${bytes(median(qs.map((q) => q.transferBytes)))}`,
        runs: qs.map((q) => `${ms(q.ms)} ${bytes(q.transferBytes)}`).join(', '),
      });
    }
  }
  return rows;
}

/** One line per size: the floor ratios (CPU / wall), peak memory and the largest review page. */
export function summaryTable(results: readonly SizeResult[]): string {
  const lines = [
    '| size | references | cold build / floor | nothing changed / floor rebuild | one review changed / floor rebuild | peak memory | review pages, HTML gzipped |',
    '| --- | --: | --: | --: | --: | --: | --- |',
  ];
  for (const r of results) {
    const ratios = sizeRatios(r);
    const x = (v: { cpu: number; wall: number } | undefined): string =>
      v ? `${v.cpu.toFixed(2)}x CPU, ${v.wall.toFixed(2)}x wall` : '–';
    const pages = r.reviewPages
      .map((p) => `${bytes(p.weight.html.gzip)} (${count(p.references)} refs)`)
      .join(', ');
    lines.push(
      `| ${r.label} | ${count(r.references)} | ${x(ratios?.cold)} | ${x(ratios?.warm)} | ${x(ratios?.changed)} | ${bytes(peakMemory(r))} | ${pages || '–'} |`,
    );
  }
  return lines.join('\n');
}

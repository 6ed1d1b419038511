/**
 * npm run bench [-- --runs 3 --sizes seed,1x500,5x200,10x200,50x200 --no-lighthouse --no-search]
 *
 * Issue 6, parts 1 and 2. For the seed (the real content/) and deterministic synthetic libraries
 * (reviews x references each), measures the median over runs of: ingest time and reference
 * strings per second, parseCitation alone, the full `npm run build` (Pagefind included) in a
 * temp copy of the project, Pagefind's time, peak memory, dist/ and index size; for the seed, the
 * bytes its review page ships and Lighthouse; for the 10,000-reference library, search in
 * Chromium. A floor (the same number of trivial Astro pages, same Pagefind step) gives each
 * build a ratio. Prints Markdown and writes it to bench/results.md. Budgets inform, never fail.
 *
 * A size's runs stop early once they would take more than --size-seconds (default 100) in
 * all, so the whole bench fits in 15 minutes here; the table says how many runs each median has.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFile, ingestSources } from '../../src/lib/ingest.ts';
import { parseCitation } from '../../src/lib/parse/parse-citation.ts';
import { loadFixtureCitations } from '../../tests/helpers/pubmed-citations.ts';
import { budgetLines, checkBudgets, type SizeResult } from './budgets.ts';
import { distSize, makeFloorProject, makeProject, runBuild, type BuildRun } from './measure-build.ts';
import { measureLighthouse } from './measure-lighthouse.ts';
import { measurePageWeight } from './measure-page-weight.ts';
import { measureSearch } from './measure-search.ts';
import { bytes, count, median, ms, runsRow, table, type Row } from './report-table.ts';
import { syntheticLibrary, type SyntheticSource } from './synthetic-library.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SEED_REVIEW = 'bournazou-2013-jakstat';
/** 1,000 -> 10,000 references with the same review shape (200 references each), x10 in both. */
const GROWTH = { from: '5x200', to: '50x200' };
const DEFAULT_SIZES = ['seed', '1x500', '5x200', '10x200', '50x200'];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
    'size-seconds': { type: 'string', default: '100' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.md' },
  },
});
const runs = Number(values.runs);
const sizeSeconds = Number(values['size-seconds']);
if (!Number.isInteger(runs) || runs < 1 || runs > 10) throw new Error('--runs takes a whole number, 1 to 10');
if (!(sizeSeconds > 0)) throw new Error('--size-seconds takes a positive number');
const sizes = values.sizes.split(',').map((s) => s.trim());
for (const size of sizes) {
  if (size !== 'seed' && !/^\d{1,3}x\d{1,4}$/.test(size)) throw new Error(`unknown size "${size}"`);
}

const log = (line: string): void =>
  console.error(`[bench ${((performance.now() - START) / 1000).toFixed(0)} s] ${line}`);
const START = performance.now();
/** Every build's full log, for a closer look. */
const LOGS = join(tmpdir(), 'lectern-bench-logs');
await mkdir(LOGS, { recursive: true });
const LOAD_AT_START = loadavg()[0] ?? 0;

/** Runs `step` up to `runs` times, fewer when the runs would exceed the size's time. */
async function repeat<T>(label: string, step: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const before = performance.now();
    out.push(await step(i));
    const took = performance.now() - before;
    log(`${label} run ${i + 1}: ${ms(took)}`);
    if (performance.now() - started + took > sizeSeconds * 1000) break;
  }
  return out;
}

/**
 * `parseCitation` over `strings`, on this one thread, per run: strings per second of wall time
 * and per second of this process's CPU time (what one core does, whatever else runs).
 */
function parseRates(strings: readonly string[]): { wall: number[]; cpu: number[] } {
  for (const s of strings.slice(0, 2000)) parseCitation(s); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    let parsed = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    // At least one pass and 500 ms, at most 100 passes.
    for (let pass = 0; pass < 100 && (pass === 0 || performance.now() - started < 500); pass++) {
      for (const s of strings) parseCitation(s);
      parsed += strings.length;
    }
    const used = process.cpuUsage(cpuStarted);
    wall.push(parsed / ((performance.now() - started) / 1000));
    cpu.push(parsed / ((used.user + used.system) / 1e6));
  }
  return { wall, cpu };
}

async function seedSources(): Promise<string[]> {
  const dir = join(ROOT, 'content', 'sources');
  return (await readdir(dir)).sort().map((f) => join(dir, f));
}

/** Ingests the size's sources into a fresh `out` folder; returns ms and the reference count. */
async function ingestOnce(size: string, out: string, sources: SyntheticSource[]): Promise<[number, number]> {
  const started = performance.now();
  let references = 0;
  if (size === 'seed') {
    for (const file of await seedSources()) {
      for (const s of await ingestFile(file, { out })) references += s.references;
    }
  } else {
    for (const source of sources) {
      const summaries = await ingestSources([{ name: source.name, text: source.text }], {
        out,
        slug: source.slug,
      });
      for (const s of summaries) references += s.references;
    }
  }
  return [performance.now() - started, references];
}

async function measureSize(size: string): Promise<{ result: SizeResult; rows: Row[] }> {
  const [reviews = 0, each = 0] = size === 'seed' ? [] : size.split('x').map(Number);
  const sources = size === 'seed' ? [] : syntheticLibrary(reviews, each);
  const scratch = await mkdtemp(join(tmpdir(), 'lectern-bench-ingest-'));
  const project = await makeProject(ROOT);
  try {
    // Ingest: each run into a fresh folder; the last one's content is what the build reads
    // (the seed builds from the real content/ as committed).
    let references = 0;
    let firstIngest = Number.NaN;
    const ingestMs = await repeat(`${size} ingest`, async (i) => {
      const out = join(scratch, `run-${i}`);
      const [took, refs] = await ingestOnce(size, out, sources);
      references = refs;
      if (i === 0) firstIngest = took;
      return took;
    });
    const contentDir = join(project, 'content');
    await rm(contentDir, { recursive: true, force: true });
    if (size === 'seed') await cp(join(ROOT, 'content'), contentDir, { recursive: true });
    else await cp(join(scratch, `run-${ingestMs.length - 1}`), contentDir, { recursive: true });
    await rm(scratch, { recursive: true, force: true });

    const strings =
      size === 'seed' ? loadFixtureCitations().map((f) => f.citation) : sources.flatMap((s) => s.citations);
    const rates = parseRates(strings);
    log(
      `${size} parseCitation: ${count(median(rates.cpu))} strings per CPU second over ${count(strings.length)} strings`,
    );

    const builds = await repeat(`${size} build`, async (i) => {
      const build = await runBuild(project);
      await writeFile(join(LOGS, `${size}-build-${i + 1}.log`), build.log);
      return build;
    });
    const dist = await distSize(join(project, 'dist'));
    const result: SizeResult = {
      label: size,
      reviews: size === 'seed' ? (await readdir(join(contentDir, 'reviews'))).length : reviews,
      references,
      ingestMs,
      parseRates: rates.cpu,
      parseRatesWall: rates.wall,
      parsedStrings: strings.length,
      builds,
      dist,
    };

    if (size === 'seed') {
      result.pageWeight = await measurePageWeight(
        join(project, 'dist'),
        SEED_REVIEW,
        contentDir,
        SEED_REVIEW,
      );
      if (!values['no-lighthouse']) {
        log('seed Lighthouse');
        result.lighthouse = await measureLighthouse(join(project, 'dist'), [
          SEED_REVIEW,
          `${SEED_REVIEW}/references`,
        ]);
      }
    }
    if (size === GROWTH.to && !values['no-search']) {
      log(`${size} search in Chromium`);
      result.search = await measureSearch(join(project, 'dist'), runs);
    }
    await rm(project, { recursive: true, force: true });

    if (!values['no-floor']) {
      const pages = dist.htmlPages;
      const floor = await makeFloorProject(ROOT, pages);
      try {
        result.floor = {
          pages,
          builds: await repeat(`${size} floor (${pages} pages)`, () => runBuild(floor)),
        };
      } finally {
        await rm(floor, { recursive: true, force: true });
      }
    }
    return { result, rows: rowsOf(result, firstIngest) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await rm(project, { recursive: true, force: true });
  }
}

function rowsOf(r: SizeResult, firstIngest: number): Row[] {
  const b = r.builds;
  const failed = b.filter((x) => x.failed !== undefined);
  const pick = (f: (x: BuildRun) => number | undefined): number[] => b.map((x) => f(x) ?? Number.NaN);
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
    runsRow(
      '`npm run build` (wall, Pagefind and every build:done step)',
      pick((x) => x.ms),
      ms,
    ),
    runsRow(
      '  CPU time of the build (user + system)',
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
  const stageNames = [...new Set(b.flatMap((x) => x.stages.map((s) => s.name)))].filter(
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
      'machine load average (1 min) at the end of the build',
      pick((x) => x.load),
      (v) => v.toFixed(1),
    ),
    runsRow(
      'peak memory, build process tree (sum of RSS)',
      pick((x) => x.treePeakRss),
      bytes,
    ),
    runsRow(
      'peak memory, largest single process (GNU time)',
      pick((x) => x.maxRss),
      bytes,
    ),
    {
      metric: 'dist/',
      median: `${bytes(r.dist.bytes)} in ${count(r.dist.files)} files, ${count(r.dist.htmlPages)} pages`,
    },
    { metric: 'dist/pagefind/ (bundle + index)', median: bytes(r.dist.pagefindBytes) },
    { metric: 'Pagefind index files (.pf_*, .pagefind)', median: bytes(r.dist.pagefindIndexBytes) },
  );
  if (failed.length > 0) {
    rows.push({
      metric: '**build failed**',
      median: `${failed.length} / ${b.length} runs`,
      runs: failed[0]?.failed ?? '',
    });
  }
  if (r.floor) {
    const floorMs = r.floor.builds.map((x) => x.ms);
    rows.push(
      runsRow(`floor: ${count(r.floor.pages)} trivial pages, \`npm run build\``, floorMs, ms),
      runsRow(
        '  floor CPU time (user + system)',
        r.floor.builds.map((x) => x.cpuMs ?? Number.NaN),
        ms,
      ),
      runsRow(
        '  floor Pagefind (logged)',
        r.floor.builds.map((x) => x.pagefindMs ?? Number.NaN),
        ms,
      ),
      runsRow(
        '  floor peak memory (process tree)',
        r.floor.builds.map((x) => x.treePeakRss),
        bytes,
      ),
      {
        metric: '**build / floor**',
        median: `${(median(b.map((x) => x.ms)) / median(floorMs)).toFixed(2)}x wall`,
        runs: `${(median(pick((x) => x.cpuMs)) / median(r.floor.builds.map((x) => x.cpuMs ?? Number.NaN))).toFixed(2)}x CPU time`,
      },
    );
  }
  const w = r.pageWeight;
  if (w) {
    const weight = (name: string, x: { raw: number; gzip: number; files: string[] }): Row => ({
      metric: `review page ${name} (raw / gzip)`,
      median: `${bytes(x.raw)} / ${bytes(x.gzip)}`,
      runs: x.files.join(', '),
    });
    rows.push(weight('HTML', w.html), weight('CSS', w.css), weight('JS on page load', w.js), {
      metric: 'review page inline style / script bytes (in the HTML)',
      median: `${bytes(w.inlineStyleBytes)} / ${bytes(w.inlineScriptBytes)}`,
    });
  }
  for (const lh of r.lighthouse ?? []) {
    rows.push({
      metric: `Lighthouse /${lh.page}/`,
      median: lh.scores ? Object.values(lh.scores).join(' / ') : 'missing',
      runs: lh.scores ? 'performance / accessibility / best practices / SEO' : (lh.error ?? ''),
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
    const queries = [...new Set(later.map((q) => q.query))];
    for (const query of queries) {
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

const results = new Map<string, SizeResult>();
const sections: string[] = [];
for (const size of sizes) {
  log(`size ${size}`);
  const { result, rows } = await measureSize(size);
  results.set(size, result);
  const heading =
    size === 'seed' ? 'seed (the real content/)' : `${size.replace('x', ' reviews x ')} references`;
  const section = [`### ${heading}`, '', table(rows)].join('\n');
  sections.push(section);
  console.log(`${section}\n`);
}

const budgets = checkBudgets(results, GROWTH);
const output = [
  '# Lectern benchmark',
  '',
  `\`npm run bench -- --runs ${runs} --sizes ${sizes.join(',')}\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; bench took ${ms(performance.now() - START)}; ` +
    `1-minute load average ${LOAD_AT_START.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end (other sessions share the machine). ` +
    `Each value is the median of the runs listed beside it (a size stops repeating once its runs would pass ${sizeSeconds} s). ` +
    'Builds run `npm run build` in a temp copy of the project with its own Astro cache, cleared before each run. ' +
    `Synthetic libraries are PubMed page texts from scripts/bench/synthetic-library.ts (seed 1), ingested with the real ingest. ` +
    `Growth is measured ${GROWTH.from} -> ${GROWTH.to}: both libraries have 200 references per review, so the input grows 10x in reviews and references alike.`,
  '',
  ...sections.flatMap((s) => [s, '']),
  '## Budgets',
  '',
  budgetLines(budgets),
  '',
].join('\n');
console.log(`## Budgets\n\n${budgetLines(budgets)}\n`);
const outFile = resolve(ROOT, values.out);
await mkdir(resolve(outFile, '..'), { recursive: true });
await writeFile(outFile, output);
log(`wrote ${outFile}`);

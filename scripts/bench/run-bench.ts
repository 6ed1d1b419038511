/**
 * npm run bench [-- --runs 3 --sizes seed,1x100,1x300,5x200,50x200 --lighthouse-runs 3 --no-lighthouse --no-search
 *                   --no-floor --size-seconds 100 --out bench/results.md]
 *
 * Issues 6 and 11. For the seed (the real content/) and deterministic synthetic libraries
 * (reviews x references each), measures the median over runs of: ingest time and reference
 * strings per second, parseCitation alone, and three `npm run build`s (Pagefind included) in a
 * temp copy of the project: cold (every on-disk cache deleted), again with nothing changed (caches
 * kept), and after one review's content changed (caches kept); with Pagefind's time, peak memory,
 * dist/ and index size; the review pages' weight; Lighthouse on the seed's and the 300-reference
 * review's pages; search in Chromium on the 10,000-reference library. A floor (the same number of
 * trivial Astro pages, same Pagefind step, built cold and rebuilt) gives each build a ratio.
 * Prints Markdown and writes it to bench/results.md. Budgets inform, never fail.
 *
 * A size's runs stop early once they would take more than --size-seconds (default 100) in
 * all; the table says how many runs each median has.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFile, ingestSources } from '../../src/lib/ingest.ts';
import { parseCitation } from '../../src/lib/parse/parse-citation.ts';
import { loadFixtureCitations } from '../../tests/helpers/pubmed-citations.ts';
import { parseSize, sizeHeading, type SizeSpec } from './bench-sizes.ts';
import {
  BMC_REVIEW,
  budgetLines,
  budgetTally,
  checkBudgets,
  SEED_REVIEW,
  type BuildKinds,
  type ParserRate,
  type RebuildChecks,
  type ReviewPage,
  type SizeResult,
} from './budgets.ts';
import { diffDigests, digestDist } from './dist-digest.ts';
import { applyReviewEdit } from './edit-review.ts';
import {
  cacheSizes,
  checkoutCacheState,
  distSize,
  makeFloorProject,
  makeProject,
  runBuild,
  type BuildRun,
  type DistSize,
} from './measure-build.ts';
import { measureLighthouse, type LighthouseResult } from './measure-lighthouse.ts';
import { measurePageWeight, missingFromPage } from './measure-page-weight.ts';
import { measureSearch, type QueryMeasure } from './measure-search.ts';
import { count, median, ms, table } from './report-table.ts';
import { sizeRows, summaryTable } from './size-rows.ts';
import { syntheticLibrary, type SyntheticSource } from './synthetic-library.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEFAULT_SIZES = ['seed', '1x100', '1x300', '5x200', '50x200'];
/** Issue 10's parser budget is judged on these: the 10,000 strings of the 50x200 library. */
const PARSER_LIBRARY = { reviews: 50, referencesEach: 200 };

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
    'size-seconds': { type: 'string', default: '100' },
    'no-lighthouse': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: '3' },
    'no-search': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.md' },
  },
});
const runs = Number(values.runs);
const sizeSeconds = Number(values['size-seconds']);
if (!Number.isInteger(runs) || runs < 1 || runs > 10) throw new Error('--runs takes a whole number, 1 to 10');
if (!(sizeSeconds > 0)) throw new Error('--size-seconds takes a positive number');
const sizes = values.sizes.split(',').map(parseSize);
const lighthouseRuns = Number(values['lighthouse-runs']);
if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1 || lighthouseRuns > 9)
  throw new Error('--lighthouse-runs takes a whole number, 1 to 9');

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
  // Warm-up: the first 20,000 or so calls run at half the later speed while V8 optimises (one
  // pass of 10,000 was not enough: 21,000 strings per CPU second measured, 41,000 after two).
  for (let n = 0; n < 30_000 && strings.length > 0;) {
    for (const s of strings) parseCitation(s);
    n += strings.length;
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    let parsed = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    // At least one pass and 1 s, at most 100 passes.
    for (let pass = 0; pass < 100 && (pass === 0 || performance.now() - started < 1000); pass++) {
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
async function ingestOnce(
  spec: SizeSpec,
  out: string,
  sources: SyntheticSource[],
): Promise<[number, number]> {
  const started = performance.now();
  let references = 0;
  if (spec.kind === 'seed') {
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

async function referenceCount(contentDir: string, slug: string): Promise<number> {
  const file = join(contentDir, 'reviews', slug, 'references.json');
  return (JSON.parse(await readFile(file, 'utf8')) as unknown[]).length;
}

/** What a reader gets from the built site: review pages' weight, Lighthouse, search. */
async function measureSite(
  spec: SizeSpec,
  dist: string,
  contentDir: string,
  references: number,
  firstSlug: string,
): Promise<{ reviewPages: ReviewPage[]; lighthouse?: LighthouseResult[]; search?: QueryMeasure[][] }> {
  const slugs = spec.kind === 'seed' ? [SEED_REVIEW, BMC_REVIEW] : [firstSlug];
  const reviewPages: ReviewPage[] = [];
  for (const slug of slugs) {
    reviewPages.push({
      slug,
      references: await referenceCount(contentDir, slug),
      weight: await measurePageWeight(dist, slug, contentDir, slug),
    });
  }
  const lighthousePages =
    spec.kind === 'seed'
      ? [SEED_REVIEW, `${SEED_REVIEW}/references`]
      : spec.reviews === 1 && spec.referencesEach === 300
        ? [firstSlug]
        : [];
  const out: { reviewPages: ReviewPage[]; lighthouse?: LighthouseResult[]; search?: QueryMeasure[][] } = {
    reviewPages,
  };
  if (!values['no-lighthouse'] && lighthousePages.length > 0) {
    log(`${spec.label} Lighthouse`);
    out.lighthouse = await measureLighthouse(dist, lighthousePages, lighthouseRuns);
  }
  if (references === 10_000 && !values['no-search']) {
    log(`${spec.label} search in Chromium`);
    try {
      out.search = await measureSearch(dist, runs);
    } catch (error) {
      log(`${spec.label} search failed: ${(error as Error).message}`);
    }
  }
  return out;
}

/**
 * Per run: a cold build, a rebuild with nothing changed, then one review edited and rebuilt (the
 * edit undone afterwards, so the next run's cold build reads the original). After the first
 * run's rebuild with nothing changed, whose dist/ must equal the cold build's, `measure` looks at
 * the built site; its time does not count toward --size-seconds.
 */
async function buildRuns<T>(
  label: string,
  project: string,
  edited: string,
  measure: () => Promise<T>,
): Promise<{
  builds: BuildKinds;
  checks: RebuildChecks;
  dist: DistSize;
  caches: SizeResult['caches'];
  measured: T | undefined;
}> {
  const dist = join(project, 'dist');
  const contentDir = join(project, 'content');
  const builds: BuildKinds = { cold: [], warm: [], changed: [] };
  const checks: RebuildChecks = { edited, editMissing: [] };
  let size: DistSize | undefined;
  let caches: SizeResult['caches'];
  let measured: T | undefined;
  let buildTime = 0;
  const build = async (kind: keyof BuildKinds, i: number): Promise<BuildRun> => {
    const run = await runBuild(project, { cold: kind === 'cold' });
    await writeFile(join(LOGS, `${label}-${kind}-${i + 1}.log`), run.log);
    log(
      `${label} ${kind} build ${i + 1}: ${ms(run.ms)}, CPU ${ms(run.cpuMs ?? Number.NaN)}${run.failed ? ` FAILED ${run.failed}` : ''}`,
    );
    builds[kind].push(run);
    buildTime += run.ms;
    return run;
  };
  for (let i = 0; i < runs; i++) {
    const before = buildTime;
    const cold = await build('cold', i);
    // A failed build leaves no site to look at; its failure is in the table and the budgets.
    const coldDigest = i === 0 && cold.failed === undefined ? await digestDist(dist) : undefined;
    if (i === 0) {
      size = await distSize(dist);
      caches = await cacheSizes(project);
    }
    const warm = await build('warm', i);
    if (coldDigest && warm.failed === undefined) {
      checks.warmDiff = diffDigests(coldDigest, await digestDist(dist));
      measured = await measure();
    }
    const { edit, revert } = await applyReviewEdit(contentDir, edited, i + 1);
    try {
      const changed = await build('changed', i);
      checks.editMissing.push(
        changed.failed === undefined
          ? await missingFromPage(dist, edited, [edit.title, edit.sentence])
          : [edit.title, edit.sentence],
      );
    } finally {
      await revert();
    }
    const took = buildTime - before;
    if (buildTime + took > sizeSeconds * 1000) break;
  }
  return { builds, checks, dist: size ?? (await distSize(dist)), caches, measured };
}

async function measureSize(spec: SizeSpec): Promise<{ result: SizeResult; firstIngest: number }> {
  const sources = spec.kind === 'seed' ? [] : syntheticLibrary(spec.reviews, spec.referencesEach, spec.seed);
  const scratch = await mkdtemp(join(tmpdir(), 'lectern-bench-ingest-'));
  const project = await makeProject(ROOT);
  try {
    // Ingest: each run into a fresh folder; the last one's content is what the build reads
    // (the seed builds from the real content/ as committed).
    let references = 0;
    let firstIngest = Number.NaN;
    const ingestMs = await repeat(`${spec.label} ingest`, async (i) => {
      const out = join(scratch, `run-${i}`);
      const [took, refs] = await ingestOnce(spec, out, sources);
      references = refs;
      if (i === 0) firstIngest = took;
      return took;
    });
    const contentDir = join(project, 'content');
    await rm(contentDir, { recursive: true, force: true });
    if (spec.kind === 'seed') await cp(join(ROOT, 'content'), contentDir, { recursive: true });
    else await cp(join(scratch, `run-${ingestMs.length - 1}`), contentDir, { recursive: true });
    await rm(scratch, { recursive: true, force: true });

    const strings =
      spec.kind === 'seed'
        ? loadFixtureCitations().map((f) => f.citation)
        : sources.flatMap((s) => s.citations);
    const rates = parseRates(strings);
    log(
      `${spec.label} parseCitation: ${count(median(rates.cpu))} strings per CPU second over ${count(strings.length)} strings`,
    );

    const slugs = (await readdir(join(contentDir, 'reviews'))).sort();
    const firstSlug = spec.kind === 'seed' ? SEED_REVIEW : (sources[0]?.slug ?? slugs[0] ?? '');
    const { builds, checks, dist, caches, measured } = await buildRuns(spec.label, project, firstSlug, () =>
      measureSite(spec, join(project, 'dist'), contentDir, references, firstSlug),
    );
    const result: SizeResult = {
      label: spec.label,
      synthetic: spec.kind === 'synthetic',
      reviews: slugs.length,
      references,
      ingestMs,
      parseRates: rates.cpu,
      parseRatesWall: rates.wall,
      parsedStrings: strings.length,
      builds,
      dist,
      checks,
      ...(caches ? { caches } : {}),
      ...(measured ?? { reviewPages: [] }),
    };
    await rm(project, { recursive: true, force: true });

    if (!values['no-floor']) {
      const pages = dist.htmlPages;
      const floor = await makeFloorProject(ROOT, pages);
      try {
        const pairs = await repeat(`${spec.label} floor (${pages} pages)`, async () => ({
          cold: await runBuild(floor, { cold: true }),
          warm: await runBuild(floor, { cold: false }),
        }));
        result.floor = { pages, cold: pairs.map((p) => p.cold), warm: pairs.map((p) => p.warm) };
      } finally {
        await rm(floor, { recursive: true, force: true });
      }
    }
    return { result, firstIngest };
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await rm(project, { recursive: true, force: true });
  }
}

const checkoutCachesBefore = await checkoutCacheState(ROOT);
const parserStrings = syntheticLibrary(PARSER_LIBRARY.reviews, PARSER_LIBRARY.referencesEach).flatMap(
  (s) => s.citations,
);
const parserRates = parseRates(parserStrings);
const parser: ParserRate = { strings: parserStrings.length, ...parserRates };
log(
  `parseCitation: ${count(median(parser.cpu))} strings per CPU second over ${count(parser.strings)} strings`,
);

const results: SizeResult[] = [];
const sections: string[] = [];
for (const spec of sizes) {
  log(`size ${spec.label}`);
  const { result, firstIngest } = await measureSize(spec);
  results.push(result);
  const section = [`### ${sizeHeading(spec)}`, '', table(sizeRows(result, firstIngest))].join('\n');
  sections.push(section);
  console.log(`${section}\n`);
}

const checkoutCachesAfter = await checkoutCacheState(ROOT);
const cacheWarning =
  checkoutCachesAfter === checkoutCachesBefore
    ? []
    : [
        `**Warning:** the checkout's own caches changed while the bench ran (a build wrote outside its temp copy, or something else built here): before ${checkoutCachesBefore}; after ${checkoutCachesAfter}.`,
        '',
      ];
const budgets = checkBudgets(results, parser);
const summary = summaryTable(results);
const flags = [
  values['no-lighthouse'] ? ' --no-lighthouse' : ` --lighthouse-runs ${lighthouseRuns}`,
  values['no-search'] ? ' --no-search' : '',
  values['no-floor'] ? ' --no-floor' : '',
].join('');
const output = [
  '# Lectern benchmark',
  '',
  `\`npm run bench -- --runs ${runs} --sizes ${sizes.map((s) => s.label).join(',')}${flags}\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; bench took ${ms(performance.now() - START)}; ` +
    `1-minute load average ${LOAD_AT_START.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end (other sessions share the machine). ` +
    `Each value is the median of the runs listed beside it (a size stops repeating once its builds would pass ${sizeSeconds} s). ` +
    'Builds run `npm run build` in a temp copy of the project whose `node_modules` links the packages but keeps its own caches. ' +
    "Each run builds cold (dist/, Astro's `node_modules/.astro` and `.astro`, Vite's caches and `node_modules/.cache` deleted), " +
    'rebuilds with nothing changed (caches kept, dist/ deleted as on a CI runner), then edits one review (a reference title in ' +
    '`references.json` and a sentence in the abstract) and rebuilds with caches kept. The floor (as many trivial Astro pages, ' +
    "same Pagefind step) is built cold and rebuilt the same way; both rebuilds are compared with the floor's rebuild. " +
    `Synthetic libraries are PubMed page texts from scripts/bench/synthetic-library.ts (generator seed 1; 1x300 is issue 11's \`syntheticReview(0, 300, 7)\`), ingested with the real ingest. ` +
    `The parser budget uses the ${count(parser.strings)} reference strings of the ${PARSER_LIBRARY.reviews}x${PARSER_LIBRARY.referencesEach} library, whatever sizes were built.`,
  '',
  ...cacheWarning,
  '## Summary',
  '',
  summary,
  '',
  ...sections.flatMap((s) => [s, '']),
  `## Budgets (${budgetTally(budgets)})`,
  '',
  budgetLines(budgets),
  '',
].join('\n');
console.log(
  `${cacheWarning.join('\n')}## Summary\n\n${summary}\n\n## Budgets (${budgetTally(budgets)})\n\n${budgetLines(budgets)}\n`,
);
const outFile = resolve(ROOT, values.out);
await mkdir(resolve(outFile, '..'), { recursive: true });
await writeFile(outFile, output);
log(`wrote ${outFile}`);

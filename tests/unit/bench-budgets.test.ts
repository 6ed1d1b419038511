import { describe, expect, it } from 'vitest';
import { parseSize, sizeHeading } from '../../scripts/bench/bench-sizes.ts';
import {
  floorRatio,
  growthPair,
  growthPerReference,
  medianTiming,
  type PagePoint,
} from '../../scripts/bench/build-ratios.ts';
import {
  BMC_REVIEW,
  budgetLines,
  budgetTally,
  checkBudgets,
  peakMemory,
  SEED_REVIEW,
  sizeRatios,
  type Budget,
  type ReviewPage,
  type SizeResult,
} from '../../scripts/bench/budgets.ts';
import { describeDiff, diffDigests, identical } from '../../scripts/bench/dist-digest.ts';
import { editAbstract, editReferenceTitle } from '../../scripts/bench/edit-review.ts';
import type { BuildRun } from '../../scripts/bench/measure-build.ts';
import type { QueryMeasure } from '../../scripts/bench/measure-search.ts';
import { readerText } from '../../scripts/bench/measure-page-weight.ts';
import { syntheticLibrary, syntheticReview } from '../../scripts/bench/synthetic-library.ts';

const KB = 1024;
const MB = 1024 * 1024;

function run(ms: number, cpuMs: number, treePeakRss = 500 * MB, failed?: string): BuildRun {
  return {
    ms,
    cpuMs,
    treePeakRss,
    log: '',
    load: 1,
    stages: [],
    ...(failed === undefined ? {} : { failed }),
  };
}

function page(slug: string, references: number, gzip: number, missingText: string[] = []): ReviewPage {
  const weight = { raw: gzip * 5, gzip, files: [] };
  return {
    slug,
    references,
    weight: {
      html: { ...weight, files: [`${slug}/index.html`] },
      css: { raw: 14 * KB, gzip: 3 * KB, files: ['a.css'] },
      js: { raw: 16 * KB, gzip: 7 * KB, files: ['../lectern-client.js'] },
      inlineStyleBytes: 0,
      inlineScriptBytes: 0,
      missingText,
      checkedText: 10,
    },
  };
}

function size(over: Partial<SizeResult> & Pick<SizeResult, 'label' | 'references'>): SizeResult {
  return {
    synthetic: over.label !== 'seed',
    reviews: 1,
    ingestMs: [50],
    parseRates: [30_000],
    parseRatesWall: [30_000],
    parsedStrings: over.references,
    builds: { cold: [run(8000, 9000)], warm: [run(3000, 3500)], changed: [run(3500, 4000)] },
    dist: { bytes: 1, files: 1, htmlPages: 10, pagefindBytes: 1, pagefindIndexBytes: 1 },
    reviewPages: [],
    ...over,
  };
}

const query = (q: string, ms: number, kb: number): QueryMeasure => ({
  query: q,
  ms,
  transferBytes: kb * KB,
  bodyBytes: kb * KB,
  results: 5,
  requests: 3,
});

const find = (budgets: readonly Budget[], start: string): Budget => {
  const b = budgets.find((x) => x.name.includes(start));
  if (!b) throw new Error(`no budget "${start}" in ${budgets.map((x) => x.name).join(' | ')}`);
  return b;
};

describe('bench sizes', () => {
  it('reads seed and <reviews>x<references>[@seed], with issue 11 300-reference review as 1x300', () => {
    expect(parseSize('seed')).toEqual({ label: 'seed', kind: 'seed' });
    expect(parseSize('1x300')).toMatchObject({ reviews: 1, referencesEach: 300, seed: 7 });
    expect(parseSize(' 1x300@3 ')).toMatchObject({ label: '1x300@3', seed: 3 });
    expect(parseSize('50x200')).toMatchObject({ reviews: 50, referencesEach: 200, seed: 1 });
    expect(() => parseSize('300')).toThrow(/unknown size/);
    expect(() => parseSize('0x10')).toThrow(/at least one/);
    expect(sizeHeading(parseSize('1x300'))).toBe('1 review x 300 references (generator seed 7)');
  });

  it("builds 1x300 from issue 11's review, syntheticReview(0, 300, 7)", () => {
    const spec = parseSize('1x300');
    if (spec.kind !== 'synthetic') throw new Error('1x300 is synthetic');
    const [review, ...others] = syntheticLibrary(spec.reviews, spec.referencesEach, spec.seed);
    expect(others).toEqual([]);
    expect(review).toEqual(syntheticReview(0, 300, 7));
    expect(review?.citations).toHaveLength(300);
  });
});

describe('floor ratios and growth', () => {
  it('divides the medians of the build runs by the medians of the floor runs', () => {
    const builds = [run(1000, 900), run(3000, 2700), run(2000, 1800)];
    const floor = [run(500, 300), run(400, 600)];
    expect(medianTiming(builds)).toEqual({ wallMs: 2000, cpuMs: 1800 });
    const r = floorRatio(builds, floor);
    expect(r.wall).toBeCloseTo(2000 / 450);
    expect(r.cpu).toBeCloseTo(1800 / 450);
    expect(floorRatio([{ ...run(1, 1), cpuMs: undefined } as unknown as BuildRun], floor).cpu).toBeNaN();
  });

  it('judges rebuilds against the floor rebuild and cold builds against the floor cold build', () => {
    const r = size({
      label: '50x200',
      references: 10_000,
      floor: { pages: 100, cold: [run(2000, 2000)], warm: [run(1000, 1000)] },
    });
    const ratios = sizeRatios(r);
    expect(ratios?.cold.cpu).toBeCloseTo(9000 / 2000);
    expect(ratios?.warm.cpu).toBeCloseTo(3500 / 1000);
    expect(ratios?.changed.cpu).toBeCloseTo(4000 / 1000);
    expect(sizeRatios(size({ label: '1x10', references: 10 }))).toBeUndefined();
  });

  it('takes peak memory as the largest median over the three kinds of build', () => {
    const r = size({
      label: '1x10',
      references: 10,
      builds: {
        cold: [run(1, 1, 900 * MB), run(1, 1, 700 * MB), run(1, 1, 800 * MB)],
        warm: [run(1, 1, 850 * MB)],
        changed: [],
      },
    });
    expect(peakMemory(r)).toBe(850 * MB);
  });

  it('measures growth between synthetic one-review pages, else from the seed review', () => {
    const p = (
      label: string,
      slug: string,
      references: number,
      gzip: number,
      synthetic = true,
    ): PagePoint => ({
      label,
      slug,
      references,
      gzip,
      synthetic,
    });
    const seed = p('seed', SEED_REVIEW, 5, 8 * KB, false);
    const bmc = p('seed', BMC_REVIEW, 64, 60 * KB, false);
    const r100 = p('1x100', 's1', 100, 20 * KB);
    const r300 = p('1x300', 's3', 300, 40 * KB);
    expect(growthPair([seed, bmc, r100, r300], SEED_REVIEW)).toEqual([r100, r300]);
    expect(growthPair([bmc, r300, seed], SEED_REVIEW)).toEqual([seed, r300]);
    expect(growthPair([seed, bmc], SEED_REVIEW)).toBeUndefined();
    expect(growthPair([r300], SEED_REVIEW)).toBeUndefined();
    expect(growthPerReference(r100, r300)).toBeCloseTo((20 * KB) / 200);
  });
});

describe('dist digests', () => {
  it('names the files that differ, vanished or appeared', () => {
    const a = new Map([
      ['index.html', '1'],
      ['a/index.html', '2'],
      ['gone.txt', '3'],
    ]);
    expect(identical(diffDigests(a, new Map(a)))).toBe(true);
    expect(describeDiff(diffDigests(a, new Map(a)))).toBe('identical (3 files)');
    const b = new Map([
      ['index.html', '1'],
      ['a/index.html', 'x'],
      ['new.txt', '4'],
    ]);
    const d = diffDigests(a, b);
    expect(d).toEqual({ files: 3, changed: ['a/index.html'], removed: ['gone.txt'], added: ['new.txt'] });
    expect(identical(d)).toBe(false);
    expect(describeDiff(d)).toBe('1 differ (a/index.html); 1 missing (gone.txt); 1 new (new.txt)');
  });
});

describe('the one-review edit', () => {
  it('appends a sentence to the first paragraph of the abstract, not to a heading', () => {
    const md = '---\ntitle: "T"\n---\n\n## Background\n\nFirst para\nstill first.\n\nSecond.\n';
    expect(editAbstract(md, 'Added.')).toBe(
      '---\ntitle: "T"\n---\n\n## Background\n\nFirst para\nstill first. Added.\n\nSecond.\n',
    );
    expect(editAbstract('---\na: 1\n---\nOnly.', 'Added.')).toBe('---\na: 1\n---\nOnly. Added.');
    expect(editAbstract('---\na: 1\n---\n', 'Added.')).toBe('---\na: 1\n---\n\nAdded.\n');
  });

  it("changes the first titled reference's title and nothing else", () => {
    const json = JSON.stringify([{ id: 'a' }, { id: 'b', title: 'STATs' }, { id: 'c', title: 'Other' }]);
    const { json: out, title } = editReferenceTitle(json, 'edited, run 1');
    expect(title).toBe('STATs (edited, run 1)');
    expect(JSON.parse(out)).toEqual([
      { id: 'a' },
      { id: 'b', title: 'STATs (edited, run 1)' },
      { id: 'c', title: 'Other' },
    ]);
    expect(() => editReferenceTitle('[{"id":"a"}]', 'x')).toThrow(/no reference with a title/);
  });
});

describe('reader text of Markdown', () => {
  it('drops inline tags and cuts at citation clusters', () => {
    expect(readerText('late promoter (*p*<sub>*R*</sub>) activity')).toEqual([
      'late promoter (*p**R*) activity',
    ]);
    expect(readerText('A model [@wang2003; @ryan2007] hypothesized [@x].')).toEqual([
      'A model',
      'hypothesized',
    ]);
  });
});

describe('budgets', () => {
  const seed = size({
    label: 'seed',
    references: 69,
    reviews: 2,
    ingestMs: [80, 120, 90],
    reviewPages: [page(SEED_REVIEW, 5, 7.8 * KB), page(BMC_REVIEW, 64, 31 * KB)],
    builds: { cold: [run(4000, 6000)], warm: [run(3000, 4000)], changed: [run(3000, 4000)] },
    lighthouse: [
      {
        page: SEED_REVIEW,
        scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
        failing: [],
      },
    ],
  });
  const r100 = size({ label: '1x100', references: 100, reviewPages: [page('s-100', 100, 12 * KB)] });
  const r300 = size({
    label: '1x300',
    references: 300,
    reviewPages: [page('s-300', 300, 40 * KB)],
    lighthouse: [
      {
        page: 's-300',
        scores: { performance: 97, accessibility: 100, 'best-practices': 100, seo: 100 },
        failing: ['performance: Largest Contentful Paint (80)'],
      },
    ],
  });
  const r1000 = size({
    label: '5x200',
    references: 1000,
    builds: { cold: [run(20_000, 30_000)], warm: [], changed: [] },
  });
  const big = size({
    label: '50x200',
    references: 10_000,
    reviews: 50,
    builds: {
      cold: [run(100_000, 120_000, 1.4 * 1024 * MB)],
      warm: [run(20_000, 30_000)],
      changed: [run(26_000, 36_000)],
    },
    floor: { pages: 10_101, cold: [run(20_000, 16_000)], warm: [run(18_000, 15_000)] },
    search: [
      [query('metastasis', 450, 280), query('STAT3', 90, 40), query('hypoxia', 120, 30)],
      [query('metastasis', 520, 280), query('STAT3', 80, 45), query('hypoxia', 60, 20)],
    ],
    checks: {
      edited: 's-001',
      warmDiff: { files: 3, changed: [], removed: [], added: [] },
      editMissing: [[]],
    },
  });
  const budgets = checkBudgets([seed, r100, r300, r1000, big], {
    strings: 10_000,
    cpu: [26_000, 24_000, 27_000],
    wall: [25_000],
  });

  it('judges review page weight, growth and Lighthouse on the 300-reference page', () => {
    expect(find(budgets, 'seed review page HTML <= 10 KB').status).toBe('pass');
    expect(find(budgets, 'BMC review page HTML <= 30 KB')).toMatchObject({ status: 'FAIL' });
    expect(find(budgets, '300-reference review page HTML <= 50 KB').status).toBe('pass');
    // (40 - 12) KB over 200 references = 0.14 KB.
    const growth = find(budgets, 'growth <= 0.15 KB');
    expect(growth.status).toBe('pass');
    expect(growth.measured).toMatch(/^0\.140 KB per reference: 1x100/);
    const lh = find(budgets, 'Lighthouse performance 100');
    expect(lh.status).toBe('FAIL');
    expect(lh.note).toContain('Largest Contentful Paint');
  });

  it('judges the 10,000-reference builds against the floor in CPU time', () => {
    // 120 / 16 = 7.5 <= 8; 30 / 15 = 2.0 <= 2; 36 / 15 = 2.4 <= 2.5.
    expect(find(budgets, 'cold build <= 8x').status).toBe('pass');
    expect(find(budgets, 'cold build <= 8x').measured).toMatch(/^7\.50x CPU time/);
    expect(find(budgets, 'nothing changed <= 2x').status).toBe('pass');
    expect(find(budgets, 'one review changed <= 2.5x').status).toBe('pass');
    expect(find(budgets, 'peak memory <= 1.5 GB').status).toBe('pass');
    expect(find(budgets, 'growth 1,000 -> 10,000').status).toBe('pass');
  });

  it('judges search on the first query of each session and the worst later query', () => {
    // Median first query: 485 ms, 280 KB; worst later: 120 ms.
    expect(find(budgets, 'search first query').status).toBe('pass');
    expect(find(budgets, 'search every later query')).toMatchObject({ status: 'FAIL' });
    expect(find(budgets, 'search every later query').measured).toMatch(
      /^worst 120 ms, worst 45\.0 KB over 4/,
    );
  });

  it('judges the parser against 25,000 strings per CPU second, and the standing issue-6 budgets', () => {
    expect(find(budgets, '>= 25,000 strings per CPU second')).toMatchObject({ issue: 10, status: 'pass' });
    expect(budgets.some((b) => b.name.includes('50,000'))).toBe(false);
    expect(find(budgets, 'seed ingest <= 100 ms').status).toBe('pass');
    expect(find(budgets, 'seed full `npm run build` <= 5 s').status).toBe('pass');
    expect(find(budgets, 'HTML + CSS <= 14 KB').status).toBe('pass');
    expect(find(budgets, 'Lighthouse 100 x 4').status).toBe('pass');
    expect(find(budgets, 'rebuild with nothing changed writes').status).toBe('pass');
    expect(find(budgets, 'shows the change').status).toBe('pass');
  });

  it('fails a ratio whose build failed, fails a stale rebuild, and says n/a for what was not measured', () => {
    const broken = checkBudgets([
      {
        ...big,
        builds: { ...big.builds, changed: [run(100, 100, 1, 'Error: boom')] },
        checks: {
          edited: 's-001',
          warmDiff: { files: 3, changed: ['s-001/index.html'], removed: [], added: [] },
          editMissing: [['Title (edited)']],
        },
      },
    ]);
    const changed = find(broken, 'one review changed <= 2.5x');
    expect(changed.status).toBe('FAIL');
    expect(changed.note).toContain('Error: boom');
    expect(find(broken, 'rebuild with nothing changed writes').status).toBe('FAIL');
    expect(find(broken, 'shows the change')).toMatchObject({
      status: 'FAIL',
      note: 'missing: "Title (edited)"',
    });
    expect(find(broken, 'seed review page HTML').status).toBe('n/a');
    expect(find(broken, 'Lighthouse performance 100').status).toBe('n/a');
    expect(find(broken, 'strings per CPU second').status).toBe('n/a');
    const nothing = checkBudgets([]);
    expect(nothing.every((b) => b.status === 'n/a')).toBe(true);
  });

  it('prints one list per issue, newest first, and a tally', () => {
    const text = budgetLines(budgets);
    expect(text.indexOf('### Issue 11')).toBe(0);
    expect(text.indexOf('### Issue 10')).toBeLessThan(text.indexOf('### Issue 6'));
    expect(text).toMatch(/^- \*\*FAIL\*\* BMC review page HTML <= 30 KB gzipped: 31\.0 KB gzipped/m);
    const pass = budgets.filter((b) => b.status === 'pass').length;
    expect(budgetTally(budgets)).toBe(`${pass} pass, ${budgets.length - pass} FAIL, 0 n/a`);
  });
});

/**
 * Lighthouse (the npm CLI) against pages of a built site served on loopback, in Debian's
 * Chromium, headless. Returns the four category scores (0-100) per page.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM } from '../../tests/helpers/browser.ts';
import { serveStatic } from '../../tests/helpers/static-server.ts';

const run = promisify(execFile);

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  page: string;
  /** Absent when the page is not in the build. */
  scores?: Record<Category, number>;
  /** Audits that cost points, for the report. */
  failing: string[];
  /** Lighthouse's own warnings, e.g. that the machine's CPU is slower than it expects. */
  warnings?: string[];
  /** The performance score of every run, in run order; `scores` is the median run's. */
  performanceRuns?: number[];
  error?: string;
}

interface LhReport {
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
}

/**
 * Audits each page `runs` times and keeps the run with the median performance score: on a
 * shared machine one busy moment can cost a single run 20 points.
 */
export async function measureLighthouse(
  dist: string,
  pages: string[],
  runs = 1,
): Promise<LighthouseResult[]> {
  const site = await serveStatic(dist, '/');
  try {
    const results: LighthouseResult[] = [];
    for (const page of pages) {
      if (!existsSync(join(dist, page, 'index.html'))) {
        results.push({ page, failing: [], error: 'not in the build' });
        continue;
      }
      const done: LighthouseResult[] = [];
      for (let i = 0; i < runs; i += 1) done.push(await auditOnce(`${site.url}${page}/`, page));
      const scored = done.filter((r) => r.scores !== undefined);
      if (scored.length === 0) {
        results.push(done.at(-1) ?? { page, failing: [], error: 'no run' });
        continue;
      }
      const performance = (r: LighthouseResult): number => r.scores?.performance ?? 0;
      const sorted = [...scored].sort((a, b) => performance(a) - performance(b));
      const median = sorted[Math.floor((sorted.length - 1) / 2)] as LighthouseResult;
      results.push({ ...median, performanceRuns: scored.map(performance) });
    }
    return results;
  } finally {
    await site.close();
  }
}

/** One audit, once more when Lighthouse's 1 s for the document's body ran out (busy machine). */
async function auditOnce(url: string, page: string): Promise<LighthouseResult> {
  const result = await audit(url, page);
  if (!result.error?.startsWith('PROTOCOL_TIMEOUT')) return result;
  const again = await audit(url, page);
  if (again.error !== undefined) again.error = `${again.error} (twice; first: ${result.error})`;
  return again;
}

async function audit(url: string, page: string): Promise<LighthouseResult> {
  // The report goes to a file: Lighthouse writes one even when it exits non-zero on a page it
  // could not finish (its runtimeError says why), and stdout would mix with its messages.
  const dir = await mkdtemp(join(tmpdir(), 'lectern-lighthouse-'));
  const output = join(dir, 'report.json');
  let failure: string | undefined;
  try {
    await run(
      'npx',
      [
        'lighthouse',
        url,
        '--output=json',
        `--output-path=${output}`,
        '--quiet',
        `--only-categories=${CATEGORIES.join(',')}`,
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
    );
  } catch (error) {
    const e = error as Error & { stderr?: string; killed?: boolean; code?: number | string };
    const stderr = (e.stderr ?? '').trim().split('\n').slice(-3).join(' ').trim();
    failure = e.killed ? 'timed out after 300 s' : `exit ${e.code ?? '?'}${stderr ? `: ${stderr}` : ''}`;
  }
  try {
    if (!existsSync(output)) return { page, failing: [], error: failure ?? 'no report' };
    const report = JSON.parse(await readFile(output, 'utf8')) as LhReport;
    const warnings = report.runWarnings ?? [];
    if (report.runtimeError) {
      return {
        page,
        failing: [],
        warnings,
        error: `${report.runtimeError.code}: ${report.runtimeError.message}`,
      };
    }
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]),
    ) as Record<Category, number>;
    const failing = CATEGORIES.flatMap((c) =>
      (report.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => report.audits[ref.id])
        .filter(
          (a) => a !== undefined && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative',
        )
        .map((a) => `${c}: ${a?.title ?? ''} (${Math.round((a?.score ?? 0) * 100)})`),
    );
    return { page, scores, failing, warnings };
  } catch (error) {
    return { page, failing: [], error: failure ?? (error as Error).message.split('\n')[0] ?? 'failed' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

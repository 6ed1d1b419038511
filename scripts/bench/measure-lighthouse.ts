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
  error?: string;
}

interface LhReport {
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
}

export async function measureLighthouse(dist: string, pages: string[]): Promise<LighthouseResult[]> {
  const site = await serveStatic(dist, '/');
  try {
    const results: LighthouseResult[] = [];
    for (const page of pages) {
      if (!existsSync(join(dist, page, 'index.html'))) {
        results.push({ page, failing: [], error: 'not in the build' });
        continue;
      }
      let result = await audit(`${site.url}${page}/`, page);
      // Lighthouse gives the main document's body 1 s (MainDocumentContent); a busy machine and a
      // large page miss it now and then, and the whole audit ends in PROTOCOL_TIMEOUT. Once more.
      if (result.error?.startsWith('PROTOCOL_TIMEOUT')) {
        const first = result.error;
        result = await audit(`${site.url}${page}/`, page);
        if (result.error !== undefined) result.error = `${result.error} (twice; first: ${first})`;
      }
      results.push(result);
    }
    return results;
  } finally {
    await site.close();
  }
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

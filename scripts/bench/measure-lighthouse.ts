/**
 * Lighthouse (the npm CLI) against pages of a built site served on loopback, in Debian's
 * Chromium, headless. Returns the four category scores (0-100) per page.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
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
  error?: string;
}

interface LhReport {
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
      results.push(await audit(`${site.url}${page}/`, page));
    }
    return results;
  } finally {
    await site.close();
  }
}

async function audit(url: string, page: string): Promise<LighthouseResult> {
  try {
    const { stdout } = await run(
      'npx',
      [
        'lighthouse',
        url,
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        `--only-categories=${CATEGORIES.join(',')}`,
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 256 * 1024 * 1024, timeout: 180_000 },
    );
    const report = JSON.parse(stdout) as LhReport;
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
    return { page, scores, failing };
  } catch (error) {
    return { page, failing: [], error: (error as Error).message.split('\n')[0] ?? 'failed' };
  }
}

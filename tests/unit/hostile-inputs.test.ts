/**
 * Every input of the hostile corpus (tests/hostile/make-corpus.ts) through the ingest, each with a
 * time limit: it either ingests correctly (the content is checked) or is refused with one line
 * naming the file, the line or element, and what was expected. Never a hang, a crash with a stack
 * trace, a partly changed `content/`, or a stray staging folder. `ingestFile` runs in a worker
 * thread (so a hang can be stopped); a sample also goes through the real CLI.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ingestFile } from '../../src/lib/ingest.ts';
import { DEFAULT_LIMIT_MS, hostileCorpus, type HostileCase } from '../hostile/make-corpus.ts';
import type { IngestAnswer, IngestRequest } from '../hostile/ingest-worker.ts';

const SEED = 'content/sources/bournazou-2013-jakstat.pubmed.txt';
const corpus = hostileCorpus();

let work: string;
/** A content folder holding the seed review, copied as the starting point of every case. */
let baseline: string;
let runner: IngestRunner;

/** One worker thread running `ingestFile`; replaced when a run exceeds its time limit. */
class IngestRunner {
  private worker = this.spawn();

  private spawn(): Worker {
    return new Worker(new URL('../hostile/ingest-worker.ts', import.meta.url));
  }

  async run(request: IngestRequest, limitMs: number): Promise<IngestAnswer | 'timeout'> {
    const worker = this.worker;
    const answer = await new Promise<IngestAnswer | 'timeout'>((resolve, reject) => {
      const timer = setTimeout(() => resolve('timeout'), limitMs);
      const onError = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      worker.once('error', onError);
      worker.once('message', (message: IngestAnswer) => {
        clearTimeout(timer);
        worker.off('error', onError);
        resolve(message);
      });
      worker.postMessage(request);
    });
    if (answer === 'timeout') {
      await worker.terminate();
      this.worker = this.spawn();
    }
    return answer;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Every file below `dir` (relative path -> sha256), entries starting with "." included. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const key = relative(dir, path);
    if (entry.isFile())
      files.set(
        key,
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      );
    else if (entry.isDirectory()) files.set(`${key}/`, 'dir');
  }
  return files;
}

function strayEntries(files: Map<string, string>): string[] {
  return [...files.keys()].filter((path) => /(^|\/)\.(staging|retired)-/.test(path));
}

async function filesOf(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lectern-hostile-'));
  await mkdir(join(work, 'in'));
  for (const c of corpus) await writeFile(join(work, 'in', c.name), c.bytes());
  baseline = join(work, 'baseline');
  await ingestFile(SEED, { out: baseline });
  runner = new IngestRunner();
  // The worker's first ingest loads the parsers; that start-up is not the first case's time.
  await runner.run({ file: SEED, out: join(work, 'warm-up') }, 120_000);
}, 180_000);

afterAll(async () => {
  await runner.close();
  await rm(work, { recursive: true, force: true });
});

describe('the hostile corpus', () => {
  it('holds at least 100 inputs with unique names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });
});

/** The refusal as the CLI prints it: one line, the file, the line or element, "expected …". */
function checkRefusal(c: HostileCase, message: string): void {
  expect(message).not.toMatch(/\n/);
  expect(message).toContain(c.name);
  const fileLevel = /at most 32 MiB/.test(message);
  if (!fileLevel) expect(message).toMatch(new RegExp(`${c.name.replace(/\./g, '\\.')}:\\d+: expected `));
  else expect(message).toMatch(/: expected /);
  if (c.expected) expect(message).toMatch(c.expected);
}

async function checkContent(c: HostileCase, out: string, slug: string, sourceName: string): Promise<void> {
  const dir = join(out, 'reviews', slug);
  const names = (await readdir(dir)).sort();
  for (const name of ['.ingest-manifest.json', 'index.md', 'references.json', 'report.json']) {
    expect(names).toContain(name);
  }
  await expect(readFile(join(out, 'sources', sourceName))).resolves.toBeDefined();
  const index = await readFile(join(dir, 'index.md'), 'utf8');
  const front = /^---\n([^]*?)\n---\n/.exec(index)?.[1];
  expect(front).toBeDefined();
  const meta = parseYaml(front ?? '') as { title: string };
  const references = JSON.parse(await readFile(join(dir, 'references.json'), 'utf8')) as unknown[];
  const figures = names.includes('figures') ? (await readdir(join(dir, 'figures'))).length : 0;
  const expected = c.content ?? {};
  if (expected.title !== undefined) expect(meta.title).toBe(expected.title);
  if (expected.titleIsPrefixOf !== undefined) {
    expect(meta.title.length).toBeGreaterThan(0);
    expect(expected.titleIsPrefixOf.startsWith(meta.title)).toBe(true);
  }
  if (expected.references !== undefined) expect(references).toHaveLength(expected.references);
  if (expected.maxReferences !== undefined) {
    expect(references.length).toBeLessThanOrEqual(expected.maxReferences);
  }
  if (expected.figures !== undefined) expect(figures).toBe(expected.figures);
  for (const text of expected.indexIncludes ?? []) expect(index).toContain(text);
}

async function checkNowhere(c: HostileCase, out: string): Promise<void> {
  for (const text of c.content?.nowhere ?? []) {
    for (const file of await filesOf(out)) expect(await readFile(file, 'utf8')).not.toContain(text);
  }
}

describe.each(corpus)('ingest of $name ($what)', (c) => {
  const limit = c.limitMs ?? DEFAULT_LIMIT_MS;
  it(
    `${c.outcome === 'refused' ? 'is refused' : c.outcome === 'ingested' ? 'ingests' : 'ingests or is refused'} within ${limit / 1000} s`,
    async () => {
      const out = join(work, 'out', c.name);
      await cp(baseline, out, { recursive: true });
      const before = await snapshot(out);
      const started = performance.now();
      const answer = await runner.run(
        { file: join(work, 'in', c.name), out, ...(c.format ? { format: c.format } : {}) },
        limit,
      );
      const elapsed = performance.now() - started;
      expect(answer, `no answer within ${limit} ms`).not.toBe('timeout');
      if (answer === 'timeout') return;
      expect(elapsed).toBeLessThan(limit);
      const after = await snapshot(out);
      expect(strayEntries(after)).toEqual([]);

      if (!answer.ok) {
        expect(answer.error.known, `crashed: ${answer.error.stack ?? answer.error.message}`).toBe(true);
        expect(c.outcome, `refused: ${answer.error.message}`).not.toBe('ingested');
        checkRefusal(c, answer.error.message);
        // Nothing written, nothing removed: content/ is byte for byte what it was.
        expect(after).toEqual(before);
      } else {
        expect(c.outcome, `ingested ${JSON.stringify(answer.summaries)}`).not.toBe('refused');
        expect(answer.summaries.length).toBeGreaterThan(0);
        const [first] = answer.summaries;
        if (first) await checkContent(c, out, first.slug, c.name);
        // Reviews the source does not hold are untouched.
        const slugs = new Set(answer.summaries.map((s) => s.slug));
        for (const [path, hash] of before) {
          const review = /^reviews\/([^/]+)\//.exec(path)?.[1];
          if (review === undefined || slugs.has(review)) continue;
          expect(after.get(path), path).toBe(hash);
        }
      }
      await checkNowhere(c, out);
      await rm(out, { recursive: true, force: true });
    },
    limit + 30_000,
  );
});

const run = (file: string, args: string[], timeout: number) =>
  new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [file, ...args],
      { timeout, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: number | string; signal?: string }) | null;
        resolve({
          code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          signal: failure?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });

describe('npm run ingest on a sample of the corpus', () => {
  for (const c of corpus.filter((x) => x.cli)) {
    // Plus the start of a Node process that loads the parsers.
    const limit = (c.limitMs ?? DEFAULT_LIMIT_MS) + 15_000;
    it(
      `${c.name}: ${c.outcome === 'refused' ? 'exits 1 with one line' : 'exits 0 with a summary'}`,
      async () => {
        const out = join(work, 'cli', c.name);
        await cp(baseline, out, { recursive: true });
        const before = await snapshot(out);
        const args = [join(work, 'in', c.name), '--out', out, ...(c.format ? ['--format', c.format] : [])];
        const result = await run('scripts/ingest.ts', args, limit);
        expect(result.signal, 'killed at the time limit').toBeNull();
        expect(result.stderr).not.toMatch(/\n\s+at /);
        if (c.outcome === 'refused') {
          expect(result.code).toBe(1);
          const lines = result.stderr.trim().split('\n');
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(/^ingest failed: /);
          checkRefusal(c, (lines[0] ?? '').replace(/^ingest failed: /, ''));
          expect(await snapshot(out)).toEqual(before);
        } else {
          expect(result.code, result.stderr).toBe(0);
          expect(result.stdout).toMatch(/references\s+\d+/);
          expect(strayEntries(await snapshot(out))).toEqual([]);
        }
      },
      limit + 30_000,
    );
  }
});

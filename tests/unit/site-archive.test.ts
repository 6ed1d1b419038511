/**
 * The site zip's cache (src/integrations/archive-cache.ts): a rebuild takes the compressed
 * bytes of unchanged files from the last zip and still writes the zip a cold build writes,
 * byte for byte; a changed file is compressed again; a broken cache is only a slower build.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_ARCHIVE, writeSiteArchive } from '../../src/integrations/file-protocol.ts';
import { unzip } from '../helpers/read-zip.ts';

let work: string;
let dist: string;
let cache: string;

const page = (n: number): string =>
  `<!doctype html><title>Page ${n}</title>${'<p>Some repeated text of a page. </p>'.repeat(40 + n)}`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lectern-archive-'));
  dist = join(work, 'dist');
  cache = join(work, 'cache');
  await mkdir(join(dist, 'review', 'references', 'a1'), { recursive: true });
  await writeFile(join(dist, 'index.html'), page(0));
  await writeFile(join(dist, 'review', 'index.html'), page(1));
  await writeFile(join(dist, 'review', 'references', 'a1', 'index.html'), page(2));
  // An entry's own export stays out of the zip; a tiny file is stored, not deflated.
  await writeFile(join(dist, 'review', 'references', 'a1.bib'), '@article{a1}\n');
  await writeFile(join(dist, 'tiny.txt'), 'x');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the site zip with its cache', () => {
  it('writes the same bytes with and without the cache, reusing every unchanged file', async () => {
    const cold = await writeSiteArchive(dist);
    const coldZip = await readFile(join(dist, SITE_ARCHIVE));
    expect(cold).toMatchObject({ files: 4, reused: 0 });
    expect([...unzip(coldZip).keys()]).toEqual([
      'lectern-site/index.html',
      'lectern-site/review/index.html',
      'lectern-site/review/references/a1/index.html',
      'lectern-site/tiny.txt',
    ]);
    expect(unzip(coldZip).get('lectern-site/review/index.html')?.toString()).toBe(page(1));

    expect((await writeSiteArchive(dist, cache)).reused).toBe(0);
    expect((await readFile(join(dist, SITE_ARCHIVE))).equals(coldZip)).toBe(true);
    expect((await writeSiteArchive(dist, cache)).reused).toBe(4);
    expect((await readFile(join(dist, SITE_ARCHIVE))).equals(coldZip)).toBe(true);
  });

  it('compresses a changed file again and matches a cold build of the changed site', async () => {
    await writeFile(join(dist, 'review', 'index.html'), page(7));
    const warm = await writeSiteArchive(dist, cache);
    expect(warm.reused).toBe(3);
    const warmZip = await readFile(join(dist, SITE_ARCHIVE));
    expect(unzip(warmZip).get('lectern-site/review/index.html')?.toString()).toBe(page(7));
    await writeSiteArchive(dist);
    expect((await readFile(join(dist, SITE_ARCHIVE))).equals(warmZip)).toBe(true);
  });

  it('starts afresh from a cache it cannot read', async () => {
    await writeFile(join(cache, 'archive.json'), '{not json');
    const result = await writeSiteArchive(dist, cache);
    expect(result.reused).toBe(0);
    expect(unzip(await readFile(join(dist, SITE_ARCHIVE))).size).toBe(4);
    // A cache whose zip was cut short: entries outside it are compressed again.
    expect((await writeSiteArchive(dist, cache)).reused).toBe(4);
    await writeFile(join(cache, 'archive.zip'), (await readFile(join(cache, 'archive.zip'))).subarray(0, 40));
    expect((await writeSiteArchive(dist, cache)).reused).toBeLessThan(4);
    expect(
      unzip(await readFile(join(dist, SITE_ARCHIVE)))
        .get('lectern-site/tiny.txt')
        ?.toString(),
    ).toBe('x');
  });
});

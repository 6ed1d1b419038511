import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCrossref } from '../../src/lib/net/crossref.ts';
import { createEutils, doiSearchTerm } from '../../src/lib/net/eutils.ts';
import {
  createHttpClient,
  MalformedResponseError,
  NetworkError,
  type Clock,
  type HttpClientOptions,
} from '../../src/lib/net/http-client.ts';
import { REPLAY_DIR, startReplayServer, type ReplayServer } from '../helpers/replay-server.ts';

/** A clock that never waits: sleeping moves time forward at once, and every sleep is recorded. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

let server: ReplayServer;
let clock: ReturnType<typeof fakeClock>;
/** Clock time at which each request was handed to fetch. */
let sentAt: number[];

beforeEach(async () => {
  server = await startReplayServer();
  clock = fakeClock();
  sentAt = [];
});
afterEach(async () => {
  await server.close();
});

function client(options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    baseUrls: {
      'https://eutils.ncbi.nlm.nih.gov': server.origin,
      'https://pmc.ncbi.nlm.nih.gov': server.origin,
      'https://api.crossref.org': server.origin,
    },
    requestsPerSecond: 3,
    timeoutMs: 5_000,
    retries: 2,
    userAgent: 'lectern-test/0.1 (mailto:test@example.org)',
    clock,
    random: () => 0.5,
    fetch: (input, init) => {
      // Loopback only: a request meant for a real host would be a bug in the test set-up.
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith('http://127.0.0.1:')) throw new Error(`not loopback: ${url}`);
      sentAt.push(clock.now());
      return fetch(input, init);
    },
    ...options,
  });
}

const ESEARCH = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi';

describe('http client: rate limit', () => {
  for (const perSecond of [3, 10]) {
    it(`never starts more than ${perSecond} requests in any second`, async () => {
      const http = client({ requestsPerSecond: perSecond });
      await Promise.all(
        Array.from({ length: perSecond * 3 + 2 }, () =>
          http.get(ESEARCH, { params: { db: 'pubmed', term: 'x' } }),
        ),
      );
      expect(sentAt).toHaveLength(perSecond * 3 + 2);
      for (let i = 0; i + perSecond < sentAt.length; i += 1) {
        expect((sentAt[i + perSecond] ?? 0) - (sentAt[i] ?? 0)).toBeGreaterThanOrEqual(1000);
      }
      // …and does not wait needlessly: the first burst goes at once.
      expect(sentAt.slice(0, perSecond)).toEqual(Array.from({ length: perSecond }, () => 0));
      expect(http.requestCount).toBe(perSecond * 3 + 2);
    });
  }

  it('counts retries against the limit', async () => {
    server.script(
      'esearch-no-match',
      ...Array.from({ length: 4 }, () => ({ kind: 'respond' as const, status: 503 })),
    );
    const http = client({ requestsPerSecond: 3, retries: 4, backoffMs: 1 });
    await http.get(ESEARCH, { params: { db: 'pubmed', term: 'x' } });
    expect(sentAt).toHaveLength(5);
    expect((sentAt[3] ?? 0) - (sentAt[0] ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});

describe('http client: retries', () => {
  it('retries a 429 after the Retry-After delay, then succeeds', async () => {
    server.script('esearch-no-match', { kind: 'respond', status: 429, headers: { 'retry-after': '7' } });
    const response = await client().get(ESEARCH, { params: { db: 'pubmed', term: 'x' } });
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(2);
    expect(server.hits('esearch-no-match')).toBe(2);
    expect(clock.sleeps).toContain(7000);
  });

  it('backs off exponentially with jitter on 5xx', async () => {
    server.script(
      'esearch-no-match',
      { kind: 'respond', status: 500 },
      { kind: 'respond', status: 502 },
      { kind: 'respond', status: 503 },
    );
    const random = [0, 0.999, 0.5];
    const response = await client({ retries: 3, backoffMs: 100, random: () => random.shift() ?? 0 }).get(
      ESEARCH,
      {
        params: { db: 'pubmed', term: 'x' },
      },
    );
    expect(response.attempts).toBe(4);
    // Window [base·2^(n-1)/2, base·2^(n-1)]: 50 (jitter 0), ~200 (jitter ~1), 300 (jitter 0.5).
    const backoffs = clock.sleeps.filter((ms) => ms < 1000);
    expect(backoffs[0]).toBe(50);
    expect(backoffs[1]).toBeCloseTo(199.9, 0);
    expect(backoffs[2]).toBe(300);
  });

  it('gives up after the allowed retries with a clear error', async () => {
    server.script(
      'esearch-no-match',
      ...Array.from({ length: 3 }, () => ({ kind: 'respond' as const, status: 500 })),
    );
    const error = await client({ retries: 2 })
      .get(ESEARCH, { params: { db: 'pubmed', term: 'x', api_key: 'secret-key' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const e = error as NetworkError;
    expect(e.status).toBe(500);
    expect(e.attempts).toBe(3);
    expect(e.failure).toBe('http');
    expect(e.message).toMatch(
      /^127\.0\.0\.1:\d+ answered HTTP 500 \[GET http:\/\/127\.0\.0\.1:\d+\/entrez\/eutils\/esearch\.fcgi\?/,
    );
    expect(e.message).toContain('3 attempts');
    // The API key never appears in an error.
    expect(e.message).not.toContain('secret-key');
    expect(e.url).not.toContain('secret-key');
    expect(server.hits('esearch-no-match')).toBe(3);
  });

  it('does not retry a 4xx other than 429', async () => {
    server.script('esearch-no-match', { kind: 'respond', status: 400, body: '{"error":"bad"}' });
    const error = (await client()
      .get(ESEARCH, { params: { db: 'pubmed', term: 'x' } })
      .catch((e: unknown) => e)) as NetworkError;
    expect(error.status).toBe(400);
    expect(error.attempts).toBe(1);
  });

  it('stops when Retry-After asks for longer than it will wait', async () => {
    server.script('esearch-no-match', { kind: 'respond', status: 429, headers: { 'retry-after': '3600' } });
    const error = (await client({ maxDelayMs: 60_000 })
      .get(ESEARCH, { params: { db: 'pubmed', term: 'x' } })
      .catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('retry after 3600 s');
  });

  it('times out a request that never answers, and retries it', async () => {
    server.script('esearch-no-match', { kind: 'hang' });
    const response = await client({ timeoutMs: 300, retries: 1 }).get(ESEARCH, {
      params: { db: 'pubmed', term: 'x' },
    });
    expect(response.attempts).toBe(2);
  });

  it('reports a timeout when retries run out', async () => {
    server.script('esearch-no-match', { kind: 'hang' });
    const error = (await client({ timeoutMs: 300, retries: 0 })
      .get(ESEARCH, { params: { db: 'pubmed', term: 'x' } })
      .catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.failure).toBe('timeout');
    expect(error.message).toMatch(/^timed out after 300 ms waiting for 127\.0\.0\.1:\d+/);
  });

  it('retries a dropped connection, and names it when retries run out', async () => {
    server.script('esearch-no-match', { kind: 'drop' });
    expect((await client().get(ESEARCH, { params: { db: 'pubmed', term: 'x' } })).attempts).toBe(2);

    server.script('esearch-no-match', { kind: 'drop' });
    const error = (await client({ retries: 0 })
      .get(ESEARCH, { params: { db: 'pubmed', term: 'x' } })
      .catch((e: unknown) => e)) as NetworkError;
    expect(error.failure).toBe('dropped');
    expect(error.message).toMatch(/^connection to 127\.0\.0\.1:\d+ failed before a complete answer/);
  });

  it('says "no network" when nothing listens (connection refused)', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));

    const error = (await client({ retries: 1 })
      .get(`http://127.0.0.1:${port}/entrez/eutils/esearch.fcgi`)
      .catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.failure).toBe('offline');
    expect(error.attempts).toBe(2);
    expect(error.message).toMatch(
      new RegExp(`^no network: could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`),
    );
  });
});

describe('E-utilities', () => {
  const eutils = () => createEutils({ client: client(), email: 'dev@example.org', apiKey: 'k3y' });

  it('efetches PubMed XML with tool, email and api_key', async () => {
    const [doc, ...rest] = await eutils().efetchPubmed(['36400559', '2930949', '11446611', '28786991']);
    expect(rest).toEqual([]);
    expect(doc?.match(/<PubmedArticle>/g)).toHaveLength(4);
    const query = server.requests[0]?.query;
    expect(query?.get('tool')).toBe('lectern');
    expect(query?.get('email')).toBe('dev@example.org');
    expect(query?.get('api_key')).toBe('k3y');
    expect(query?.get('retmode')).toBe('xml');
  });

  it('splits efetch into batches of at most 200 ids', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => String(1000 + i));
    const docs = await eutils().efetchPubmed(ids);
    expect(docs).toHaveLength(3);
    expect(server.requests.map((r) => r.query.get('id')?.split(',').length)).toEqual([200, 200, 50]);
  });

  it('efetches PMC XML by PMCID', async () => {
    const [doc] = await eutils().efetchPmc(['PMC8435807']);
    expect(doc).toContain('<pmc-articleset>');
    expect(server.requests[0]?.query.get('db')).toBe('pmc');
  });

  it('finds the PMID of a DOI with esearch', async () => {
    const result = await eutils().esearchPubmed(doiSearchTerm('10.1126/science.277.5332.1630'));
    expect(result).toEqual({ count: 1, ids: ['9287210'] });
  });

  it('converts ids with the ID converter, keeping error records', async () => {
    const records = await eutils().idconv(['29618526', '10.1126/science.277.5332.1630', 'not-an-id']);
    expect(records).toEqual([
      { requestedId: '29618526', pmid: '29618526', pmcid: 'PMC5938574', doi: '10.1098/rsif.2017.0387' },
      { requestedId: '10.1126/science.277.5332.1630', error: 'Identifier not found in PMC' },
      { requestedId: 'not-an-id', error: 'not a PMID, PMCID or DOI' },
    ]);
    // One call per id type, each with its idtype.
    expect(server.requests.map((r) => r.query.get('idtype'))).toEqual(['pmid', 'doi']);
  });

  it('matches citations with ECitMatch, one result per citation', async () => {
    const results = await eutils().ecitmatch([
      {
        journal: 'j imaginary res',
        year: '2001',
        volume: '1',
        firstPage: '1',
        author: 'nobody a',
        key: 'ref1',
      },
      {
        journal: 'science',
        year: '1987',
        volume: '235',
        firstPage: '182',
        author: 'palmenberg ac',
        key: 'ref2',
      },
    ]);
    expect(results).toEqual([
      { key: 'ref1', status: 'not-found', detail: 'NOT_FOUND;INVALID_JOURNAL' },
      { key: 'ref2', status: 'found', pmid: '3026048' },
    ]);
  });
});

describe('Crossref', () => {
  const crossref = () => createCrossref({ client: client(), mailto: 'dev@example.org' });

  it('returns the work message of a DOI', async () => {
    const work = await crossref().crossrefWork('10.1098/rsif.2017.0387');
    expect(work?.DOI).toBe('10.1098/rsif.2017.0387');
    expect(work?.title).toEqual(['Opportunities and obstacles for deep learning in biology and medicine']);
    expect(work?.author?.[0]?.family).toBe('Ching');
    expect(server.requests[0]?.query.get('mailto')).toBe('dev@example.org');
  });

  it('returns undefined for an unknown DOI (404), and encodes the DOI in the path', async () => {
    const sici = '10.1002/(SICI)1097-0274(199601)29:1<23::AID-AJIM4>3.0.CO;2-#';
    expect(await crossref().crossrefWork(sici)).toBeUndefined();
    expect(server.requests[0]?.path).toBe(`/works/${sici}`);
    expect(server.requests[0]?.query.get('mailto')).toBe('dev@example.org');
  });
});

describe('malformed answers', () => {
  const eutils = () => createEutils({ client: client() });
  const html =
    '<!DOCTYPE html><html><head><title>Service unavailable</title></head><body>Try later</body></html>';

  async function failure(promise: Promise<unknown>): Promise<MalformedResponseError> {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    return error as MalformedResponseError;
  }

  it('an HTML error page instead of efetch XML', async () => {
    server.script('efetch-pubmed-any', { kind: 'respond', status: 200, body: html });
    const error = await failure(eutils().efetchPubmed(['1']));
    expect(error.message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/entrez\/eutils\/efetch\.fcgi\?db=pubmed&id=1.*: expected an XML document with root <PubmedArticleSet> \(found: "<!DOCTYPE html>/,
    );
  });

  it('efetch XML cut off halfway', async () => {
    const full = readFileSync(join(REPLAY_DIR, '../external/biopython__pubmed7.xml'), 'utf8');
    server.script('efetch-pubmed-any', { kind: 'respond', status: 200, body: full.slice(0, 5000) });
    const error = await failure(eutils().efetchPubmed(['1']));
    expect(error.message).toContain(
      'expected an XML document with root <PubmedArticleSet>; it is not well-formed',
    );
  });

  it('efetch XML with the wrong root', async () => {
    server.script('efetch-pubmed-any', {
      kind: 'respond',
      status: 200,
      body: '<?xml version="1.0"?><eFetchResult><ERROR>Empty id list</ERROR></eFetchResult>',
    });
    const error = await failure(eutils().efetchPubmed(['1']));
    expect(error.message).toContain(
      'expected an XML document with root <PubmedArticleSet> (found: "<eFetchResult>")',
    );
  });

  it('ID converter JSON cut off', async () => {
    server.script('idconv-pmid-ching', {
      kind: 'respond',
      status: 200,
      body: '{"status": "ok", "records": [{"pmid": "2961',
    });
    const error = await failure(eutils().idconv(['29618526']));
    expect(error.expected).toContain('the JSON is incomplete or invalid');
    expect(error.url).toContain('/tools/idconv/api/v1/articles/?ids=29618526');
  });

  it('ID converter JSON of the wrong shape', async () => {
    server.script('idconv-pmid-ching', {
      kind: 'respond',
      status: 200,
      body: '{"status": "ok", "result": {}}',
    });
    const error = await failure(eutils().idconv(['29618526']));
    expect(error.message).toContain('expected an ID converter JSON answer with a "records" array');
  });

  it('esearch answering HTML', async () => {
    server.script('esearch-no-match', { kind: 'respond', status: 200, body: html });
    const error = await failure(eutils().esearchPubmed('x'));
    expect(error.expected).toContain('esearch JSON');
  });

  it('ECitMatch lines without the key', async () => {
    server.script('ecitmatch-two', { kind: 'respond', status: 200, body: 'Internal error\n' });
    const error = await failure(
      eutils().ecitmatch([
        {
          journal: 'j imaginary res',
          year: '2001',
          volume: '1',
          firstPage: '1',
          author: 'nobody a',
          key: 'ref1',
        },
        {
          journal: 'science',
          year: '1987',
          volume: '235',
          firstPage: '182',
          author: 'palmenberg ac',
          key: 'ref2',
        },
      ]),
    );
    expect(error.expected).toContain('ECitMatch lines');
  });

  it('Crossref JSON of the wrong shape', async () => {
    server.script('crossref-ching', {
      kind: 'respond',
      status: 200,
      body: '{"status":"ok","message-type":"work","message":{"DOI":"10.1098/rsif.2017.0387","author":"Ching T"}}',
    });
    const error = await failure(
      createCrossref({ client: client(), mailto: 'dev@example.org' }).crossrefWork('10.1098/rsif.2017.0387'),
    );
    expect(error.message).toContain('expected a Crossref JSON answer');
  });
});

import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAgainst } from '../helpers/loopback-services.ts';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server.ts';

let replay: ReplayServer;

beforeAll(async () => {
  replay = await startReplayServer();
  // PMC holds this article without XML full text: efetch answers with an empty set.
  replay.addRoute({
    name: 'efetch-pmc-empty',
    method: 'GET',
    path: '/entrez/eutils/efetch.fcgi',
    query: { db: 'pmc', id: '6022861' },
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: '<?xml version="1.0"?>\n<pmc-articleset></pmc-articleset>\n',
  });
});
afterAll(() => replay.close());

/** An origin on loopback where nothing listens, so every connection is refused at once. */
async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 1}`;
}

describe('npm run ingest -- --pmid', () => {
  it('fetches the PubMed record, keeps it in content/sources and ingests it; offline re-runs give the same files', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'lectern-online-')), 'content');
    const online = await ingestAgainst(replay.origin, ['--pmid', '29963580', '--out', out]);
    expect(online.stderr).not.toMatch(/ingest failed/);
    expect(online.code).toBe(0);
    expect(online.stdout).toMatch(/references\s+49/);
    expect(online.stdout).toMatch(/with PMID\s+49/);
    expect(replay.unmatched()).toEqual([]);
    expect(await readdir(join(out, 'sources'))).toEqual(['pubmed-29963580.xml']);
    const [slug] = await readdir(join(out, 'reviews'));
    const before = await readFile(join(out, 'reviews', slug ?? '', 'references.json'), 'utf8');
    expect((JSON.parse(before) as unknown[]).length).toBe(49);

    // The saved source is what later builds use: no network needed to reproduce the content.
    const offline = await ingestAgainst(await closedOrigin(), [
      join(out, 'sources', 'pubmed-29963580.xml'),
      '--out',
      out,
    ]);
    expect(offline.code).toBe(0);
    expect(await readFile(join(out, 'reviews', slug ?? '', 'references.json'), 'utf8')).toBe(before);
  });

  it('says there is no network, exits 1 and writes nothing when NCBI cannot be reached', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'lectern-offline-')), 'content');
    const result = await ingestAgainst(await closedOrigin(), ['--pmid', '29963580', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ingest failed: no network: could not reach 127\.0\.0\.1/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });
});

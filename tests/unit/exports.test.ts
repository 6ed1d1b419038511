/**
 * Citation styles and exports: the four export formats read back by the same bundled
 * citation-js (BibTeX, RIS, CSL-JSON) or checked tag by tag (MEDLINE/NBIB), the CSL-JSON export
 * against the official schema, "et al." per style, and the metadata builders' escaping.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { etAlRule, formatEntries, parseCitations, placeholderFits } from '../../src/lib/cite/citation-js.ts';
import { EXPORT_FORMATS, exportFormat, exportText, joinEntryTexts } from '../../src/lib/cite/exports.ts';
import { medlineAuthor } from '../../src/lib/cite/plugin-nbib.ts';
import { ensureStyles, STYLE_CHOICES } from '../../src/lib/cite/styles.ts';
import { coinsTitle } from '../../src/lib/metadata/coins.ts';
import { citationReference, highwireTags, workHighwireTags } from '../../src/lib/metadata/highwire.ts';
import { markdownToPlainText } from '../../src/lib/metadata/plain-text.ts';
import { jsonLdText, reviewJsonLd, workJsonLd } from '../../src/lib/metadata/json-ld.ts';
import { openGraphTags } from '../../src/lib/metadata/og.ts';
import { sitemapXml } from '../../src/lib/metadata/sitemap.ts';
import type { CslItem } from '../../src/lib/schema/csl.ts';
import type { ReviewMeta } from '../../src/lib/schema/review.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';

const read = (path: string): CslItem[] =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as CslItem[];
const SEED = read('content/reviews/bournazou-2013-jakstat/references.json');
const DENNEHY = read('content/reviews/dennehy-2011-bmc-microbiol/references.json');
const ALL = [...SEED, ...DENNEHY];

/** One hostile item: quotes, angle brackets, ampersands and semicolons in every text field. */
const HOSTILE: CslItem = {
  id: 'hostile2020',
  type: 'article-journal',
  title: 'A "quoted" <b>bold</b> title & more; with </script> in it',
  author: [{ family: "O'Brien <x>", given: 'A. "B"' }],
  'container-title': 'J <Tags> & "Quotes"',
  issued: { 'date-parts': [[2020, 2, 3]] },
  volume: '1',
  issue: '2',
  page: '10-20',
  DOI: '10.1000/x<y>&z',
  PMID: '12345678',
  PMCID: 'PMC1234567',
};

const year = (item: CslItem): number | undefined => {
  const y = item.issued?.['date-parts']?.[0]?.[0];
  return y === undefined ? undefined : Number(y);
};
/** Family names with their particles ("van Oudenaarden": BibTeX reads "van" as the particle). */
const families = (item: CslItem): string[] =>
  (item.author ?? []).map((a) =>
    [a['non-dropping-particle'], a.family ?? a.literal].filter(Boolean).join(' '),
  );
const norm = (s: string | undefined): string => (s ?? '').replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();

describe('exports read back by the bundled citation-js', () => {
  for (const extension of ['bib', 'ris', 'json'] as const) {
    it(`${extension}: same titles, authors, years and DOIs for all ${ALL.length} references`, () => {
      const text = exportText(exportFormat(extension), ALL);
      const back = parseCitations(text);
      expect(back).toHaveLength(ALL.length);
      back.forEach((item, i) => {
        const original = ALL[i] as CslItem;
        // "--" is written "-{}-" in BibTeX, so it stays two hyphens rather than TeX's en dash.
        expect(norm(item.title), original.id).toBe(norm(original.title));
        expect(families(item), original.id).toEqual(families(original));
        expect(year(item), original.id).toBe(year(original));
        expect(item.DOI?.toLowerCase(), original.id).toBe(original.DOI?.toLowerCase());
      });
    });
  }

  it('keeps the reference keys as BibTeX keys', () => {
    const bib = exportText(exportFormat('bib'), SEED);
    for (const item of SEED) expect(bib).toContain(`{${item.id},`);
  });

  it('exports CSL-JSON that validates against the official schema, without Lectern fields', () => {
    const json = JSON.parse(exportText(exportFormat('json'), [...ALL, HOSTILE])) as CslItem[];
    expect(cslProblems(json)).toEqual([]);
    expect(json.some((item) => 'custom' in item)).toBe(false);
    expect(json.map((i) => i.id)).toEqual([...ALL, HOSTILE].map((i) => i.id));
  });

  it('writes RIS records that start with TY and end with ER', () => {
    const ris = exportText(exportFormat('ris'), SEED);
    expect(ris.match(/^TY {2}- JOUR$/gm)).toHaveLength(SEED.length);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(SEED.length);
    expect(ris).toContain('DO  - 10.1126/science.277.5332.1630');
  });

  it('ends every file with one newline and names the media types', () => {
    for (const format of EXPORT_FORMATS) {
      expect(exportText(format, SEED.slice(0, 1))).toMatch(/[^\n]\n$/);
    }
    expect(EXPORT_FORMATS.map((f) => f.mediaType)).toEqual([
      'application/x-bibtex',
      'application/x-research-info-systems',
      'application/vnd.citationstyles.csl+json',
      'application/nbib',
    ]);
  });
});

describe('a whole list from its entries', () => {
  // The build writes each list as its entries' own files joined (src/lib/cite/export-routes.ts).
  it.each(EXPORT_FORMATS.map((f) => [f.extension, f] as const))(
    '%s: the entries joined are the list formatted whole',
    (_extension, format) => {
      for (const items of [SEED, DENNEHY, [...ALL, HOSTILE], [HOSTILE]]) {
        const joined = joinEntryTexts(
          format,
          items.map((item) => exportText(format, [item])),
        );
        expect(joined).toBe(exportText(format, items));
      }
    },
  );
});

describe('MEDLINE/NBIB output plugin', () => {
  const nbib = exportText(exportFormat('nbib'), [HOSTILE, ...SEED]);
  const records = nbib.trimEnd().split(/\n\n/);

  it('writes one record per reference, separated by blank lines', () => {
    expect(records).toHaveLength(SEED.length + 1);
  });

  it('has the MEDLINE tags', () => {
    const [hostile] = records;
    expect(hostile).toMatch(/^PMID- 12345678$/m);
    expect(hostile).toMatch(/^TI {2}- A "quoted" <b>bold<\/b> title & more; with <\/script> in it$/m);
    expect(hostile).toMatch(/^AU {2}- O'Brien <x> AB$/m);
    expect(hostile).toMatch(/^FAU - O'Brien <x>, A "B"$/m);
    expect(hostile).toMatch(/^TA {2}- J <Tags> & "Quotes"$/m);
    expect(hostile).toMatch(/^DP {2}- 2020 Feb 3$/m);
    expect(hostile).toMatch(/^VI {2}- 1$/m);
    expect(hostile).toMatch(/^IP {2}- 2$/m);
    expect(hostile).toMatch(/^PG {2}- 10-20$/m);
    expect(hostile).toMatch(/^LID - 10\.1000\/x<y>&z \[doi\]$/m);
    expect(hostile).toMatch(/^AID - 10\.1000\/x<y>&z \[doi\]$/m);
    expect(hostile).toMatch(/^PMC - PMC1234567$/m);
    expect(hostile).toMatch(/^PT {2}- Journal Article$/m);
    const darnell = records[1] ?? '';
    expect(darnell).toMatch(/^AU {2}- Darnell JE Jr$/m);
    expect(darnell).toMatch(/^TA {2}- Science$/m);
  });

  it('wraps long values on six-space continuation lines', () => {
    const sommer = records[4] ?? '';
    expect(sommer).toMatch(/^TI {2}- Constitutively active[^\n]*\n {6}\S/m);
    for (const line of nbib.split('\n')) expect(line.length).toBeLessThanOrEqual(82);
  });

  it('gives a book its title in BTI and a chapter its own title in TI and the book in BTI', () => {
    const book: CslItem = { id: 'sokal1995', type: 'book', title: 'Biometry', publisher: 'Freeman' };
    const chapter: CslItem = {
      id: 'c',
      type: 'chapter',
      title: 'Lytic mode',
      'container-title': 'Lambda II',
    };
    const [bookRecord, chapterRecord] = exportText(exportFormat('nbib'), [book, chapter])
      .trimEnd()
      .split('\n\n');
    expect(bookRecord).toMatch(/^BTI - Biometry$/m);
    expect(bookRecord).not.toMatch(/^TI {2}-/m);
    expect(bookRecord).toMatch(/^PT {2}- Book$/m);
    expect(chapterRecord).toMatch(/^TI {2}- Lytic mode$/m);
    expect(chapterRecord).toMatch(/^BTI - Lambda II$/m);
    expect(chapterRecord).toMatch(/^PT {2}- Book Chapter$/m);
  });

  it('starts every record with PMID, empty for a work PubMed does not hold', () => {
    for (const record of records) expect(record.split('\n')[0]).toMatch(/^PMID- (?:\d+)?$/);
    expect(records[1]?.split('\n')[0]).toBe('PMID- ');
  });

  it('writes authors as family name and initials', () => {
    expect(medlineAuthor({ family: 'Darnell', given: 'J. E.', suffix: 'Jr.' })).toBe('Darnell JE Jr');
    expect(medlineAuthor({ family: 'Dam', given: 'Jean-Paul', 'non-dropping-particle': 'van' })).toBe(
      'van Dam JP',
    );
  });
});

describe('citation styles', () => {
  ensureStyles();
  const sommer = SEED.find((i) => i.id === 'sommer2012') as CslItem;
  const truncated: CslItem = { ...sommer, custom: { ...sommer.custom, authorsTruncated: true } };
  const short: CslItem = {
    ...truncated,
    id: 'short',
    author: (sommer.author ?? []).slice(0, 2),
  };
  const text = (style: string, item: CslItem): string =>
    (formatEntries([item], style).get(item.id) ?? '').replace(/<[^>]+>/g, '').replace(/&#38;/g, '&');

  it('renders every style the switcher offers', () => {
    for (const { id } of STYLE_CHOICES) {
      const out = formatEntries(SEED, id);
      expect([...out.keys()], id).toEqual(SEED.map((i) => i.id));
      for (const html of out.values()) expect(html, id).not.toMatch(/^<div|csl-left-margin/);
    }
    expect(text('apa', SEED[0] as CslItem)).toBe(
      'Darnell, J. E., Jr. (1997). STATs and gene regulation. Science, 277, 1630–1635. https://doi.org/10.1126/science.277.5332.1630',
    );
  });

  it('prints "et al." where the source did, per style', () => {
    expect(text('nlm-citation-sequence', truncated)).toMatch(
      /^Sommer J, Effenberger T, Volpi E, Waetzig GH, Bernhardt M, Suthaus J, et al\. /,
    );
    expect(text('american-medical-association', truncated)).toMatch(
      /^Sommer J, Effenberger T, Volpi E, et al\. /,
    );
    expect(text('harvard-cite-them-right', truncated)).toMatch(/^Sommer, J\. et al\. \(2012\)/);
    // APA lists up to 20 names and Chicago 10 with "and": the placeholder would print as a name.
    expect(text('apa', truncated)).toMatch(/^Sommer, J\., Effenberger, T\., .*& Suthaus, J\. \(2012\)/);
    expect(text('chicago-author-date', truncated)).toMatch(/, and J\. Suthaus\. 2012\./);
    for (const { id } of STYLE_CHOICES) expect(text(id, truncated), id).not.toMatch(/(&|and) et al/);
    // Two names printed, then "et al.": NLM and AMA read the placeholder as their own ", et al.".
    expect(text('nlm-citation-sequence', short)).toMatch(/^Sommer J, Effenberger T, et al\. /);
    expect(text('american-medical-association', short)).toMatch(/^Sommer J, Effenberger T, et al\. /);
    expect(text('harvard-cite-them-right', short)).toMatch(/^Sommer, J\. and Effenberger, T\. \(2012\)/);
  });

  it('reads each style’s et-al rule from its CSL', () => {
    const rule = (file: string): ReturnType<typeof etAlRule> =>
      etAlRule(readFileSync(new URL(`../../src/csl/${file}.csl`, import.meta.url), 'utf8'));
    expect(rule('nlm-citation-sequence')).toMatchObject({ min: 7, useFirst: 6, and: false, numeric: true });
    expect(rule('american-medical-association')).toMatchObject({
      min: 7,
      useFirst: 3,
      and: false,
      numeric: true,
    });
    expect(rule('apa')).toMatchObject({ min: 21, useFirst: 19, useLast: true, numeric: false });
    expect(rule('harvard-cite-them-right')).toMatchObject({ min: 4, useFirst: 1, and: true, numeric: false });
    expect(rule('chicago-author-date')).toMatchObject({ min: 11, useFirst: 7, and: true, numeric: false });
    expect(placeholderFits(6, rule('chicago-author-date'))).toBe(false);
    expect(placeholderFits(6, rule('harvard-cite-them-right'))).toBe(true);
    expect(placeholderFits(2, rule('harvard-cite-them-right'))).toBe(false);
  });

  it('formats author-date entries one by one: no "2004a" suffixes, no "———" for a repeated author', () => {
    const twin: CslItem = { ...(SEED[2] as CslItem), id: 'twin', title: 'Another paper' };
    for (const style of ['apa', 'harvard-cite-them-right', 'chicago-author-date']) {
      const out = formatEntries([SEED[2] as CslItem, twin], style);
      const twinText = out.get('twin') ?? '';
      expect(twinText, style).toMatch(/^Yu, H\./);
      expect(twinText, style).not.toMatch(/2004[ab]|———/);
    }
  });
});

const META: ReviewMeta = {
  title: 'A "review" of <script>alert(1)</script> & friends',
  publicationTypes: ['Review'],
  authors: [
    { family: 'Bournazou', given: 'Eirini' },
    { family: "O'Neil", given: 'J. "Jo"', orcid: '0000-0002-1825-0097' },
  ],
  authorsTruncated: false,
  journal: { title: 'JAK-STAT', abbreviation: 'JAKSTAT' },
  issued: { 'date-parts': [[2013, 4, 1]] },
  volume: '2',
  issue: '2',
  eLocator: 'e23828',
  doi: '10.4161/jkst.23828',
  pmid: '24058812',
  pmcid: 'PMC3670281',
  keywords: ['IL-6'],
  corrections: [],
  source: { path: 'x', format: 'pubmed-text' },
  bibliography: 'references.json',
};

describe('metadata builders', () => {
  it('builds Highwire tags for the review', () => {
    const tags = highwireTags(META, 'The abstract, as plain text.', 'https://example.org/r/');
    const get = (name: string): string[] => tags.filter((t) => t.name === name).map((t) => t.content);
    expect(get('citation_title')).toEqual([META.title]);
    expect(get('citation_author')).toEqual(['Bournazou, Eirini', `O'Neil, J. "Jo"`]);
    expect(get('citation_journal_title')).toEqual(['JAK-STAT']);
    expect(get('citation_publication_date')).toEqual(['2013/04/01']);
    expect(get('citation_volume')).toEqual(['2']);
    expect(get('citation_issue')).toEqual(['2']);
    expect(get('citation_firstpage')).toEqual(['e23828']);
    expect(get('citation_doi')).toEqual(['10.4161/jkst.23828']);
    expect(get('citation_pmid')).toEqual(['24058812']);
    expect(get('citation_pmcid')).toEqual(['PMC3670281']);
    expect(get('citation_abstract')).toEqual(['The abstract, as plain text.']);
    expect(get('citation_abstract_html_url')).toEqual(['https://example.org/r/']);
    // Without the site's origin there is no absolute URL to give, and the tag is left out.
    expect(highwireTags(META, '', undefined).some((t) => t.name === 'citation_abstract_html_url')).toBe(
      false,
    );
    expect(highwireTags(META, '', undefined).some((t) => t.name === 'citation_abstract')).toBe(false);
  });

  it('builds one citation_reference per reference, with no stray field separators', () => {
    const ref = citationReference(HOSTILE);
    expect(ref).toContain('citation_title=A "quoted" <b>bold</b> title & more, with </script> in it; ');
    expect(ref).toContain('citation_doi=10.1000/x<y>&z');
    expect(ref).toContain('citation_pmid=12345678');
    expect(ref).toContain('citation_firstpage=10; citation_lastpage=20');
    expect(ref.split('; ').every((f) => /^citation_[a-z_]+=/.test(f))).toBe(true);
  });

  it('builds compact ScholarlyArticle JSON-LD whose citations carry their identifiers, safe inside <script>', () => {
    const data = reviewJsonLd(META, 'https://example.org/r/', 'Abstract </script><!--', [HOSTILE, ...SEED]);
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain('&');
    const back = JSON.parse(text) as {
      '@type': string;
      name: string;
      abstract: string;
      author: { sameAs?: string }[];
      url: string;
      citation: Record<string, unknown>[];
    };
    expect(back['@type']).toBe('ScholarlyArticle');
    expect(back.name).toBe(META.title);
    expect(back.abstract).toBe('Abstract </script><!--');
    expect(back.author[1]?.sameAs).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(back.citation).toHaveLength(SEED.length + 1);
    expect(back.url).toBe('https://example.org/r/');
    const [hostile, darnell] = back.citation;
    // What identifies the work, and nothing more: the list of hundreds of references stays small.
    expect(hostile).toEqual({
      '@type': 'ScholarlyArticle',
      sameAs: [
        'https://doi.org/10.1000/x%3Cy%3E&z',
        'https://pubmed.ncbi.nlm.nih.gov/12345678/',
        'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/',
      ],
    });
    expect(darnell).toEqual({
      '@type': 'ScholarlyArticle',
      sameAs: ['https://doi.org/10.1126/science.277.5332.1630'],
    });
    // A work no resolver knows is named by its title and year instead.
    expect(
      workJsonLd({ id: 'x', type: 'book', title: 'A book', issued: { 'date-parts': [[1999]] } }),
    ).toEqual({
      '@type': 'Book',
      name: 'A book',
      datePublished: '1999',
    });
    expect(reviewJsonLd(META, undefined, '', []).url).toBeUndefined();
  });

  it('builds COinS with every value URL-encoded', () => {
    const title = coinsTitle(HOSTILE);
    expect(title).toMatch(/^ctx_ver=Z39\.88-2004&/);
    expect(title).not.toMatch(/[<>" ]/);
    const params = new URLSearchParams(title);
    expect(params.get('rft.atitle')).toBe(HOSTILE.title);
    expect(params.get('rft.jtitle')).toBe(HOSTILE['container-title']);
    expect(params.getAll('rft_id')).toEqual(['info:doi/10.1000/x<y>&z', 'info:pmid/12345678']);
    expect(params.get('rft.aulast')).toBe("O'Brien <x>");
    expect(params.get('rft.date')).toBe('2020-02-03');
    expect(params.get('rft.spage')).toBe('10');
  });

  it('builds Open Graph tags, og:url only with an absolute URL', () => {
    const tags = openGraphTags(META, 'An abstract.', 'https://example.org/r/');
    expect(tags).toContainEqual({ property: 'og:title', content: META.title });
    expect(tags).toContainEqual({ property: 'og:type', content: 'article' });
    expect(tags).toContainEqual({ property: 'og:url', content: 'https://example.org/r/' });
    expect(tags).toContainEqual({ property: 'article:published_time', content: '2013-04-01' });
    expect(openGraphTags(META, 'x', undefined).some((t) => t.property === 'og:url')).toBe(false);
  });

  it('turns the stored Markdown abstract into one line of plain text', () => {
    const markdown = readFileSync(
      new URL('../../content/reviews/dennehy-2011-bmc-microbiol/index.md', import.meta.url),
      'utf8',
    ).replace(/^---[\s\S]*?\n---\n/, '');
    const text = markdownToPlainText(markdown);
    expect(text).toMatch(/^Background: Despite identical genotypes/);
    expect(text).toContain('by bacteriophage (phage). Results: Individual lysis events');
    expect(text).toContain("late promoter (pR') activity");
    expect(text).not.toMatch(/\*|<|\n|\\/);
    expect(markdownToPlainText('A \\*literal\\* star &amp; an &#64;at, cited [@yu2004].')).toBe(
      'A *literal* star & an @at, cited.',
    );
  });

  it('gives a cited work its own citation_* tags, typed as Zotero and Google Scholar read them', () => {
    const names = (item: CslItem): string[] => workHighwireTags(item).map((t) => t.name);
    const tags = workHighwireTags(HOSTILE);
    expect(tags).toContainEqual({ name: 'citation_title', content: HOSTILE.title });
    expect(tags).toContainEqual({ name: 'citation_journal_title', content: HOSTILE['container-title'] });
    expect(tags).toContainEqual({ name: 'citation_pmid', content: '12345678' });
    expect(tags).toContainEqual({ name: 'citation_firstpage', content: '10' });
    expect(names(HOSTILE)).not.toContain('citation_reference');
    const chapter: CslItem = {
      id: 'c',
      type: 'chapter',
      title: 'Lytic mode',
      'container-title': 'Lambda II',
    };
    expect(names(chapter)).toContain('citation_book_title');
    expect(names(chapter)).not.toContain('citation_journal_title');
    const report: CslItem = { id: 'r', type: 'report', title: 'R', publisher: 'WHO' };
    expect(workHighwireTags(report)).toContainEqual({
      name: 'citation_technical_report_institution',
      content: 'WHO',
    });
  });

  it('escapes sitemap URLs', () => {
    expect(sitemapXml(['https://e.org/a?b=1&c=<2>'])).toContain(
      '<loc>https://e.org/a?b=1&amp;c=&lt;2&gt;</loc>',
    );
  });
});

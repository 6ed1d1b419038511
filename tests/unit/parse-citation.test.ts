import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCitation, type ParsedCitation } from '../../src/lib/parse/parse-citation.ts';
import schema from '../../src/lib/schema/csl-data.schema.json' with { type: 'json' };
import { CITATION_EXPECTATIONS, checkFields } from '../helpers/citation-expectations.ts';
import { loadFixtureCitations } from '../helpers/pubmed-citations.ts';
import { spellInitials } from '../../src/lib/parse/parse-names.ts';

// The official schema has no `format` keywords, so ajv-formats adds nothing here.
const validateCsl = new Ajv({ allErrors: true, strict: false }).compile(schema);

function schemaErrors(parsed: ParsedCitation): string {
  if (validateCsl([{ id: 'x', ...parsed.item }])) return '';
  return JSON.stringify(validateCsl.errors);
}

const fixtures = loadFixtureCitations();

/** The seed page's references, with PubMed's trailing "- DOI - PMC - PubMed" markers removed. */
function seedReferences(): string[] {
  const page = readFileSync(
    new URL('../../content/sources/bournazou-2013-jakstat.pubmed.txt', import.meta.url),
    'utf8',
  );
  const list = page.slice(page.indexOf('\nReferences\n'));
  return [...list.matchAll(/^\s+\d+\.\s+(.+)$/gm)].map((m) =>
    (m[1] ?? '').replace(/(?:\s+-\s+(?:DOI|PMC|PubMed))+\s*$/, ''),
  );
}

describe('parseCitation: hand-checked sample', () => {
  it('uses the seed page references and real fixture strings', () => {
    const seeds = CITATION_EXPECTATIONS.filter((e) => e.from === 'seed').map((e) => e.citation);
    expect(seeds).toEqual(seedReferences());
    const texts = new Set(fixtures.map((f) => f.citation));
    const fromFixtures = CITATION_EXPECTATIONS.filter((e) => e.from === 'fixture');
    expect(fromFixtures.length).toBeGreaterThanOrEqual(25);
    for (const e of fromFixtures) expect(texts.has(e.citation), e.citation).toBe(true);
  });

  for (const { citation, expected } of CITATION_EXPECTATIONS) {
    it(citation.replace(/\s+/g, ' ').slice(0, 70), () => {
      const { item } = parseCitation(citation);
      const wrong = checkFields(item, expected).filter((c) => !c.right);
      expect(wrong).toEqual([]);
      expect(item['container-title-short']).toBe(expected['container-title'] ?? undefined);
    });
  }
});

describe('parseCitation: every fixture <Citation>', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBe(188);
  });

  it('reads a printed DOI exactly as the ArticleIdList has it, and never contradicts it', () => {
    for (const f of fixtures) {
      const { item } = parseCitation(f.citation);
      const printed = /\bdoi\b/i.test(f.citation);
      if (printed) expect(item.DOI, f.source).toBeDefined();
      if (item.DOI !== undefined) {
        expect(f.doi, `${f.source}: DOI read but none in ArticleIdList`).toBeDefined();
        expect(item.DOI.toLowerCase(), f.source).toBe(f.doi?.toLowerCase());
      }
    }
  });

  it('reads a printed PMID / PMCID as the ArticleIdList has it', () => {
    for (const f of fixtures) {
      const { item } = parseCitation(f.citation);
      if (/\bPMID\b/.test(f.citation)) expect(item.PMID, f.source).toBe(f.pmid);
      if (/\bPMC\d/.test(f.citation)) expect(item.PMCID, f.source).toBe(f.pmcid);
      if (item.PMID !== undefined) expect(item.PMID, f.source).toBe(f.pmid);
      if (item.PMCID !== undefined) expect(item.PMCID, f.source).toBe(f.pmcid);
    }
  });

  it('gives schema-valid CSL-JSON that keeps the verbatim string', () => {
    for (const f of fixtures) {
      const parsed = parseCitation(f.citation);
      expect(schemaErrors(parsed), f.source).toBe('');
      expect(parsed.item.custom?.verbatim).toBe(f.citation);
    }
  });

  it('reads year, journal, volume and pages of every journal-style string', () => {
    // "…. 2005. November;9(11):1183–203" or "…. 1982;14:317-29": a date, then ";" and a source.
    const journalStyle = /\.\s+(1[6-9]|20)\d\d\b[^;]{0,30};[^:]{0,30}:\s*\S/;
    const journal = fixtures.filter((f) => journalStyle.test(f.citation.replace(/\s+/g, ' ')));
    expect(journal.length).toBeGreaterThanOrEqual(170);
    for (const f of journal) {
      const { item, warnings } = parseCitation(f.citation);
      expect(item.type, f.source).toBe('article-journal');
      expect(item.issued?.['date-parts']?.[0]?.[0], f.source).toBeTypeOf('number');
      expect(item['container-title'], f.source).toBeTruthy();
      expect(item.page, f.source).toBeTruthy();
      expect(
        warnings.filter((w) => w.startsWith('unparsed')),
        f.source,
      ).toEqual([]);
    }
  });

  it('reads authors and a title wherever the string starts with "Family INITIALS,"', () => {
    const withAuthors = fixtures.filter((f) => /^[\p{L}' -]+ [A-Z]{1,3}(?:,|\.\s+\D)/u.test(f.citation));
    expect(withAuthors.length).toBeGreaterThanOrEqual(30);
    for (const f of withAuthors) {
      const { item } = parseCitation(f.citation);
      expect(item.author?.[0]?.family ?? item.editor?.[0]?.family, f.source).toBeTruthy();
      expect(item.title, f.source).toBeTruthy();
    }
  });

  it('sets authorsTruncated exactly when "et al." is printed, and never makes it an author', () => {
    for (const f of fixtures) {
      const { item } = parseCitation(f.citation);
      expect(item.custom?.authorsTruncated === true, f.source).toBe(/\bet al\b/.test(f.citation));
      const names = JSON.stringify(item.author ?? []);
      expect(names, f.source).not.toMatch(/et al/);
    }
  });

  it('copies warnings into custom.parseWarnings', () => {
    for (const f of fixtures) {
      const { item, warnings } = parseCitation(f.citation);
      expect(item.custom?.parseWarnings, f.source).toEqual(warnings.length ? warnings : undefined);
    }
  });
});

describe('parseCitation: shapes the fixtures do not show', () => {
  it('reads PMID, PMCID, an Epub note and a "Review." trailer', () => {
    const { item, warnings } = parseCitation(
      'Smith AB, van der Berg C, Jones D 3rd. Is it safe? A review of U.S. data. Lancet Infect Dis. 2019 Mar;19(3 Suppl 1):S12-9. doi:10.1016/S1473-3099(18)30001-2. Epub 2018 Dec 3. Review. PMID: 30555555; PMCID: PMC6543210.',
    );
    expect(item.author).toEqual([
      { family: 'Smith', given: 'A. B.' },
      { family: 'van der Berg', given: 'C.' },
      { family: 'Jones', given: 'D.', suffix: '3rd' },
    ]);
    expect(item.title).toBe('Is it safe? A review of U.S. data');
    expect(item['container-title']).toBe('Lancet Infect Dis');
    expect(item.issued).toEqual({ 'date-parts': [[2019, 3]] });
    expect(item.issue).toBe('3 Suppl 1');
    expect(item.page).toBe('S12-S19');
    expect(item.DOI).toBe('10.1016/S1473-3099(18)30001-2');
    expect(item.PMID).toBe('30555555');
    expect(item.PMCID).toBe('PMC6543210');
    expect(warnings).toEqual([]);
  });

  it('drops "[Epub ahead of print]" and reads a journal string without volume', () => {
    const { item } = parseCitation('Doe K, Roe R. Title here! J Med. 2010 Mar 5. [Epub ahead of print]');
    expect(item.type).toBe('article-journal');
    expect(item.title).toBe('Title here!');
    expect(item['container-title']).toBe('J Med');
    expect(item.issued).toEqual({ 'date-parts': [[2010, 3, 5]] });
  });

  it('reads a DOI given as a resolver URL and one in upper case', () => {
    expect(
      parseCitation('Brown T. Title. BMJ. 2012;345:e1234. https://doi.org/10.1136/bmj.e1234').item.DOI,
    ).toBe('10.1136/bmj.e1234');
    expect(parseCitation('Brown T. Title. BMJ. 2012;345:e1234. DOI:10.1136/BMJ.E1234;').item.DOI).toBe(
      '10.1136/BMJ.E1234',
    );
  });

  it('ignores an erratum notice with its own date', () => {
    const { item, warnings } = parseCitation(
      'Smith J. Title. J Med. 2010;5:1-2. Erratum in: J Med. 2011;6:3. doi: 10.1000/erratum. PMID: 123; PMCID: PMC456.',
    );
    expect(item.issued).toEqual({ 'date-parts': [[2010]] });
    expect(item.volume).toBe('5');
    expect(item.DOI).toBeUndefined();
    expect(item.PMID).toBe('123');
    expect(item.PMCID).toBe('PMC456');
    expect(warnings).toEqual([]);
  });

  it('reads a book chapter with editors, edition and pages', () => {
    const { item } = parseCitation(
      'Jones P. Some chapter. In: Brown A, White B, editors. The Big Book. 2nd ed. New York: Springer; 2010. p. 12-34.',
    );
    expect(item).toMatchObject({
      type: 'chapter',
      author: [{ family: 'Jones', given: 'P.' }],
      editor: [
        { family: 'Brown', given: 'A.' },
        { family: 'White', given: 'B.' },
      ],
      title: 'Some chapter',
      'container-title': 'The Big Book',
      edition: '2',
      'publisher-place': 'New York',
      publisher: 'Springer',
      issued: { 'date-parts': [[2010]] },
      page: '12-34',
    });
  });

  it('reads a conference paper and drops an eCollection note', () => {
    const paper = parseCitation(
      'Smith J. Title. In: Proceedings of the 10th Conference; 2010 May 5-7; Boston, MA. New York: ACM; 2010. p. 1-10.',
    );
    expect(paper.item).toMatchObject({
      type: 'paper-conference',
      title: 'Title',
      'container-title': 'Proceedings of the 10th Conference',
      publisher: 'ACM',
      issued: { 'date-parts': [[2010]] },
      page: '1-10',
    });
    const online = parseCitation(
      'Kim S, Lee J. Title of it. J Korean Med Sci. 2019 Jan 7;34(1):e1. doi: 10.3346/jkms.2019.34.e1. eCollection 2019 Jan 7.',
    );
    expect(online.warnings).toEqual([]);
    expect(online.item.page).toBe('e1');
  });

  it('reads a thesis, and an [Internet] report with "[cited …]"', () => {
    const thesis = parseCitation(
      'Doe J. Thesis title [dissertation]. Boston (MA): Harvard University; 2005.',
    );
    expect(thesis.item).toMatchObject({
      type: 'thesis',
      title: 'Thesis title',
      publisher: 'Harvard University',
    });
    const web = parseCitation(
      'World Health Organization. Global tuberculosis report 2019 [Internet]. Geneva: WHO; 2019 [cited 2020 Jan 5]. Available from: https://www.who.int/tb/report.pdf',
    );
    expect(web.item).toMatchObject({
      type: 'webpage',
      author: [{ literal: 'World Health Organization' }],
      title: 'Global tuberculosis report 2019',
      issued: { 'date-parts': [[2019]] },
      accessed: { 'date-parts': [[2020, 1, 5]] },
      URL: 'https://www.who.int/tb/report.pdf',
    });
  });

  it('warns about what it could not read', () => {
    expect(parseCitation('').warnings).toEqual(['no authors', 'no title', 'no year']);
    const tail = parseCitation('Smith J. Title. J Med. 2010;5:1-2. Some stray words here.');
    expect(tail.warnings).toEqual(['unparsed tail: Some stray words here']);
    expect(tail.item.custom?.parseWarnings).toEqual(tail.warnings);
  });
});

describe('parseCitation: robustness', () => {
  const hostile = [
    '',
    '   ',
    '.',
    '....;;;:::((()))',
    'doi:',
    'doi: 10.',
    'PMID:',
    '2010;',
    '2010;:',
    ';(:',
    'et al.',
    ', editors.',
    'In:',
    'Available from:',
    '\u0000\uffff\ud800',
    '1999 Dec 31-32;0(0):0-0',
  ];
  for (const text of hostile) {
    it(`survives ${JSON.stringify(text)}`, () => {
      const parsed = parseCitation(text);
      expect(parsed.item.custom?.verbatim).toBe(text);
      expect(schemaErrors(parsed)).toBe('');
    });
  }

  it('reads 100 kB inputs of many shapes quickly', () => {
    const big = [
      'a'.repeat(100_000),
      '2000;'.repeat(20_000),
      '2000 Jan 1;1(1):1-2, '.repeat(5_000),
      'Smith J, '.repeat(11_000),
      'doi:10.1234/'.padEnd(100_000, 'x'),
      '('.repeat(100_000),
      'A. '.repeat(33_000),
      ' '.repeat(100_000) + '2010;5:1',
      'https://'.padEnd(100_000, '/'),
      fixtures
        .map((f) => f.citation)
        .join(' ')
        .repeat(3),
    ];
    for (const text of big) {
      const started = performance.now();
      const parsed = parseCitation(text);
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(500);
      expect(parsed.item.custom?.verbatim).toBe(text);
      expect(schemaErrors(parsed)).toBe('');
    }
  });
});

describe('parseCitation: properties', () => {
  const check = (text: string): void => {
    const parsed = parseCitation(text);
    expect(parsed.item.custom?.verbatim).toBe(text);
    expect(schemaErrors(parsed)).toBe('');
    expect(parsed.item.custom?.parseWarnings ?? []).toEqual(parsed.warnings);
  };

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => check(s)),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => check(s)),
      {
        numRuns: 300,
      },
    );
    const alphabet = fc.constantFrom(...'0123456789 .,;:()-–[]/JanDecdoi10PMCIDetal'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 120 }), (s) => check(s)),
      {
        numRuns: 400,
      },
    );
  });

  const surname = fc.constantFrom(
    'Smith',
    'Nguyen',
    "O'Brien",
    'García-López',
    'van der Berg',
    'Ng',
    'Øster',
  );
  const initials = fc.stringMatching(/^[A-Z]{1,3}$/);
  const author = fc.tuple(surname, initials).map(([f, g]) => ({ family: f, given: g }));
  const word = fc.constantFrom(
    'tuberculosis',
    'screening',
    'among',
    'migrant',
    'STAT3',
    'a',
    'U.S.',
    'review',
    'e.g.',
    '2011–2012',
    'of',
  );
  const title = fc
    .tuple(
      fc.constantFrom('Effects', 'Screening', 'Is'),
      fc.array(word, { minLength: 1, maxLength: 10 }),
      fc.constantFrom('', '?', ': a trial'),
    )
    .map(([first, rest, end]) => `${first} ${rest.join(' ')} cohorts${end}`);
  const journal = fc.constantFrom(
    'J Clin Invest',
    'Proc Natl Acad Sci U S A',
    'Spine (Phila Pa 1976)',
    'BMJ',
    'N Engl J Med',
    'Am J Public Health',
  );
  const month = fc.constantFrom('', ' Jan', ' Feb', ' Sep', ' Dec 24', '. November', ' Jul-Aug', ' Fall');
  const year = fc.integer({ min: 1950, max: 2030 });
  const pages = fc
    .tuple(fc.integer({ min: 1, max: 9000 }), fc.integer({ min: 0, max: 120 }), fc.boolean())
    .map(([start, length, elocator]) => {
      if (elocator) return { printed: `e${start}`, expanded: `e${start}` };
      const end = String(start + length);
      const startText = String(start);
      let common = 0;
      while (common < startText.length && startText[common] === end[common]) common += 1;
      if (common === startText.length) common = -1;
      const short = common < 0 ? end.slice(-1) : end.slice(Math.min(common, end.length - 1));
      return {
        printed: `${start}–${end.length === String(start).length ? short : end}`,
        expanded: `${start}-${end}`,
      };
    });

  it('reads citations built from realistic pieces', () => {
    fc.assert(
      fc.property(
        fc.array(author, { minLength: 1, maxLength: 7 }),
        fc.boolean(),
        title,
        journal,
        year,
        month,
        fc.integer({ min: 1, max: 400 }),
        fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
        pages,
        fc.option(fc.stringMatching(/^10\.\d{4}\/[a-z0-9.()-]{1,12}[a-z0-9]$/), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 99_999_999 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 9_999_999 }), { nil: undefined }),
        (authors, etAl, t, j, y, m, volume, issue, pg, doi, pmid, pmcid) => {
          const names = authors.map((a) => `${a.family} ${a.given}`).join(', ');
          const text =
            `${names}${etAl ? ', et al' : ''}. ${t}. ${j}. ${y}${m};${volume}` +
            `${issue === undefined ? '' : `(${issue})`}:${pg.printed}.` +
            (doi === undefined ? '' : ` doi: ${doi}.`) +
            (pmid === undefined ? '' : ` PMID: ${pmid}.`) +
            (pmcid === undefined ? '' : ` PMCID: PMC${pmcid}.`);
          check(text);
          const { item, warnings } = parseCitation(text);
          expect(warnings).toEqual([]);
          expect(item.author).toEqual(authors.map((a) => ({ ...a, given: spellInitials(a.given) })));
          expect(item.custom?.authorsTruncated === true).toBe(etAl);
          expect(item.title).toBe(t);
          expect(item['container-title']).toBe(j);
          expect(item.issued?.['date-parts']?.[0]?.[0]).toBe(y);
          expect(item.volume).toBe(String(volume));
          expect(item.issue).toBe(issue === undefined ? undefined : String(issue));
          expect(item.page).toBe(pg.expanded);
          expect(item.DOI).toBe(doi);
          expect(item.PMID).toBe(pmid === undefined ? undefined : String(pmid));
          expect(item.PMCID).toBe(pmcid === undefined ? undefined : `PMC${pmcid}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});

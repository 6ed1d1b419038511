/**
 * Held-out round trip: structured reference records (JATS and Crossref fixtures) are printed as
 * NLM text by the official NLM CSL style through the site's citation-js, then read back with
 * parseCitation. The parser was never tuned on these records, so this is the honest measure of
 * how well it reads NLM references. Floors sit just below the measured accuracy (see
 * `npx node scripts/measure-citation-parser.ts`), so any regression fails here.
 */
import { describe, expect, it } from 'vitest';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';
import {
  ROUNDTRIP_FIELDS,
  roundTripMisses,
  runRoundTrip,
  tallyAll,
  tallyClean,
  tallyFields,
  warningMisses,
  type RoundTripCase,
  type RoundTripField,
} from '../helpers/citation-roundtrip.ts';

const sources = runRoundTrip();
const everyCase = sources.flatMap((s) => s.cases);

/**
 * Measured on 235 records (all fields 2480 / 2480, all parsed without warnings, after the
 * "PubMed PMID:" label and spaced-initials fixes). A field at 100% keeps a floor of 0.99, so one
 * newly misread record in a few hundred fails the overall check and the per-source ones.
 */
const FIELD_FLOOR: Record<RoundTripField, number> = {
  type: 0.99,
  'first author': 0.99,
  'author names': 0.99,
  'author count': 0.99,
  'et al.': 0.99,
  title: 0.99,
  'container-title': 0.99,
  year: 0.99,
  volume: 0.99,
  issue: 0.99,
  'first page': 0.99,
  page: 0.99,
  publisher: 0.99,
  'publisher-place': 0.99,
  DOI: 0.99,
  PMID: 0.99,
};
const OVERALL_FLOOR = 0.995;
const CLEAN_FLOOR = 0.98;

function accuracy(tally: { right: number; total: number }): number {
  return tally.total === 0 ? 1 : tally.right / tally.total;
}

function checkFloors(name: string, cases: readonly RoundTripCase[]): void {
  const tallies = tallyFields(cases);
  for (const field of ROUNDTRIP_FIELDS) {
    const tally = tallies.get(field) ?? { right: 0, total: 0 };
    const misses = roundTripMisses(cases, field);
    expect(
      accuracy(tally),
      `${name}: ${field} ${tally.right} / ${tally.total}\n${misses.join('\n')}`,
    ).toBeGreaterThanOrEqual(FIELD_FLOOR[field]);
  }
  const all = tallyAll(cases);
  expect(
    accuracy(all),
    `${name}: all fields ${all.right} / ${all.total}\n${roundTripMisses(cases).join('\n')}`,
  ).toBeGreaterThanOrEqual(OVERALL_FLOOR);
  const clean = tallyClean(cases);
  expect(
    accuracy(clean),
    `${name}: parsed without warnings ${clean.right} / ${clean.total}\n${warningMisses(cases).join('\n')}`,
  ).toBeGreaterThanOrEqual(CLEAN_FLOOR);
}

describe('parseCitation round trip on held-out structured references', () => {
  it('reads the three sources (and skips only records without a title or journal)', () => {
    expect(sources.map((s) => [s.cases.length, s.skipped.length])).toEqual([
      [57, 1],
      [64, 0],
      [114, 0],
    ]);
    expect(sources[0]?.skipped[0]?.reason).toMatch(/no article title/);
  });

  it('prints every record as one non-empty NLM string without its number', () => {
    const bad = everyCase.filter((c) => c.text === '' || /^\d+\.\s/.test(c.text) || /<|&#/.test(c.text));
    expect(bad.map((c) => `${c.source}: ${c.text}`)).toEqual([]);
  });

  it('judges every headline field on every source that has it', () => {
    const overall = tallyFields(everyCase);
    // Guards the harness: a broken reader would make "100%" of nothing.
    for (const field of [
      'type',
      'first author',
      'author names',
      'title',
      'container-title',
      'year',
      'page',
    ] as const) {
      expect(overall.get(field)?.total, field).toBeGreaterThanOrEqual(230);
    }
    expect(overall.get('DOI')?.total).toBeGreaterThanOrEqual(140);
    expect(overall.get('PMID')?.total).toBeGreaterThanOrEqual(100);
    expect(overall.get('author count')?.total).toBeGreaterThanOrEqual(100);
  });

  for (const source of sources) {
    it(`keeps each field at or above its floor: ${source.name}`, () => {
      checkFloors(source.name, source.cases);
    });
  }

  it('keeps each field at or above its floor: all sources together', () => {
    checkFloors('overall', everyCase);
  });

  it('gives items that validate against the official CSL-JSON schema', () => {
    const items = everyCase.map((c) => ({ id: c.source, ...c.parsed }));
    const problems = cslProblems(items);
    const texts = new Map(everyCase.map((c) => [c.source, c.text]));
    const withText = problems.map((p) => {
      const id = /^item "([^"]+)"/.exec(p)?.[1];
      return id === undefined ? p : `${p}  ${texts.get(id) ?? ''}`;
    });
    expect(withText).toEqual([]);
  });
});

/**
 * How well parseCitation reads the fixture references, judged only against truth that can be
 * defended: printed identifiers against each reference's PubMed ArticleIdList, every other
 * field against the hand-checked sample in tests/helpers/citation-expectations.ts.
 *
 * Then a held-out round trip (tests/helpers/citation-roundtrip.ts): structured reference records
 * from the JATS and Crossref fixtures, printed as NLM text by the official NLM CSL style through
 * citation-js, read back with parseCitation and compared with the records field by field.
 *
 * Last, the development set (tests/helpers/dev-set.ts): the real reference lists of section E of
 * tests/fixtures/external/README.md, 16 files, each list read whole with parseCitationList as the
 * PubMed readers do (the page-text path: the printed strings alone), scored by
 * tests/helpers/dev-set-measure.ts (its comment defines "field right").
 *
 *   npm run measure:citations
 */
import { readFileSync } from 'node:fs';
import { parseCitation } from '../src/lib/parse/parse-citation.ts';
import {
  CHECKED_FIELDS,
  CITATION_EXPECTATIONS,
  checkFields,
  type FieldCheck,
} from '../tests/helpers/citation-expectations.ts';
import {
  ROUNDTRIP_FIELDS,
  roundTripMisses,
  runRoundTrip,
  tallyAll,
  tallyClean,
  tallyFields,
  warningMisses,
  type RoundTripCase,
} from '../tests/helpers/citation-roundtrip.ts';
import { loadFixtureCitations } from '../tests/helpers/pubmed-citations.ts';
import { loadDevSet, type DevOrigin } from '../tests/helpers/dev-set.ts';
import {
  measureList,
  measureOwnXml,
  readWithStyles,
  tallyDevSet,
  type DevCase,
  type DevTally,
} from '../tests/helpers/dev-set-measure.ts';
import { parseCitationList } from '../src/lib/parse/parse-citation.ts';

interface Tally {
  right: number;
  total: number;
}

const rows = new Map<string, Tally>();
const misses: string[] = [];

function count(row: string, right: boolean): void {
  const tally = rows.get(row) ?? { right: 0, total: 0 };
  tally.total += 1;
  if (right) tally.right += 1;
  rows.set(row, tally);
}

// The brief's headline fields first; the rest of what the sample pins down after them.
const HEADLINE: Record<string, readonly string[]> = {
  authors: ['author', 'authorsTruncated', 'editor'],
  year: ['year'],
  title: ['title'],
  'container-title': ['container-title'],
  volume: ['volume'],
  page: ['page'],
};
const OTHER = CHECKED_FIELDS.filter((f) => !Object.values(HEADLINE).flat().includes(f));

for (const { citation, expected } of CITATION_EXPECTATIONS) {
  const { item } = parseCitation(citation);
  const checks = checkFields(item, expected);
  const byField = new Map<string, FieldCheck>(checks.map((c) => [c.field, c]));
  const gotYear = item.issued?.['date-parts']?.[0]?.[0] ?? null;
  const wantYear = expected.issued?.[0]?.[0] ?? null;
  byField.set('year', { field: 'year', right: gotYear === wantYear, got: gotYear, want: wantYear });
  for (const [row, fields] of Object.entries(HEADLINE)) {
    const wrong = fields.map((f) => byField.get(f)).filter((c) => c !== undefined && !c.right);
    count(`sample: ${row}`, wrong.length === 0);
    for (const c of wrong)
      misses.push(
        `${row}: ${JSON.stringify(c?.got)} ≠ ${JSON.stringify(c?.want)}  [${citation.slice(0, 50)}…]`,
      );
  }
  for (const field of OTHER) {
    const c = byField.get(field);
    count(`sample: ${field}`, c?.right === true);
    if (c && !c.right)
      misses.push(
        `${field}: ${JSON.stringify(c.got)} ≠ ${JSON.stringify(c.want)}  [${citation.slice(0, 50)}…]`,
      );
  }
}

const fixtures = loadFixtureCitations();
const IDS = [
  {
    row: 'DOI',
    printed: /\bdoi\b/i,
    got: (i: ReturnType<typeof parseCitation>['item']) => i.DOI,
    truth: 'doi',
  },
  {
    row: 'PMID',
    printed: /\bPMID\b/,
    got: (i: ReturnType<typeof parseCitation>['item']) => i.PMID,
    truth: 'pmid',
  },
  {
    row: 'PMCID',
    printed: /\bPMC\d/,
    got: (i: ReturnType<typeof parseCitation>['item']) => i.PMCID,
    truth: 'pmcid',
  },
] as const;
// Listed even when no fixture string prints them, so a 0 / 0 is visible rather than missing.
for (const id of IDS) rows.set(`all fixtures: ${id.row} = ArticleIdList`, { right: 0, total: 0 });
const coverage = { year: 0, container: 0, title: 0, author: 0, page: 0 };
for (const f of fixtures) {
  const { item } = parseCitation(f.citation);
  for (const id of IDS) {
    const got = id.got(item);
    // Judged wherever the string prints the identifier or the parser claims to have read one.
    if (!id.printed.test(f.citation) && got === undefined) continue;
    const truth = f[id.truth];
    const right = got !== undefined && truth !== undefined && got.toLowerCase() === truth.toLowerCase();
    count(`all fixtures: ${id.row} = ArticleIdList`, right);
    if (!right) misses.push(`${id.row}: ${String(got)} ≠ ${String(truth)}  [${f.source}]`);
  }
  if (item.issued) coverage.year += 1;
  if (item['container-title']) coverage.container += 1;
  if (item.title) coverage.title += 1;
  if (item.author?.length || item.editor?.length) coverage.author += 1;
  if (item.page) coverage.page += 1;
}

const seeds = CITATION_EXPECTATIONS.filter((e) => e.from === 'seed').length;
console.log(
  `Citation parser: ${CITATION_EXPECTATIONS.length} hand-checked strings (${seeds} seed, ` +
    `${CITATION_EXPECTATIONS.length - seeds} fixture); ${fixtures.length} fixture <Citation> strings.\n`,
);
let right = 0;
let total = 0;
const width = Math.max(...[...rows.keys()].map((k) => k.length));
for (const [row, tally] of rows) {
  right += tally.right;
  total += tally.total;
  console.log(`  ${row.padEnd(width)}  ${String(tally.right).padStart(4)} / ${tally.total}`);
}
console.log(`\n  ${'overall fields right'.padEnd(width)}  ${String(right).padStart(4)} / ${total}`);
const n = fixtures.length;
console.log(
  `\nCoverage over all ${n} fixture strings (fields present, not checked against truth): ` +
    `year ${coverage.year}, container-title ${coverage.container}, title ${coverage.title}, ` +
    `authors ${coverage.author}, page ${coverage.page}.`,
);
if (misses.length > 0) console.log(`\nMisses:\n  ${misses.join('\n  ')}`);

// Held-out round trip: records the parser was never tuned on, printed by the NLM CSL style.
const roundTrip = runRoundTrip();
const everyCase = roundTrip.flatMap((s) => s.cases);
const columns: [string, readonly RoundTripCase[]][] = [
  ...roundTrip.map((s): [string, readonly RoundTripCase[]] => [s.label, s.cases]),
  ['overall', everyCase],
];
const skipped = roundTrip.flatMap((s) => s.skipped);
console.log(
  `\nHeld-out round trip: ${everyCase.length} structured records -> NLM text (citation-js, ` +
    `nlm-citation-sequence.csl) -> parseCitation; ${skipped.length} skipped.`,
);
for (const s of roundTrip) console.log(`  ${s.name}: ${s.cases.length} records, ${s.skipped.length} skipped`);
for (const s of skipped) console.log(`    skipped ${s.source}: ${s.reason}`);
console.log('');
const firstWidth = Math.max(...ROUNDTRIP_FIELDS.map((f) => f.length), 'parsed without warnings'.length) + 2;
const colWidth = Math.max(...columns.map(([name]) => name.length), 11) + 2;
const cell = (t: Tally): string => `${t.right} / ${t.total}`.padStart(colWidth);
const line = (label: string, cells: string[]): void =>
  console.log(`  ${label.padEnd(firstWidth)}${cells.join('')}`);
line(
  '',
  columns.map(([name]) => name.padStart(colWidth)),
);
const perColumn = columns.map(([, cases]) => tallyFields(cases));
for (const field of ROUNDTRIP_FIELDS) {
  line(
    field,
    perColumn.map((t) => cell(t.get(field) ?? { right: 0, total: 0 })),
  );
}
console.log('');
line(
  'overall fields right',
  columns.map(([, c]) => cell(tallyAll(c))),
);
line(
  'parsed without warnings',
  columns.map(([, c]) => cell(tallyClean(c))),
);
const roundTripWrong = [...roundTripMisses(everyCase), ...warningMisses(everyCase)];
if (roundTripWrong.length > 0) console.log(`\nRound-trip misses:\n  ${roundTripWrong.join('\n  ')}`);

// The development set: real lists in many styles, read list by list.
const devLists = loadDevSet();
const read = readWithStyles(parseCitationList);
const devCases: DevCase[] = [];
const byOrigin = new Map<DevOrigin, DevCase[]>();
for (const list of devLists) {
  const cases = measureList(list, read);
  devCases.push(...cases);
  byOrigin.set(list.origin, [...(byOrigin.get(list.origin) ?? []), ...cases]);
}
const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
function devRow(label: string, t: DevTally): string {
  return [
    label.padEnd(18),
    String(t.references).padStart(5),
    String(t.judged).padStart(7),
    `${t.fullyRight} (${pct(t.fullyRight, t.judged)})`.padStart(15),
    `${t.wrongUnmarked} (${pct(t.wrongUnmarked, t.judged)})`.padStart(15),
    `${t.fieldsRight}/${t.fields}`.padStart(11),
    `${t.marked} (${pct(t.marked, t.references)})`.padStart(14),
    `${t.idsRead - t.idErrors}/${t.idsRead}`.padStart(9),
    String(t.idErrors).padStart(6),
  ].join(' ');
}
const header = [
  'family'.padEnd(18),
  'refs'.padStart(5),
  'w/truth'.padStart(7),
  'fully right'.padStart(15),
  'wrong unmarked'.padStart(15),
  'fields'.padStart(11),
  'shown verbatim'.padStart(14),
  'ids ok'.padStart(9),
  'ids bad'.padStart(6),
].join(' ');
console.log(
  `\nDevelopment set: ${devLists.length} lists, ${devCases.length} references from ${new Set(devLists.map((l) => l.file)).size} files ` +
    '(PubMed <Citation> strings: ids only; JATS mixed-citation text and element-citation printed by NLM: fields).',
);
console.log(`  ${header}`);
const tallies = tallyDevSet(devCases);
for (const [family, t] of tallies) if (family !== 'overall') console.log(`  ${devRow(family, t)}`);
const overall = tallies.get('overall');
if (overall) console.log(`  ${devRow('overall', overall)}`);
console.log('\n  by source:');
for (const [origin, cases] of byOrigin) {
  const t = tallyDevSet(cases).get('overall');
  if (t) console.log(`  ${devRow(origin, t)}`);
}
const devWrong = devCases.filter((c) => c.wrong && c.wrong.length > 0 && !c.marked);
if (devWrong.length > 0) {
  console.log('\n  Wrong but not marked:');
  for (const c of devWrong) console.log(`    [${c.source}] ${JSON.stringify(c.wrong)}\n      ${c.text}`);
}
const devIds = devCases.filter((c) => c.idErrors.length > 0);
for (const c of devIds) console.log(`  identifier: ${c.idErrors.join('; ')}  [${c.source}]`);

// The same files through their own readers (PubMed XML, JATS), as `npm run ingest` reads them.
console.log("\nAs each source's own XML (PubMed XML reader; JATS reader on structured fields):");
console.log(
  `  ${'file'.padEnd(38)} ${'refs'.padStart(5)} ${'w/truth'.padStart(7)} ${'fully right'.padStart(11)} ${'wrong unmarked'.padStart(14)} ${'shown verbatim'.padStart(14)} ${'ids ok'.padStart(9)}`,
);
for (const r of measureOwnXml()) {
  if (r.refused !== undefined) {
    console.log(`  ${r.file.padEnd(38)} refused: ${r.refused.slice(0, 90)}`);
    continue;
  }
  console.log(
    `  ${r.file.padEnd(38)} ${String(r.references).padStart(5)} ${String(r.judged).padStart(7)} ${String(r.fullyRight).padStart(11)} ${String(r.wrongUnmarked).padStart(14)} ${String(r.marked).padStart(14)} ${`${r.idsRead - r.idErrors.length}/${r.idsRead}`.padStart(9)}`,
  );
  for (const e of r.idErrors) console.log(`      identifier: ${e}`);
  for (const m of r.misses) console.log(`      wrong: ${m}`);
}

// Held out, never tuned on: the Royal Society's own printed strings in the Crossref record
// (`unstructured`), with the DOI Crossref links to each as truth for identifiers.
{
  const records = JSON.parse(
    readFileSync(
      new URL('../tests/fixtures/external/manubot__crossref-deep-review.json', import.meta.url),
      'utf8',
    ),
  ) as { reference?: { unstructured?: string; DOI?: string }[] }[];
  const refs = (records[0]?.reference ?? []).filter((r) => r.unstructured !== undefined);
  const reading = parseCitationList(refs.map((r) => r.unstructured ?? ''));
  let exact = 0;
  let wrong = 0;
  let invented = 0;
  reading.entries.forEach((e, i) => {
    const got = e.item.DOI;
    const want = refs[i]?.DOI;
    if (got === undefined) return;
    if (want === undefined) invented += 1;
    else if (got.toLowerCase() === want.toLowerCase()) exact += 1;
    else wrong += 1;
  });
  const shown = reading.entries.filter((e) => e.shownVerbatim).length;
  console.log(
    `\nHeld out: ${refs.length} Royal Society strings (crossref-deep-review, unstructured): list read as ` +
      `${reading.family}; shown verbatim ${shown} (${pct(shown, refs.length)}); DOI exact ${exact}, ` +
      `wrong ${wrong}, read where Crossref links none ${invented}; fields not checked.`,
  );
}

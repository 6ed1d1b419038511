/**
 * npm run measure:formatting [-- --runs 3 <references.json>…]
 *
 * Formats reference lists (every review's under content/reviews/ by default) in the five styles,
 * the way the reference layer does (numeric styles a list at a time, author-date styles an
 * entry at a time), with citation-js's wrapper and with citeproc-js called directly (one engine
 * per style, reused), checks both give the same HTML, and prints entries per second.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatEntries, formatEntriesDirect } from '../src/lib/cite/citation-js.ts';
import { ensureStyles, STYLE_CHOICES } from '../src/lib/cite/styles.ts';
import type { CslItem } from '../src/lib/schema/csl.ts';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '3' } },
  allowPositionals: true,
});
const files =
  positionals.length > 0
    ? positionals
    : readdirSync('content/reviews')
        .map((slug) => join('content/reviews', slug, 'references.json'))
        .filter((f) => existsSync(f));
const lists = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as CslItem[]);
const count = lists.reduce((n, l) => n + l.length, 0) * STYLE_CHOICES.length;
ensureStyles();

type Format = (items: CslItem[], style: string) => Map<string, string>;
const run = (format: Format): Map<string, string> => {
  const out = new Map<string, string>();
  lists.forEach((items, i) => {
    for (const { id } of STYLE_CHOICES) {
      for (const [key, html] of format(items, id)) out.set(`${i}\t${id}\t${key}`, html);
    }
  });
  return out;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const time = (format: Format): { ms: number; out: Map<string, string> } => {
  let out = new Map<string, string>();
  const times: number[] = [];
  for (let r = 0; r < Number(values.runs); r++) {
    const start = performance.now();
    out = run(format);
    times.push(performance.now() - start);
  }
  return { ms: median(times), out };
};

// Warm both paths (engines, templates) before timing.
run(formatEntries);
run(formatEntriesDirect);
const wrapper = time(formatEntries);
const direct = time(formatEntriesDirect);
const differ = [...wrapper.out].filter(([k, v]) => direct.out.get(k) !== v).map(([k]) => k);
console.log(
  `${files.length} lists, ${count / STYLE_CHOICES.length} references × ${STYLE_CHOICES.length} styles = ${count} entries, median of ${values.runs} runs`,
);
console.log('| formatter | ms | entries/s |');
console.log('| --- | --: | --: |');
for (const [name, r] of [
  ['citation-js 0.7 wrapper (formatEntries)', wrapper],
  ['citeproc-js direct, one engine per style (formatEntriesDirect)', direct],
] as const) {
  console.log(`| ${name} | ${Math.round(r.ms)} | ${Math.round((count / r.ms) * 1000)} |`);
}
console.log(
  differ.length === 0
    ? 'identical output'
    : `${differ.length} entries differ, e.g. ${differ.slice(0, 3).join(', ')}`,
);

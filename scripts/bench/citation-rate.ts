/**
 * Strings per CPU second of the citation reader on the bench's 10,000 synthetic NLM strings
 * (scripts/bench/synthetic-library.ts): `parseCitation` one string at a time, as `npm run
 * bench` measures it, and `parseCitationList` over lists of 100, as the PubMed readers call it.
 *
 *   node scripts/bench/citation-rate.ts   (inside npm: npx node scripts/bench/citation-rate.ts)
 */
import { parseCitation, parseCitationList } from '../../src/lib/parse/parse-citation.ts';
import { referenceStrings } from './synthetic-library.ts';

const strings = referenceStrings(10_000);
const lists: string[][] = [];
for (let i = 0; i < strings.length; i += 100) lists.push(strings.slice(i, i + 100));

function rate(label: string, pass: () => void): void {
  pass(); // warm-up
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = process.cpuUsage();
    pass();
    const used = process.cpuUsage(started);
    rates.push(strings.length / ((used.user + used.system) / 1e6));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  console.log(`${label}: ${Math.round(median).toLocaleString('en')} strings per CPU second (median of 5)`);
}

rate('parseCitation, one string at a time', () => {
  for (const s of strings) parseCitation(s);
});
rate('parseCitationList, lists of 100', () => {
  for (const list of lists) parseCitationList(list);
});

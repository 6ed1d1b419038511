/**
 * npm run measure:build [-- --runs 3]
 * Builds the site several times into a temp dir and prints the median build time, the size
 * of dist/ and of each page, so the numbers in notes come from one reproducible command.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../tests/helpers/build-site.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, base: { type: 'string', default: '/' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');

const dir = await mkdtemp(join(tmpdir(), 'lectern-measure-'));
try {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await rm(join(dir, 'dist'), { recursive: true, force: true });
    times.push(await buildSite(join(dir, 'dist'), values.base));
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`build runs     ${times.map((t) => (t / 1000).toFixed(2)).join(' s, ')} s`);
  console.log(`build median   ${(median / 1000).toFixed(2)} s (${runs} runs)`);

  const files = await listFiles(join(dir, 'dist'));
  const total = files.reduce((sum, f) => sum + f.size, 0);
  console.log(`dist           ${kb(total)} in ${files.length} files`);
  const search = files.filter((f) => f.path.startsWith('pagefind/')).reduce((s, f) => s + f.size, 0);
  console.log(`  pagefind/    ${kb(search)}`);
  for (const f of files.filter((f) => f.path.endsWith('.html')))
    console.log(`  ${f.path.padEnd(40)} ${kb(f.size)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

async function listFiles(root: string): Promise<{ path: string; size: number }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Promise.all(files.map(async (f) => ({ path: relative(root, f), size: (await stat(f)).size })));
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

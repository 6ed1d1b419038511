/**
 * npm run bench:library -- --size 1x300 --out /tmp/lectern-300
 *
 * Writes a copy of the project whose `content/` is one of the bench's synthetic libraries
 * (same generator, same ingest as `npm run bench`), so a page or a build can be measured and
 * looked at by hand between bench runs. Packages are linked, caches are the copy's own.
 */
import { cp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestSources } from '../../src/lib/ingest.ts';
import { parseSize } from './bench-sizes.ts';
import { makeProject } from './measure-build.ts';
import { syntheticLibrary } from './synthetic-library.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: { size: { type: 'string', default: '1x300' }, out: { type: 'string' } },
});
const spec = parseSize(values.size);
if (spec.kind === 'seed') throw new Error('--size takes a synthetic size like 1x300 or 50x200');
if (values.out === undefined) throw new Error('--out <folder> is required (it is replaced)');
const out = resolve(values.out);

const project = await makeProject(ROOT);
const content = join(project, 'content');
for (const source of syntheticLibrary(spec.reviews, spec.referencesEach, spec.seed)) {
  await ingestSources([{ name: source.name, text: source.text }], { out: content, slug: source.slug });
}
await rm(out, { recursive: true, force: true });
await cp(project, out, { recursive: true, verbatimSymlinks: true });
await rm(project, { recursive: true, force: true });
console.log(`${out}: ${spec.label} synthetic library; build it with (cd ${out} && npm run build)`);

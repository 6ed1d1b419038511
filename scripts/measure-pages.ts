/**
 * npm run measure:pages [-- --dist dist]
 *
 * What each kind of page of a built site ships on load: HTML, CSS and JavaScript, raw and
 * gzipped, from the files the page's <link rel="stylesheet"> and <script src> tags name.
 * Build first (`npm run build`). Prints a Markdown table.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measurePageWeight } from './bench/measure-page-weight.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dist = resolve(values.dist);
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

const reviews = (await readdir(join(dist), { withFileTypes: true }))
  .filter((e) => e.isDirectory() && !['_astro', 'pagefind'].includes(e.name))
  .map((e) => e.name)
  .sort();
const pages: { label: string; path: string; slug: string }[] = [{ label: 'library', path: '', slug: '' }];
for (const slug of reviews) {
  const refs = (await readdir(join(dist, slug, 'references'), { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  pages.push(
    { label: 'review', path: `${slug}/`, slug },
    { label: 'references', path: `${slug}/references/`, slug },
    ...(refs[0] ? [{ label: 'one reference', path: `${slug}/references/${refs[0]}/`, slug }] : []),
  );
}

console.log('| page | HTML raw / gzip | CSS raw / gzip | JS on load raw / gzip | scripts |');
console.log('| --- | --: | --: | --: | --- |');
for (const { label, path, slug } of pages) {
  const w = await measurePageWeight(dist, path, resolve('content'), slug);
  const scripts = w.js.files.map((f) => f.replace(/^(\.\.\/)+/, '')).join(', ');
  console.log(
    `| ${label} \`/${path}\` | ${kb(w.html.raw)} / ${kb(w.html.gzip)} | ${kb(w.css.raw)} / ${kb(w.css.gzip)} | ${kb(w.js.raw)} / ${kb(w.js.gzip)} | ${scripts} |`,
  );
}

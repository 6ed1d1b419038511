import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReviewMarkdown } from '../../src/lib/markdown/render-review-markdown.ts';

const style = {
  name: 'nlm-citation-sequence',
  xml: await readFile('src/csl/nlm-citation-sequence.csl', 'utf8'),
};

/** A review folder in a temp dir with a small reference list in a known order. */
let cwd: string;
let reviewDir: string;
const references = ['darnell1997', 'bromberg2002', 'yu2004', 'sommer2012', 'zhang2007'].map((id, i) => ({
  id,
  type: 'article-journal',
  title: `Work ${i + 1}`,
  author: [{ family: id.replace(/\d+$/, ''), given: 'A.' }],
  issued: { 'date-parts': [[1997 + i]] },
}));

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'lectern-cite-'));
  reviewDir = join(cwd, 'content', 'reviews', 'example');
  await mkdir(join(reviewDir, 'figures'), { recursive: true });
  await writeFile(join(reviewDir, 'references.json'), JSON.stringify(references));
});

const render = (markdown: string, path = 'index.md') =>
  renderReviewMarkdown(markdown, { path: join(reviewDir, path), cwd }, style);

/** [number shown, href] of every citation link, in document order. */
function citationLinks(html: string): [string, string][] {
  return [...html.matchAll(/<a href="(#bib-[^"]+)" class="citation-link">(\d+)<\/a>/g)].map((m) => [
    m[2] ?? '',
    m[1] ?? '',
  ]);
}

describe('citations in review Markdown', () => {
  it('numbers a single citation by the review list and links its entry', async () => {
    const html = await render('STATs regulate genes [@yu2004].');
    expect(citationLinks(html)).toEqual([['3', '#bib-yu2004']]);
    expect(html).toContain('(<a href="#bib-yu2004" class="citation-link">3</a>)');
  });

  it('links each number of a multi-citation [@b; @a] to its own entry', async () => {
    // rehype-citation 2.3.2 alone renders "(1,2)" here with "1" pointing at bromberg2002.
    const html = await render('Both [@bromberg2002; @darnell1997] agree.');
    expect(citationLinks(html)).toEqual([
      ['1', '#bib-darnell1997'],
      ['2', '#bib-bromberg2002'],
    ]);
  });

  it('keeps the review numbering when the first citation is not reference 1', async () => {
    const html = await render('First [@zhang2007], then [@sommer2012; @darnell1997].');
    expect(citationLinks(html)).toEqual([
      ['5', '#bib-zhang2007'],
      ['1', '#bib-darnell1997'],
      ['4', '#bib-sommer2012'],
    ]);
  });

  it('writes three or more consecutive numbers as a linked range', async () => {
    const html = await render('See [@yu2004; @darnell1997; @bromberg2002; @zhang2007].');
    expect(html).toContain(
      '(<a href="#bib-darnell1997" class="citation-link">1</a>–<a href="#bib-yu2004" class="citation-link">3</a>,<a href="#bib-zhang2007" class="citation-link">5</a>)',
    );
  });

  it('uses the same numbers in a figure caption one folder down', async () => {
    const html = await render('Adapted from [@sommer2012].', 'figures/1.md');
    expect(citationLinks(html)).toEqual([['4', '#bib-sommer2012']]);
  });

  it('leaves text alone when the key is not in the list, and prints no bibliography', async () => {
    const html = await render('Unknown [@nobody2020] stays.');
    expect(html).toContain('[@nobody2020]');
    expect(html).not.toContain('csl-bib-body');
  });
});

/**
 * What one built page ships: its HTML, the stylesheets and scripts it loads on page load (raw
 * and gzipped, separately), and whether its text is readable without JavaScript.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { parse as parseYaml } from 'yaml';

export interface Weight {
  raw: number;
  gzip: number;
  files: string[];
}

export interface PageWeight {
  html: Weight;
  css: Weight;
  /** Scripts the page loads without any interaction (`<script src>`, module preloads). */
  js: Weight;
  /** Inline `<style>` and executable inline `<script>` bytes (JSON data aside), in the HTML above. */
  inlineStyleBytes: number;
  inlineScriptBytes: number;
  /** Content the review's files hold that the HTML's text lacks (empty: readable without JS). */
  missingText: string[];
  checkedText: number;
}

const gz = (bytes: Uint8Array): number => gzipSync(bytes, { level: 6 }).length;

function weigh(files: { path: string; bytes: Buffer }[]): Weight {
  return {
    raw: files.reduce((s, f) => s + f.bytes.length, 0),
    gzip: files.reduce((s, f) => s + gz(f.bytes), 0),
    files: files.map((f) => f.path),
  };
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Resolves a URL of the page (page-relative or site-absolute) to a file in `dist`. */
function fileOf(dist: string, pageFile: string, url: string): string | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  if (/^[a-z]+:/i.test(path) || path === '') return undefined;
  const file = path.startsWith('/') ? join(dist, path) : resolve(dirname(pageFile), path);
  return existsSync(file) ? file : undefined;
}

/** Weighs `dist/<page>/index.html` and checks the review `slug`'s content text is in it. */
export async function measurePageWeight(
  dist: string,
  page: string,
  contentDir: string,
  slug: string,
): Promise<PageWeight> {
  const pageFile = join(dist, page, 'index.html');
  const htmlBytes = await readFile(pageFile);
  const html = htmlBytes.toString('utf8');
  const css: { path: string; bytes: Buffer }[] = [];
  const js: { path: string; bytes: Buffer }[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase() ?? '';
    const href = attr(tag, 'href');
    const file = href === undefined ? undefined : fileOf(dist, pageFile, href);
    if (!file) continue;
    if (rel.split(/\s+/).includes('stylesheet'))
      css.push({ path: href ?? file, bytes: await readFile(file) });
    if (rel === 'modulepreload' || (rel === 'preload' && attr(tag, 'as') === 'script'))
      js.push({ path: href ?? file, bytes: await readFile(file) });
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    const file = src === undefined ? undefined : fileOf(dist, pageFile, src);
    if (file && !js.some((j) => j.path === src)) js.push({ path: src ?? file, bytes: await readFile(file) });
  }
  const inlineStyleBytes = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].reduce(
    (s, m) => s + Buffer.byteLength(m[1] ?? ''),
    0,
  );
  // Inline data (JSON-LD metadata, JSON) is not JavaScript; only executable inline scripts count.
  const inlineScriptBytes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\btype\s*=\s*["']?application\/(?:ld\+)?json/i.test(m[1] ?? ''))
    .reduce((s, m) => s + Buffer.byteLength(m[2] ?? ''), 0);
  // Pages other than a review's (the library) have no review content to look for.
  const expected = slug === '' ? [] : await contentText(join(contentDir, 'reviews', slug));
  const pageText = squash(toText(fromHtml(html)));
  const missingText = expected.filter((t) => !pageText.includes(squash(t)));
  return {
    html: weigh([{ path: `${page}/index.html`, bytes: htmlBytes }]),
    css: weigh(css),
    js: weigh(js),
    inlineStyleBytes,
    inlineScriptBytes,
    missingText,
    checkedText: expected.length,
  };
}

/** Of `texts`, those the text of `dist/<page>/index.html` lacks (spacing, case and punctuation aside). */
export async function missingFromPage(
  dist: string,
  page: string,
  texts: readonly string[],
): Promise<string[]> {
  const html = await readFile(join(dist, page, 'index.html'), 'utf8');
  const pageText = squash(toText(fromHtml(html)));
  return texts.filter((t) => !pageText.includes(squash(t)));
}

/** Letters and digits only, lower case: Markdown escapes, typography and spacing aside. */
function squash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The text a reader comes for, from the review's content files: title, abstract paragraphs,
 * figure captions and reference titles. Each must be in the page's HTML.
 */
async function contentText(reviewDir: string): Promise<string[]> {
  const index = await readFile(join(reviewDir, 'index.md'), 'utf8');
  const front = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(index);
  const meta = (front ? parseYaml(front[1] ?? '') : {}) as { title?: string };
  const texts: string[] = [];
  if (meta.title) texts.push(meta.title);
  for (const paragraph of (front?.[2] ?? '').split(/\n\s*\n/)) {
    const text = paragraph.replace(/^#+\s.*$/gm, '').trim();
    if (text) texts.push(text);
  }
  const figures = join(reviewDir, 'figures');
  if (existsSync(figures)) {
    for (const name of (await readdir(figures)).sort()) {
      const body = /^---\n[\s\S]*?\n---\n?([\s\S]*)$/.exec(await readFile(join(figures, name), 'utf8'));
      const caption = body?.[1]?.trim();
      if (caption) texts.push(caption);
    }
  }
  const references = JSON.parse(await readFile(join(reviewDir, 'references.json'), 'utf8')) as {
    title?: string;
  }[];
  for (const r of references) if (r.title) texts.push(r.title);
  return texts.flatMap(readerText);
}

/**
 * What a reader sees of a Markdown text, in pieces the page must hold verbatim: inline HTML tags
 * (`<sub>`) dropped, and the text cut at citation clusters (`[@key; @key2]`), which the page
 * shows as numbers.
 */
export function readerText(markdown: string): string[] {
  return markdown
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .split(/\[[^\]]*@[^\]]*\]/)
    .map((piece) => piece.trim())
    .filter((piece) => squash(piece) !== '');
}

import type { Element, ElementContent, Root, Text } from 'hast';
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { citationRE } from 'rehype-citation/node/src/regex.js';
import { parseCitation } from 'rehype-citation/node/src/parse-citation.js';
import { citationLabel } from '../markdown/renumber-citations.ts';

/**
 * Where a review cites each reference, read from its Markdown (the abstract, the full text and
 * each figure caption, with Pandoc `[@key]` citations), not from rendered pages. The Markdown
 * goes through Astro's own pipeline (GFM, SmartyPants) to its HTML tree, without the citation
 * plugins; each `[@a; @b]` is then found as rehype-citation finds it (the same expression, in
 * the same elements, counted in the same order), so the site's id on the page,
 * `citation--a--b--<n>`, and its printed marker, "(1,2)", are the ones the page shows.
 */

export interface MarkdownPart {
  /** Reader-facing name of the part when it has no heading of its own: "Abstract", "Figure 2 caption". */
  label: string;
  markdown: string;
}

export interface CitationSite {
  /** The span's id on the review page, e.g. "citation--darnell1997--3". */
  id: string;
  /** Section heading (or part label) the citation sits under. */
  section: string;
  /** The sentence around the citation, the citation itself as printed (e.g. "(1–9)") included. */
  excerpt: string;
  /** The citation as printed, e.g. "(1–9)" or "(12)". */
  marker: string;
}

/** Keys a citation span's id names, lower case: "citation--a--b--3" → ["a", "b"]. */
export function citedKeys(id: string): string[] {
  const parts = id.split('--');
  if (parts[0] !== 'citation' || parts.length < 3) return [];
  return parts.slice(1, -1).map((k) => k.toLowerCase());
}

const BLOCKS = new Set(['p', 'li', 'td', 'th', 'figcaption', 'blockquote', 'dd']);
const classes = (node: Element): string[] => {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
};
const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

/** Brackets around a citation's numbers, from the citation layout of a numeric CSL style: "(", ")". */
export function citationBrackets(styleXml: string): { open: string; close: string } {
  const layout = /<citation\b[\s\S]*?<layout\b([^>]*)>/.exec(styleXml)?.[1] ?? '';
  const attr = (name: string): string => new RegExp(`\\s${name}="([^"]*)"`).exec(layout)?.[1] ?? '';
  return { open: attr('prefix'), close: attr('suffix') };
}

let renderer: Promise<MarkdownRenderer> | undefined;
const capture: { tree?: Root | undefined } = {};
const takeCaptured = (): Root | undefined => capture.tree;

/** Astro's Markdown pipeline, stopped at the HTML tree (no citation plugins, no highlighting). */
async function markdownTree(markdown: string): Promise<Root> {
  renderer ??= unified({
    gfm: true,
    rehypePlugins: [
      () => (tree: Root) => {
        capture.tree = tree;
      },
    ],
  }).createRenderer({ syntaxHighlight: false });
  const render = await renderer;
  capture.tree = undefined;
  await render.render(markdown);
  const tree = takeCaptured();
  if (!tree) throw new Error('the Markdown pipeline gave no tree');
  return tree;
}

/** rehype-citation looks for citations only in text directly inside these elements. */
const PERMITTED = new Set(['div', 'p', 'span', 'li', 'td', 'th']);

/**
 * Replaces each citation in `tree` by the span the page shows for it, as rehype-citation and
 * rehype-renumber-citations render it: `numbers` maps each key of the list (as written) to its
 * number.
 */
export function markCitations(
  tree: Root,
  numbers: ReadonlyMap<string, number>,
  brackets: { open: string; close: string },
): void {
  let count = 0;
  const visit = (parent: Root | Element): void => {
    const permitted = parent.type === 'element' && PERMITTED.has(parent.tagName);
    const children: (Root['children'][number] | ElementContent)[] = [];
    for (const node of parent.children) {
      if (node.type === 'element') visit(node);
      if (node.type !== 'text' || !permitted) {
        children.push(node);
        continue;
      }
      let rest: Text = node;
      for (;;) {
        const match = rest.value.match(citationRE);
        if (!match || match.index === undefined) break;
        const keys = parseCitation(match)[0].map((e) => e.id ?? '');
        // rehype-citation leaves a citation of an unknown key, and the rest of its text, as text.
        if (keys.some((key) => !numbers.has(key))) break;
        count += 1;
        // An in-text citation's match leaves out its leading "-" (suppress author).
        const start = match.index - (match[2] === undefined ? 0 : 1);
        const end = match.index + match[0].length;
        if (start > 0) children.push({ type: 'text', value: rest.value.slice(0, start) });
        const cited = keys
          .map((key) => ({ key: key.toLowerCase(), number: numbers.get(key) ?? 0 }))
          .sort((a, b) => a.number - b.number);
        const label = citationLabel(cited).map(textOf).join('');
        children.push({
          type: 'element',
          tagName: 'span',
          properties: {
            className: ['citation'],
            // The keys as the list writes them; the id has them in lower case.
            dataKeys: keys.join(' '),
            id: `citation--${keys.map((key) => key.toLowerCase()).join('--')}--${count}`,
          },
          children: [{ type: 'text', value: `${brackets.open}${label}${brackets.close}` }],
        });
        rest = { type: 'text', value: rest.value.slice(end) };
      }
      if (rest.value !== '') children.push(rest);
    }
    parent.children = children;
  };
  visit(tree);
}

/** The text of a Markdown snippet (a figure caption) with its citations as printed, for search. */
export async function markdownText(
  markdown: string,
  numbers: ReadonlyMap<string, number>,
  brackets: { open: string; close: string },
): Promise<string> {
  const tree = await markdownTree(markdown);
  markCitations(tree, numbers, brackets);
  return tree.children
    .map((node) => (node.type === 'element' || node.type === 'text' ? textOf(node) : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Every citation in `parts`, keyed by each reference key it cites (as the list writes it); `numbers`
 * maps the list's keys to their numbers (see markCitations).
 */
export async function citationSites(
  parts: MarkdownPart[],
  numbers: ReadonlyMap<string, number>,
  brackets: { open: string; close: string },
): Promise<Map<string, CitationSite[]>> {
  const sites = new Map<string, CitationSite[]>();
  for (const part of parts) {
    if (!part.markdown.includes('@')) continue;
    const tree = await markdownTree(part.markdown);
    markCitations(tree, numbers, brackets);
    let section = part.label;
    const walk = (nodes: (ElementContent | Root['children'][number])[]): void => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        if (/^h[2-4]$/.test(node.tagName)) {
          section = textOf(node).replace(/\s+/g, ' ').trim() || section;
          continue;
        }
        if (BLOCKS.has(node.tagName)) {
          readBlock(node, section, sites);
          continue;
        }
        walk(node.children);
      }
    };
    walk(tree.children);
  }
  return sites;
}

function readBlock(block: Element, section: string, sites: Map<string, CitationSite[]>): void {
  let text = '';
  const found: { id: string; keys: string[]; start: number; end: number }[] = [];
  const visit = (node: ElementContent): void => {
    if (node.type === 'text') {
      text += node.value;
      return;
    }
    if (node.type !== 'element') return;
    const id = typeof node.properties['id'] === 'string' ? node.properties['id'] : '';
    const isCitation = classes(node).includes('citation') && id.startsWith('citation--');
    const start = text.length;
    node.children.forEach(visit);
    const keys = node.properties['dataKeys'];
    if (isCitation) {
      found.push({
        id,
        keys: typeof keys === 'string' ? keys.split(' ') : citedKeys(id),
        start,
        end: text.length,
      });
    }
  };
  block.children.forEach(visit);
  for (const { id, keys, start, end } of found) {
    const site: CitationSite = {
      id,
      section,
      excerpt: sentenceAround(text, start, end),
      marker: text.slice(start, end).trim(),
    };
    for (const key of keys) {
      const list = sites.get(key) ?? [];
      list.push(site);
      sites.set(key, list);
    }
  }
}

/** The sentence of `text` that holds [start, end), at most about `max` characters, with "…" where cut. */
export function sentenceAround(text: string, start: number, end: number, max = 320): string {
  // A sentence ends at ". " (or "? ", "! ") followed by a capital, digit or opening bracket.
  const boundary = /[.!?]\s+(?=[A-Z0-9(“"[])/g;
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(boundary)) {
    const stop = m.index + m[0].length;
    if (m.index < start) from = stop;
    else if (m.index >= end) {
      to = m.index + 1;
      break;
    }
  }
  let sentence = text.slice(from, to);
  let lead = '';
  let tail = '';
  if (sentence.length > max) {
    const mid = (start + end) / 2 - from;
    const a = Math.max(0, Math.round(mid - max / 2));
    const b = Math.min(sentence.length, a + max);
    lead = a > 0 ? '…' : '';
    tail = b < sentence.length ? '…' : '';
    sentence = sentence.slice(a, b);
  }
  return `${lead}${sentence.replace(/\s+/g, ' ').trim()}${tail}`;
}

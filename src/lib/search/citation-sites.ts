import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * Where a review cites each reference. rehype-citation renders `[@a; @b]` as
 * `<span class="citation" id="citation--a--b--<n>">(…)</span>`, the keys of every cited work in
 * the id (a range such as "1–9" lists all nine). This reads those spans back from the rendered
 * HTML of the abstract, the full text and the figure captions. Pure: HTML in, sites out.
 */

export interface RenderedPart {
  /** Reader-facing name of the part when it has no heading of its own: "Abstract", "Figure 2". */
  label: string;
  html: string;
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

/** Every citation span in `parts`, keyed by each reference key it cites (lower case). */
export function citationSites(parts: RenderedPart[]): Map<string, CitationSite[]> {
  const sites = new Map<string, CitationSite[]>();
  for (const part of parts) {
    const tree: Root = fromHtml(part.html, { fragment: true });
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
  const found: { id: string; start: number; end: number }[] = [];
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
    if (isCitation) found.push({ id, start, end: text.length });
  };
  block.children.forEach(visit);
  for (const { id, start, end } of found) {
    const site: CitationSite = {
      id,
      section,
      excerpt: sentenceAround(text, start, end),
      marker: text.slice(start, end).trim(),
    };
    for (const key of citedKeys(id)) {
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

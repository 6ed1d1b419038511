import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bibliographyFor } from './locate-bibliography.ts';

/**
 * rehype-citation numbers citations by first appearance in one Markdown file and, for a
 * multi-citation like [@b; @a], links its sorted numbers to the entries in written order, so
 * "(1,2)" can send "1" to the second work. A review has one numbered list for its abstract,
 * body and every figure caption, so each in-text number is set here from that list and links
 * to its own entry.
 */
export function rehypeRenumberCitations() {
  return (tree: Root, file: VFile): void => {
    const bibliography = bibliographyFor(file);
    if (!bibliography) return;
    const numbers = referenceNumbers(join(file.cwd, bibliography));
    visit(tree, 'element', (node: Element) => {
      const id = typeof node.properties['id'] === 'string' ? node.properties['id'] : '';
      if (!id.startsWith('citation--')) return;
      const keys = id.split('--').slice(1, -1);
      const cited = keys
        .map((key) => ({ key, number: numbers.get(key) }))
        .filter((c): c is { key: string; number: number } => c.number !== undefined)
        .sort((a, b) => a.number - b.number);
      if (cited.length !== keys.length) return;
      const text = textOf(node);
      const open = /^[^\d]*/.exec(text)?.[0] ?? '';
      const close = /[^\d]*$/.exec(text)?.[0] ?? '';
      node.properties['className'] = ['citation'];
      node.children = [
        { type: 'text', value: open },
        ...citationLabel(cited),
        { type: 'text', value: close },
      ];
    });
  };
}

/** "1,2,4" with runs of three or more written as a range, "1–3", as NLM does. */
export function citationLabel(cited: { key: string; number: number }[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (let i = 0; i < cited.length; ) {
    let j = i;
    while (j + 1 < cited.length && cited[j + 1]!.number === cited[j]!.number + 1) j++;
    if (out.length > 0) out.push({ type: 'text', value: ',' });
    if (j - i >= 2) {
      out.push(link(cited[i]!), { type: 'text', value: '–' }, link(cited[j]!));
    } else {
      for (let k = i; k <= j; k++) {
        if (k > i) out.push({ type: 'text', value: ',' });
        out.push(link(cited[k]!));
      }
    }
    i = j + 1;
  }
  return out;
}

function link({ key, number }: { key: string; number: number }): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: `#bib-${key}`, className: ['citation-link'] },
    children: [{ type: 'text', value: String(number) }],
  };
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

const cache = new Map<string, Map<string, number>>();

/** Lower-cased key -> number in the review's list; rehype-citation lower-cases keys in its ids. */
function referenceNumbers(path: string): Map<string, number> {
  let numbers = cache.get(path);
  if (!numbers) {
    const items = JSON.parse(readFileSync(path, 'utf8')) as { id: string }[];
    numbers = new Map(items.map((item, i) => [item.id.toLowerCase(), i + 1]));
    cache.set(path, numbers);
  }
  return numbers;
}

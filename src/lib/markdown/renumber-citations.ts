import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { referenceAnchor } from '../references/identity.ts';
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
        .filter((c): c is Cited => c.number !== undefined)
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
export function citationLabel(cited: Cited[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const run of consecutiveRuns(cited)) {
    if (out.length > 0) out.push({ type: 'text', value: ',' });
    const first = run[0];
    const last = run[run.length - 1];
    if (run.length >= 3 && first && last) {
      out.push(link(first), { type: 'text', value: '–' }, link(last));
      continue;
    }
    run.forEach((c, k) => {
      if (k > 0) out.push({ type: 'text', value: ',' });
      out.push(link(c));
    });
  }
  return out;
}

interface Cited {
  key: string;
  number: number;
}

/** Splits numbers sorted ascending into runs of consecutive numbers: 1,2,3,5 -> [1,2,3],[5]. */
function consecutiveRuns(cited: Cited[]): Cited[][] {
  const runs: Cited[][] = [];
  for (const c of cited) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && c.number === previous.number + 1) run.push(c);
    else runs.push([c]);
  }
  return runs;
}

function link({ key, number }: Cited): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: `#${referenceAnchor(key)}`, className: ['citation-link'] },
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

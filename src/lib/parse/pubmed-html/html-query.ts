import type { Element, Nodes, Root } from 'hast';
import { toText } from 'hast-util-to-text';

/** A few selectors over a hast tree, enough to read PubMed's article page. */
export function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

export function hasClass(node: Element, name: string): boolean {
  return classes(node).includes(name);
}

/** Every element below `node` (document order) for which `test` holds; no recursion. */
export function findAll(node: Root | Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const pending: Nodes[] = [...node.children].reverse();
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || current.type !== 'element') continue;
    if (test(current)) found.push(current);
    for (let i = current.children.length - 1; i >= 0; i--) {
      const child = current.children[i];
      if (child) pending.push(child);
    }
  }
  return found;
}

export function findFirst(node: Root | Element, test: (e: Element) => boolean): Element | undefined {
  return findAll(node, test)[0];
}

export const byId =
  (id: string) =>
  (e: Element): boolean =>
    e.properties['id'] === id;
export const byClass =
  (name: string) =>
  (e: Element): boolean =>
    hasClass(e, name);
export const byTag =
  (tag: string) =>
  (e: Element): boolean =>
    e.tagName === tag;

/** Text of an element as a reader sees it, whitespace collapsed. */
export function textOf(node: Element | undefined): string {
  return node ? toText(node, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim() : '';
}

export function attr(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  return typeof value === 'string' ? value : undefined;
}

/** The line of the source an element starts on, for error messages. */
export function lineOf(node: Element | undefined): number | undefined {
  return node?.position?.start.line;
}

import type { XmlElement, XmlNode } from '../../xml/read-xml.ts';
import { childElements, textContent } from '../../xml/read-xml.ts';

/**
 * Text helpers for JATS elements. `textContent` (read-xml) joins text nodes as they are; JATS
 * element-citations and affiliations put fields side by side without separators, so these
 * helpers add a space between structural elements while keeping inline markup (italic, sub…)
 * glued to its word.
 */

/** Elements that format text inside a word or phrase; never separated from their neighbours. */
const INLINE = new Set([
  'italic',
  'bold',
  'sub',
  'sup',
  'sc',
  'monospace',
  'underline',
  'overline',
  'roman',
  'sans-serif',
  'strike',
  'named-content',
  'styled-content',
  'abbrev',
  'inline-formula',
  'mml:math',
]);

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of `element` without the children named in `skip` (e.g. `label`, `xref`), whitespace collapsed. */
export function plainText(element: XmlElement | undefined, skip: ReadonlySet<string> = new Set()): string {
  return textContent(element, skip);
}

/**
 * Text of `element` with a space between structural children ("Avery SV Microbial cell…"),
 * none around inline markup, and no space before closing punctuation.
 */
export function spacedText(element: XmlElement | undefined, skip: ReadonlySet<string> = new Set()): string {
  if (!element) return '';
  const parts: string[] = [];
  // Explicit stack of [node, separate]; separators are pushed as ' ' strings around structural elements.
  const pending: XmlNode[] = [element];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined) continue;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node !== element && skip.has(node.name)) continue;
    const structural = node !== element && !INLINE.has(node.name);
    if (structural) pending.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] ?? '');
    if (structural) pending.push(' ');
  }
  return collapse(parts.join(''))
    .replace(/\s+([,.;:)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1');
}

/** The attribute `local` whatever its prefix ("xlink:href", "href"). */
export function attr(element: XmlElement, local: string): string | undefined {
  const direct = element.attrs[local];
  if (direct !== undefined) return direct;
  for (const [name, value] of Object.entries(element.attrs)) {
    if (name.endsWith(`:${local}`)) return value;
  }
  return undefined;
}

/** Direct children whose name is one of `names`. */
export function childrenNamed(element: XmlElement, names: readonly string[]): XmlElement[] {
  return childElements(element).filter((c) => names.includes(c.name));
}

/** The local part of an element name ("ali:license_ref" -> "license_ref"). */
export function localName(element: XmlElement): string {
  return element.name.slice(element.name.indexOf(':') + 1);
}

/** Initials-only given names as NLM prints them ("JE", "J-P"). */
export function isInitials(given: string): boolean {
  return /^[A-Z](?:-?[A-Z]){0,4}$/.test(given);
}

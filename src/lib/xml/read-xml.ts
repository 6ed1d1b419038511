import { SaxesParser } from 'saxes';
import { SourceError } from '../errors.ts';

/** An XML element with its children in document order and the line it starts on. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
}
export type XmlNode = XmlElement | string;

/** Deeper nesting than any real article has; beyond it, input is hostile or broken. */
export const MAX_DEPTH = 256;

/**
 * Parses an XML document into a small ordered tree. Strict: a document that is not well-formed
 * fails with its line. A DOCTYPE naming a public DTD (as PubMed and PMC send) is accepted but
 * never fetched; entity declarations are refused, so nothing is ever expanded or loaded.
 */
export function readXml(text: string, file: string): XmlElement {
  const parser = new SaxesParser({ position: true, fileName: file });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], line: 1 };
  const stack: XmlElement[] = [root];
  let failure: SourceError | undefined;
  const fail = (expected: string, found?: string): void => {
    failure ??= new SourceError(file, parser.line, expected, found);
  };

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      fail('XML without entity declarations (Lectern never expands or fetches entities)', '<!ENTITY');
    }
  });
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1);
    if (!parent || failure) return;
    if (stack.length > MAX_DEPTH) {
      fail(`elements nested at most ${MAX_DEPTH} deep`, `<${tag.name}> at depth ${stack.length}`);
      return;
    }
    const attrs: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) attrs[name] = String(value);
    const element: XmlElement = { name: tag.name, attrs, children: [], line: parser.line };
    parent.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    if (stack.length > 1) stack.pop();
  });
  const addText = (value: string): void => {
    const parent = stack.at(-1);
    if (!parent || failure || stack.length === 1) return;
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else parent.children.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    fail('well-formed XML', error.message.replace(/^[^:]*:\d+:\d+: /, ''));
  });

  // saxes keeps going after an error; the first one is the one to report.
  const chunk = 1 << 16;
  try {
    for (let i = 0; i < text.length && !failure; i += chunk) parser.write(text.slice(i, i + chunk));
    if (!failure) parser.close();
  } catch (error) {
    // saxes throws rather than reports on some broken input: a lone surrogate right after "<!"
    // makes it build a code point from NaN (RangeError). Whatever it throws, the input is at fault.
    if (error instanceof SourceError) throw error;
    fail('well-formed XML', error instanceof Error ? error.message : String(error));
  }
  if (failure) throw failure;
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new SourceError(file, 1, 'an XML document with a root element');
  return top;
}

/** Direct child elements named `name` (all child elements when omitted). */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** The first element at `path` below `element`, e.g. ['MedlineCitation', 'Article', 'ArticleTitle']. */
export function elementAt(element: XmlElement, path: readonly string[]): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const name of path) current = current ? childElement(current, name) : undefined;
  return current;
}

/** Every descendant element named `name`, in document order, without recursion. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const pending: XmlNode[] = [...element.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined || typeof node === 'string') continue;
    if (node.name === name) found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined) pending.push(child);
    }
  }
  return found;
}

/**
 * Every character of text below `element` as the source has it (entities decoded), leaving out
 * the subtrees of descendants named in `skip`. Iterative, so deep documents cannot overflow.
 */
export function rawText(element: XmlElement | undefined, skip: ReadonlySet<string> = new Set()): string {
  if (!element) return '';
  const parts: string[] = [];
  const pending: XmlNode[] = [element];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined) continue;
    if (typeof node === 'string') parts.push(node);
    else if (node === element || !skip.has(node.name)) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] ?? '');
    }
  }
  return parts.join('');
}

/** All text below `element`, whitespace collapsed. */
export function textContent(element: XmlElement | undefined, skip?: ReadonlySet<string>): string {
  return rawText(element, skip).replace(/\s+/g, ' ').trim();
}

import { rawText, type XmlElement, type XmlNode } from '../../xml/read-xml.ts';
import { escapeMarkdown } from '../../markdown/escape-markdown.ts';

/**
 * PubMed's inline markup (`<i>`, `<b>`, `<u>`, `<sub>`, `<sup>`, MathML) inside titles and
 * abstract text, rendered either as escaped Markdown or as plain text.
 */
type Mode = 'markdown' | 'plain';

/** Escaped Markdown: `<sub>`/`<sup>` kept as HTML, `<i>` as `*…*`, `<b>` as `**…**`, the rest text. */
export function inlineMarkdown(element: XmlElement | undefined): string {
  return element ? tidy(renderChildren(element, 'markdown')) : '';
}

/** The same text without any markup, e.g. for a title. */
export function inlinePlainText(element: XmlElement | undefined): string {
  return element ? tidy(renderChildren(element, 'plain')) : '';
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}

const SCRIPT = new Set(['sub', 'sup']);

function isScript(node: XmlNode | undefined): boolean {
  return node !== undefined && typeof node !== 'string' && SCRIPT.has(localName(node.name));
}

function text(value: string, mode: Mode): string {
  return mode === 'markdown' ? escapeMarkdown(value) : value;
}

function renderChildren(element: XmlElement, mode: Mode): string {
  let out = '';
  element.children.forEach((child, i) => {
    if (typeof child !== 'string') {
      out += renderElement(child, mode);
      return;
    }
    let value = child;
    // Pretty-printed XML breaks the line before a subscript ("β\n  <sub>2</sub>"); the script
    // belongs to the word before it, so layout whitespace next to it is not a space.
    if (isScript(element.children[i + 1])) value = value.replace(/\s*\n\s*$/, '');
    if (isScript(element.children[i - 1])) value = value.replace(/^\s*\n\s*/, '');
    out += text(value.replace(/\s+/g, ' '), mode);
  });
  return out;
}

function renderElement(element: XmlElement, mode: Mode): string {
  const name = localName(element.name);
  switch (name) {
    case 'sub':
    case 'sup': {
      const inner = tidy(renderChildren(element, mode));
      if (inner === '') return '';
      return mode === 'markdown' ? `<${name}>${inner}</${name}>` : inner;
    }
    case 'i':
    case 'em':
    case 'italic':
      return emphasis(renderChildren(element, mode), mode === 'markdown' ? '*' : '');
    case 'b':
    case 'strong':
    case 'bold':
      return emphasis(renderChildren(element, mode), mode === 'markdown' ? '**' : '');
    case 'math': {
      const alt = element.attrs['alttext']?.trim();
      if (alt) return text(alt.replace(/\s+/g, ' '), mode);
      return mathText(element, mode);
    }
    default:
      // <u>, <sc> and anything unknown: keep the text, drop the markup.
      return renderChildren(element, mode);
  }
}

/** "*text*" with any space outside the markers, where CommonMark needs it. */
function emphasis(inner: string, marker: string): string {
  const collapsed = inner.replace(/\s+/g, ' ');
  const core = collapsed.trim();
  if (core === '' || marker === '') return collapsed;
  const lead = collapsed.startsWith(' ') ? ' ' : '';
  const trail = collapsed.endsWith(' ') ? ' ' : '';
  return `${lead}${marker}${core}${marker}${trail}`;
}

const TOKENS = new Set(['mi', 'mn', 'mo', 'ms', 'mtext']);
const IGNORED = new Set(['annotation', 'annotation-xml', 'mprescripts', 'none']);

/**
 * MathML without `alttext`, as the text a reader would say: tokens in order, scripts as
 * `<sub>`/`<sup>` ("<sup>3</sup>He"), fractions as "a/b". Layout whitespace is ignored.
 */
function mathText(element: XmlElement, mode: Mode): string {
  const name = localName(element.name);
  const kids = element.children.filter((c): c is XmlElement => typeof c !== 'string');
  const part = (i: number): string => {
    const kid = kids[i];
    return kid ? mathText(kid, mode) : '';
  };
  const script = (tag: 'sub' | 'sup', content: string): string =>
    content === '' ? '' : mode === 'markdown' ? `<${tag}>${content}</${tag}>` : content;

  if (TOKENS.has(name)) {
    const value = rawText(element).replace(/\s+/g, ' ');
    const token = name === 'mtext' ? value : value.trim();
    return text(token, mode);
  }
  if (IGNORED.has(name)) return '';
  switch (name) {
    case 'msub':
      return part(0) + script('sub', part(1));
    case 'msup':
      return part(0) + script('sup', part(1));
    case 'msubsup':
      return part(0) + script('sub', part(1)) + script('sup', part(2));
    case 'mmultiscripts': {
      // base (post-sub post-sup)* <mprescripts/> (pre-sub pre-sup)*
      const split = kids.findIndex((k) => localName(k.name) === 'mprescripts');
      const post = split < 0 ? kids.slice(1) : kids.slice(1, split);
      const pre = split < 0 ? [] : kids.slice(split + 1);
      const scripts = (list: XmlElement[]): string =>
        list.map((k, i) => script(i % 2 === 0 ? 'sub' : 'sup', mathText(k, mode))).join('');
      return scripts(pre) + part(0) + scripts(post);
    }
    case 'mfrac':
      return `${part(0)}/${part(1)}`;
    case 'msqrt':
      return `√(${kids.map((k) => mathText(k, mode)).join('')})`;
    case 'semantics':
      return part(0);
    default:
      return kids.map((k) => mathText(k, mode)).join('');
  }
}

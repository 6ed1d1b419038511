import type { XmlElement, XmlNode } from '../../xml/read-xml.ts';
import { childElement, childElements } from '../../xml/read-xml.ts';
import { escapeMarkdown } from '../../markdown/escape-markdown.ts';
import { formulaText, inlineMarkdown, type MarkdownContext } from './inline-markdown.ts';
import { plainText } from './jats-text.ts';

/**
 * JATS block content (`body`, `sec`, `p`, `list`, `disp-quote`…) as Markdown blocks. Figures
 * are not repeated here (they are rendered from `Review.figures`); a table becomes one
 * `*Table N: title*` line, since the reader has no table renderer yet.
 */

/** Elements that start a block of their own; anything else is inline content of a paragraph. */
const BLOCK = new Set([
  'sec',
  'p',
  'list',
  'def-list',
  'disp-quote',
  'fig',
  'fig-group',
  'table-wrap',
  'table-wrap-group',
  'boxed-text',
  'supplementary-material',
  'disp-formula',
  'disp-formula-group',
  'statement',
  'title',
  'label',
  'caption',
  'speech',
  'verse-group',
  'preformat',
  'code',
  'ack',
  'app',
  'app-group',
  'ref-list',
  'glossary',
  'fn-group',
  'sec-meta',
  'array',
  'graphic',
  'media',
  'notes',
]);

/** Dropped from the text: shown elsewhere (figures, references) or not prose. */
const SKIP = new Set(['fig', 'fig-group', 'ref-list', 'sec-meta', 'graphic', 'media', 'fn-group', 'label']);

/** Keeps a paragraph from starting like another kind of block. */
function guardLineStart(text: string): string {
  return text
    .replace(/^(#{1,6}|[>+-])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-=])(?=(?:\s*[-=]){2,}\s*$)/, '\\$1');
}

function paragraph(nodes: readonly XmlNode[], ctx: MarkdownContext): string | undefined {
  const text = inlineMarkdown(nodes, ctx);
  return text === '' ? undefined : guardLineStart(text);
}

function heading(depth: number, label: string, title: string): string {
  const text = [label, title].filter((t) => t !== '').join(' ');
  return `${'#'.repeat(Math.min(depth, 6))} ${text}`;
}

function indent(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

const ORDERED = new Set(['order', 'alpha-lower', 'alpha-upper', 'roman-lower', 'roman-upper']);

function list(element: XmlElement, depth: number, ctx: MarkdownContext): string | undefined {
  const ordered = ORDERED.has(element.attrs['list-type'] ?? '');
  const items: string[] = [];
  for (const item of childElements(element, 'list-item')) {
    const content = blocks(item.children, depth, ctx).join('\n\n');
    if (content === '') continue;
    const marker = ordered ? `${items.length + 1}. ` : '- ';
    items.push(marker + indent(content, marker.length));
  }
  if (items.length === 0) return undefined;
  return items.join(items.some((i) => i.includes('\n')) ? '\n\n' : '\n');
}

function quote(content: string): string {
  return content
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** `*Table 2: Lysis times of …*`: the label and the caption's title (or first paragraph). */
function tableLine(element: XmlElement): string | undefined {
  const label = plainText(childElement(element, 'label'));
  const caption = childElement(element, 'caption');
  const title = plainText(
    caption ? (childElement(caption, 'title') ?? childElement(caption, 'p')) : undefined,
  );
  const text = [label, title].filter((t) => t !== '').join(': ');
  return text === '' ? undefined : `*${escapeMarkdown(text)}*`;
}

/** A caption as Markdown: the title in bold, then the caption's paragraphs. */
export function captionMarkdown(caption: XmlElement | undefined, ctx: MarkdownContext): string {
  if (!caption) return '';
  const title = childElement(caption, 'title');
  const titleText = title ? inlineMarkdown([{ ...title, name: 'bold' }], ctx) : '';
  const paragraphs = childElements(caption, 'p')
    .map((p) => inlineMarkdown(p.children, ctx))
    .filter((p) => p !== '');
  const [first, ...rest] = paragraphs;
  const lead = [titleText, first].filter((t): t is string => t !== undefined && t !== '').join(' ');
  return [lead, ...rest]
    .filter((t) => t !== '')
    .map(guardLineStart)
    .join('\n\n');
}

function supplementary(element: XmlElement, ctx: MarkdownContext): string | undefined {
  const label = plainText(childElement(element, 'label'));
  const caption = captionMarkdown(childElement(element, 'caption'), ctx).replace(/\n\n/g, ' ');
  const text = [label === '' ? '' : escapeMarkdown(label), caption].filter((t) => t !== '').join(': ');
  return text === '' ? undefined : guardLineStart(text);
}

function block(element: XmlElement, depth: number, ctx: MarkdownContext): string[] {
  switch (element.name) {
    case 'sec':
    case 'ack':
    case 'app': {
      const title = childElement(element, 'title');
      const label = plainText(childElement(element, 'label'));
      const titleText = title ? inlineMarkdown(title.children, ctx) : '';
      const rest = element.children.filter(
        (c) => typeof c === 'string' || (c.name !== 'title' && c.name !== 'label'),
      );
      const head = titleText === '' && label === '' ? [] : [heading(depth, escapeMarkdown(label), titleText)];
      return [...head, ...blocks(rest, depth + 1, ctx)];
    }
    case 'p':
    case 'statement':
    case 'boxed-text':
    case 'app-group':
    case 'glossary':
    case 'notes':
    case 'speech':
    case 'verse-group':
    case 'disp-formula-group':
    case 'table-wrap-group':
    case 'caption':
      return blocks(element.children, depth, ctx);
    case 'list':
      return [list(element, depth, ctx)].filter((b): b is string => b !== undefined);
    case 'def-list':
      return childElements(element, 'def-item').flatMap((item) => {
        const term = inlineMarkdown(childElement(item, 'term')?.children ?? [], ctx);
        const def = childElements(item, 'def')
          .flatMap((d) => blocks(d.children, depth, ctx))
          .join(' ');
        const text = term === '' ? def : `**${term}**: ${def}`;
        return text.trim() === '' ? [] : [guardLineStart(text.trim())];
      });
    case 'disp-quote': {
      const content = blocks(element.children, depth, ctx).join('\n\n');
      return content === '' ? [] : [quote(content)];
    }
    case 'table-wrap':
      return [tableLine(element)].filter((b): b is string => b !== undefined);
    case 'supplementary-material':
      return [supplementary(element, ctx)].filter((b): b is string => b !== undefined);
    case 'disp-formula': {
      const text = [formulaText(element), plainText(childElement(element, 'label'))]
        .filter((t) => t !== '')
        .join(' ');
      return text === '' ? [] : [guardLineStart(escapeMarkdown(text))];
    }
    case 'title': {
      const text = inlineMarkdown([{ ...element, name: 'bold' }], ctx);
      return text === '' ? [] : [guardLineStart(text)];
    }
    case 'preformat':
    case 'code':
    case 'array': {
      const text = plainText(element);
      return text === '' ? [] : [guardLineStart(escapeMarkdown(text))];
    }
    default:
      return SKIP.has(element.name) ? [] : blocks(element.children, depth, ctx);
  }
}

/**
 * The Markdown blocks of a container's children: block elements in order, with inline content
 * between them (text, italic, xref…) gathered into paragraphs.
 * @param depth heading level for a `sec` met here (2 for the body's top sections).
 */
export function blocks(nodes: readonly XmlNode[], depth: number, ctx: MarkdownContext): string[] {
  const out: string[] = [];
  let pending: XmlNode[] = [];
  const flush = (): void => {
    const text = paragraph(pending, ctx);
    if (text !== undefined) out.push(text);
    pending = [];
  };
  for (const node of nodes) {
    if (typeof node !== 'string' && BLOCK.has(node.name)) {
      flush();
      out.push(...block(node, depth, ctx));
    } else {
      pending.push(node);
    }
  }
  flush();
  return out;
}

/**
 * The article's full text: `body`, then the acknowledgements, appendices and other sections
 * of `back`. Undefined when the article has no body (an abstract-only record).
 */
export function bodyToMarkdown(
  body: XmlElement | undefined,
  back: XmlElement | undefined,
  ctx: MarkdownContext,
): string | undefined {
  if (!body) return undefined;
  const parts = blocks(body.children, 2, ctx);
  if (back) {
    for (const child of childElements(back)) {
      if (
        child.name === 'ack' ||
        child.name === 'sec' ||
        child.name === 'app-group' ||
        child.name === 'app'
      ) {
        parts.push(...block(child, 2, ctx));
      }
    }
  }
  return parts.length === 0 ? undefined : `${parts.join('\n\n')}\n`;
}

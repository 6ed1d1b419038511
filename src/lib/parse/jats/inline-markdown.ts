import type { XmlElement, XmlNode } from '../../xml/read-xml.ts';
import { descendants } from '../../xml/read-xml.ts';
import { escapeMarkdown } from '../../markdown/escape-markdown.ts';
import { attr, plainText } from './jats-text.ts';

/**
 * JATS inline content (a `p`, a `title`, a caption) as one line of Markdown. Source text is
 * escaped; the only Markdown added is `*em*`, `**strong**`, `<sub>`/`<sup>`, links and the
 * `[@key]` citations made here from `xref ref-type="bibr"`.
 */

/** What inline rendering needs to know about the rest of the article. */
export interface MarkdownContext {
  /** `ref/@id` -> position in `keys` (0-based, the list order). */
  refIndex: ReadonlyMap<string, number>;
  /** Citation keys in reference-list order. */
  keys: readonly string[];
  /** `fig/@id` -> figure number (1-based). */
  figures: ReadonlyMap<string, number>;
}

type Mark = '*' | '**';
type Token = { text: string } | { raw: string } | { mark: Mark; open: boolean; pair: number };

// Synthetic elements the citation planner puts in place of xref groups.
const CITE = '#cite';
const FIG_LINK = '#fig-link';

/** Separators allowed between two xrefs of one citation group. */
const SEPARATOR = /^[\s,;\u2010-\u2015\u2212-]*$/;
const DASH = /[\u2010-\u2015\u2212-]/;
/** A narrative author-year citation, "Leino et al. (2005)". */
const NARRATIVE = /^(.*\p{L}.*?)\s*\(\s*\d{4}[a-z]?\s*\)$/u;
/** Longest range "3–5" expanded into single references; beyond it the text is implausible. */
const MAX_RANGE = 200;

const OPENERS: Record<string, string> = { '(': ')', '[': ']' };

function bibr(node: XmlNode | undefined): XmlElement | undefined {
  return typeof node !== 'string' && node?.name === 'xref' && node.attrs['ref-type'] === 'bibr'
    ? node
    : undefined;
}

function rids(xref: XmlElement): string[] {
  return (xref.attrs['rid'] ?? '').split(/\s+/).filter(Boolean);
}

function addRange(out: number[], from: number, to: number): void {
  if (to - from > MAX_RANGE) return;
  for (let n = from; n <= to; n++) out.push(n);
}

/** Reference positions a group of xrefs cites, ranges ("1–9", or one xref reading "3–5") filled in. */
function citedPositions(group: XmlElement[], separators: string[], ctx: MarkdownContext): number[] {
  const positions: number[] = [];
  let previous: number | undefined;
  group.forEach((xref, i) => {
    const found = rids(xref)
      .map((rid) => ctx.refIndex.get(rid))
      .filter((n): n is number => n !== undefined);
    const first = found[0];
    if (first === undefined) return;
    if (previous !== undefined && DASH.test(separators[i] ?? '') && first > previous + 1) {
      addRange(positions, previous + 1, first - 1);
    }
    const range = /^\s*(\d+)\s*[\u2010-\u2015\u2212-]\s*(\d+)\s*$/.exec(plainText(xref));
    if (found.length === 1 && range && Number(range[1]) === first + 1 && Number(range[2]) > first + 1) {
      addRange(positions, first, Math.min(first + Number(range[2]) - Number(range[1]), ctx.keys.length - 1));
    } else {
      positions.push(...found);
    }
    previous = positions.at(-1);
  });
  return [...new Set(positions)];
}

function synthetic(
  name: string,
  attrs: Record<string, string>,
  children: XmlNode[],
  line: number,
): XmlElement {
  return { name, attrs, children, line };
}

/**
 * Replaces each run of bibliography xrefs (separated only by commas, semicolons, dashes or
 * spaces) with one citation, dropping the brackets printed around the run, and each resolvable
 * figure xref with a link (taking a preceding "Figure " into the link text).
 */
export function planCitations(nodes: readonly XmlNode[], ctx: MarkdownContext): XmlNode[] {
  const out: XmlNode[] = [];
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i];
    if (node === undefined) break;
    const first = bibr(node);
    if (first) {
      const group: XmlElement[] = [first];
      const separators: string[] = [''];
      let j = i + 1;
      for (;;) {
        const next = nodes[j];
        const adjacent = bibr(next);
        const afterSeparator =
          typeof next === 'string' && SEPARATOR.test(next) ? bibr(nodes[j + 1]) : undefined;
        if (adjacent) {
          group.push(adjacent);
          separators.push('');
          j += 1;
        } else if (afterSeparator && typeof next === 'string') {
          const after = afterSeparator;
          group.push(after);
          separators.push(next);
          j += 2;
        } else {
          break;
        }
      }
      const keys = citedPositions(group, separators, ctx)
        .map((n) => ctx.keys[n])
        .filter((k): k is string => k !== undefined);
      if (keys.length === 0) {
        out.push(...nodes.slice(i, j));
        i = j;
        continue;
      }
      const cite = synthetic(CITE, { keys: keys.join(' ') }, [], first.line);
      const before = out.at(-1);
      const after = nodes[j];
      const open = typeof before === 'string' ? /([([])\s*$/.exec(before) : null;
      const close = open?.[1] ? OPENERS[open[1]] : undefined;
      if (open && close && typeof after === 'string' && after.trimStart().startsWith(close)) {
        const kept = (before as string).slice(0, open.index);
        // Keep a space between the text and the citation ("phage λ [@a]").
        out[out.length - 1] = /\S$/.test(kept) ? `${kept} ` : kept;
        out.push(cite);
        const rest = after.trimStart().slice(close.length);
        out.push(rest);
        i = j + 1;
        continue;
      }
      const narrative = group.length === 1 ? NARRATIVE.exec(plainText(first)) : null;
      if (narrative?.[1]) out.push(`${narrative[1]} `);
      out.push(cite);
      i = j;
      continue;
    }
    if (typeof node !== 'string' && node.name === 'xref' && node.attrs['ref-type'] === 'fig') {
      const number = rids(node)
        .map((rid) => ctx.figures.get(rid))
        .find((n) => n !== undefined);
      if (number !== undefined) {
        let text = plainText(node);
        const before = out.at(-1);
        const word = typeof before === 'string' ? /\b(Figures?|Figs?\.?)\s+$/i.exec(before) : null;
        if (word?.[1] && /^\d/.test(text)) {
          out[out.length - 1] = (before as string).slice(0, word.index);
          text = `${word[1]} ${text}`;
        }
        out.push(synthetic(FIG_LINK, { n: String(number) }, [text || `Figure ${number}`], node.line));
        i += 1;
        continue;
      }
    }
    out.push(node);
    i += 1;
  }
  return out;
}

/** The text a formula shows: MathML `alttext`, else the formula's own text. */
export function formulaText(element: XmlElement): string {
  const maths = element.name === 'mml:math' ? [element] : descendants(element, 'mml:math');
  for (const math of maths) {
    const alt = math.attrs['alttext'];
    if (alt !== undefined && alt.trim() !== '') return alt.trim();
  }
  const tex = descendants(element, 'tex-math')[0];
  const math = maths[0];
  return plainText(math ?? tex ?? element);
}

function safeUrl(href: string | undefined, type: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const url = href.trim();
  if (type === 'doi' && /^10\.\d{4,9}\//.test(url)) return `https://doi.org/${url}`;
  if (!/^(?:https?|ftp):\/\/\S+$|^mailto:\S+$/i.test(url)) return undefined;
  return url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const SKIP_INLINE = new Set([
  'fn',
  'fig',
  'fig-group',
  'table-wrap',
  'table-wrap-foot',
  'graphic',
  'inline-graphic',
  'media',
  'alt-text',
  'object-id',
]);

class InlineWriter {
  readonly tokens: Token[] = [];
  private pairs = 0;
  private readonly ctx: MarkdownContext;

  constructor(ctx: MarkdownContext) {
    this.ctx = ctx;
  }

  text(value: string): void {
    if (value !== '') this.tokens.push({ text: escapeMarkdown(value.replace(/\s+/g, ' ')) });
  }

  raw(value: string): void {
    this.tokens.push({ raw: value });
  }

  nodes(nodes: readonly XmlNode[]): void {
    for (const node of planCitations(nodes, this.ctx)) {
      if (typeof node === 'string') this.text(node);
      else this.element(node);
    }
  }

  private element(element: XmlElement): void {
    switch (element.name) {
      case CITE:
        this.raw(
          `[${(element.attrs['keys'] ?? '')
            .split(' ')
            .map((k) => `@${k}`)
            .join('; ')}]`,
        );
        return;
      case FIG_LINK:
        this.raw('[');
        this.text(typeof element.children[0] === 'string' ? element.children[0] : '');
        this.raw(`](#figure-${element.attrs['n'] ?? ''})`);
        return;
      case 'italic':
      case 'em':
        this.emphasis('*', element);
        return;
      case 'bold':
      case 'strong':
        this.emphasis('**', element);
        return;
      case 'sup':
      case 'sub':
        this.script(element);
        return;
      case 'ext-link':
      case 'uri':
        this.link(element);
        return;
      case 'inline-formula':
      case 'disp-formula':
      case 'mml:math':
      case 'tex-math':
        this.text(formulaText(element));
        return;
      case 'break':
        this.text(' ');
        return;
      default:
        if (!SKIP_INLINE.has(element.name)) this.nodes(element.children);
    }
  }

  private emphasis(mark: Mark, element: XmlElement): void {
    const inner = new InlineWriter(this.ctx);
    inner.pairs = this.pairs;
    inner.nodes(element.children);
    this.pairs = inner.pairs;
    const content = inner.tokens;
    // Whitespace at the edges moves outside the markers: "*coli *" is not emphasis.
    const first = content[0];
    let lead = '';
    if (first && 'text' in first) {
      lead = /^\s*/.exec(first.text)?.[0] ?? '';
      first.text = first.text.slice(lead.length);
    }
    const last = content.at(-1);
    let trail = '';
    if (last && 'text' in last) {
      trail = /\s*$/.exec(last.text)?.[0] ?? '';
      last.text = last.text.slice(0, last.text.length - trail.length);
    }
    const visible = content.some((t) => !('text' in t) || t.text !== '');
    if (lead) this.tokens.push({ text: ' ' });
    if (visible) {
      const previous = this.tokens.at(-1);
      // "<italic>a</italic><italic>b</italic>" would print "*a**b*"; continue the open run instead.
      if (previous && 'mark' in previous && !previous.open && previous.mark === mark && !lead) {
        this.tokens.pop();
        this.tokens.push(...content, { mark, open: false, pair: previous.pair });
      } else {
        const pair = this.pairs++;
        this.tokens.push({ mark, open: true, pair }, ...content, { mark, open: false, pair });
      }
    }
    if (trail) this.tokens.push({ text: ' ' });
  }

  private script(element: XmlElement): void {
    const planned = planCitations(element.children, this.ctx);
    const onlyCitations =
      planned.some((n) => typeof n !== 'string' && n.name === CITE) &&
      planned.every((n) => (typeof n === 'string' ? n.trim() === '' : n.name === CITE));
    if (onlyCitations) {
      // A superscript citation group: the citation prints its own marker.
      this.nodes(planned);
      return;
    }
    const inner = new InlineWriter(this.ctx);
    inner.pairs = this.pairs;
    inner.nodes(element.children);
    this.pairs = inner.pairs;
    if (inner.tokens.every((t) => 'text' in t && t.text.trim() === '')) {
      this.tokens.push(...inner.tokens);
      return;
    }
    this.raw(`<${element.name}>`);
    this.tokens.push(...inner.tokens);
    this.raw(`</${element.name}>`);
  }

  private link(element: XmlElement): void {
    const url = safeUrl(attr(element, 'href') ?? plainText(element), element.attrs['ext-link-type']);
    if (url === undefined) {
      this.nodes(element.children);
      return;
    }
    const label = plainText(element);
    this.raw('[');
    this.text(label === '' ? url : label);
    this.raw(`](${url})`);
  }
}

const PUNCTUATION = /[\p{P}\p{S}]/u;

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}

function leftFlanking(prev: string | undefined, next: string | undefined): boolean {
  if (isSpace(next)) return false;
  return !PUNCTUATION.test(next ?? '') || isSpace(prev) || PUNCTUATION.test(prev ?? '');
}

function rightFlanking(prev: string | undefined, next: string | undefined): boolean {
  if (isSpace(prev)) return false;
  return !PUNCTUATION.test(prev ?? '') || isSpace(next) || PUNCTUATION.test(next ?? '');
}

/**
 * Joins tokens, keeping an emphasis pair only when CommonMark would read both markers as
 * emphasis where they stand ("a*(b)*c" would not be); otherwise the text shows without it.
 */
function joinTokens(tokens: readonly Token[]): string {
  const text = tokens.map((t) => ('mark' in t ? '' : 'text' in t ? t.text : t.raw));
  const prevChar: (string | undefined)[] = [];
  const nextChar: (string | undefined)[] = [];
  let last: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    prevChar[i] = last;
    const t = text[i] ?? '';
    if (t !== '') last = t.at(-1);
  }
  let first: string | undefined;
  for (let i = tokens.length - 1; i >= 0; i--) {
    nextChar[i] = first;
    const t = text[i] ?? '';
    if (t !== '') first = t[0];
  }
  const valid = new Map<number, boolean>();
  tokens.forEach((t, i) => {
    if (!('mark' in t)) return;
    const ok = t.open ? leftFlanking(prevChar[i], nextChar[i]) : rightFlanking(prevChar[i], nextChar[i]);
    valid.set(t.pair, (valid.get(t.pair) ?? true) && ok);
  });
  return tokens
    .map((t, i) => ('mark' in t ? (valid.get(t.pair) ? t.mark : '') : (text[i] ?? '')))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Inline JATS content as one line of Markdown. */
export function inlineMarkdown(nodes: readonly XmlNode[], ctx: MarkdownContext): string {
  const writer = new InlineWriter(ctx);
  writer.nodes(nodes);
  return joinTokens(writer.tokens);
}

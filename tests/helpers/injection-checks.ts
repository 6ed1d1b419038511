/**
 * Static checks of a built site for markup that content could have created: every page is parsed
 * (hast, as a browser parses it) and every element, attribute and URL is looked at.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { RESOLVER_HOSTS } from '../hostile/payloads.ts';

/** Every file below `dir`, relative paths, sorted. */
export async function siteFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export async function parsePage(file: string): Promise<Root> {
  return fromHtml(await readFile(file, 'utf8'));
}

export function elements(root: Root | Element): Element[] {
  // Document order, without recursion.
  const found: Element[] = [];
  const pending: RootContent[] = [...root.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || node.type !== 'element') continue;
    found.push(node);
    // <template> content is a separate fragment in hast.
    const content = (node as Element & { content?: Root }).content;
    if (content) pending.push(...[...content.children].reverse());
    pending.push(...[...node.children].reverse());
  }
  return found;
}

/** Properties that hold a URL a browser would load or navigate to. */
const URL_PROPERTIES = [
  'href',
  'src',
  'action',
  'formAction',
  'data',
  'poster',
  'cite',
  'background',
  'srcSet',
  'xLinkHref',
  'ping',
  'manifest',
  'codeBase',
  'longDesc',
];

/** A URL as a browser reads its scheme: leading spaces and controls dropped, tabs/newlines removed. */
function scheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- browsers strip C0 controls before the scheme
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

function values(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list
    .filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map((v) => `${v}`);
}

/** A property's value as text ('' when absent). */
function prop(el: Element, name: string): string {
  return values(el.properties[name]).join(' ');
}

/**
 * Elements, attributes and URLs in `root` that no content may create: event handlers, script or
 * data URLs, inline scripts, frames, plugins, forms, <base>, refresh and style expressions.
 * `allowedElements` are the element names the site's own pages use.
 */
export function markupProblems(root: Root, allowedElements: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const el of elements(root)) {
    const id = prop(el, 'id');
    const where = `<${el.tagName}${id ? `#${id}` : ''}>`;
    if (!allowedElements.has(el.tagName)) problems.push(`element the site never uses: ${where}`);
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base'].includes(el.tagName)) {
      problems.push(`forbidden element ${where}`);
    }
    for (const name of ['action', 'formAction']) {
      for (const url of values(el.properties[name])) {
        if (/^\s*(?:[a-z]+:)?\/\//i.test(url)) problems.push(`${name} to another site on ${where}: ${url}`);
      }
    }
    for (const [name, value] of Object.entries(el.properties)) {
      if (/^on/i.test(name)) problems.push(`event handler ${name} on ${where}`);
      if (URL_PROPERTIES.includes(name)) {
        for (const url of values(value)) {
          const s = scheme(url);
          if (s !== undefined && !['https', 'http', 'mailto'].includes(s)) {
            problems.push(`${s}: URL in ${name} of ${where}: ${url}`);
          }
        }
      }
      const text = values(value).join(' ');
      if (name === 'style' && /expression\s*\(|javascript:|url\s*\(/i.test(text)) {
        problems.push(`style attribute with code on ${where}: ${text}`);
      }
    }
    if (el.tagName === 'script') {
      const type = prop(el, 'type');
      const body = toText(el);
      if (el.properties['src'] === undefined) {
        if (!/^application\/(ld\+)?json$/.test(type)) problems.push(`inline script (type "${type}")`);
        else {
          try {
            JSON.parse(body);
          } catch {
            problems.push(`JSON data block that does not parse: ${body.slice(0, 80)}`);
          }
        }
      } else if (body.trim() !== '') {
        problems.push('script with both src and a body');
      }
    }
    if (el.tagName === 'style' && /expression\s*\(|javascript:|alert\(/i.test(toText(el))) {
      problems.push(`style element with code: ${toText(el).slice(0, 80)}`);
    }
    if (el.tagName === 'meta') {
      const equiv = prop(el, 'httpEquiv').toLowerCase();
      if (equiv !== '' && equiv !== 'content-security-policy') problems.push(`<meta http-equiv="${equiv}">`);
    }
  }
  return problems;
}

/**
 * Links that came from an identifier (the DOI/PubMed/PMC buttons, and any link to doi.org or
 * NCBI) that are not https to a known resolver.
 */
export function identifierLinkProblems(root: Root): string[] {
  const problems: string[] = [];
  for (const el of elements(root)) {
    if (el.tagName !== 'a' || el.properties['href'] === undefined) continue;
    const href = prop(el, 'href');
    const classes = values(el.properties['className']);
    const fromIdentifier =
      classes.some((c) => c.startsWith('id-link')) || /doi\.org|ncbi\.nlm\.nih\.gov/i.test(href);
    if (!fromIdentifier) continue;
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      problems.push(`identifier link that is not an absolute URL: ${href}`);
      continue;
    }
    if (url.protocol !== 'https:' || !RESOLVER_HOSTS.includes(url.hostname)) {
      problems.push(`identifier link to ${url.protocol}//${url.hostname}: ${href}`);
    }
  }
  return problems;
}

/** The Content-Security-Policy a page sends in its <meta>, or undefined. */
export function contentSecurityPolicy(root: Root): string | undefined {
  const meta = elements(root).find(
    (el) => el.tagName === 'meta' && prop(el, 'httpEquiv').toLowerCase() === 'content-security-policy',
  );
  return meta ? prop(meta, 'content') : undefined;
}

/** The text of the first element named `tag`, whitespace collapsed. */
export function textOf(root: Root, tag: string): string {
  const el = elements(root).find((e) => e.tagName === tag);
  return el ? toText(el).replace(/\s+/g, ' ').trim() : '';
}

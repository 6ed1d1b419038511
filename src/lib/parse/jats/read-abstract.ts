import type { AbstractSection } from '../../schema/review.ts';
import type { XmlElement, XmlNode } from '../../xml/read-xml.ts';
import { childElements } from '../../xml/read-xml.ts';
import { blocks } from './body-to-markdown.ts';
import type { MarkdownContext } from './inline-markdown.ts';
import { plainText } from './jats-text.ts';

/** Abstracts that are not the article's summary. */
const OTHER_ABSTRACTS = new Set(['graphical', 'teaser', 'toc', 'web-summary']);

/**
 * The main abstract: one section per `sec` (its title as label), or one unlabelled section for
 * an abstract of plain paragraphs. Citations inside it become `[@key]` like in the body.
 */
export function readAbstract(meta: XmlElement, ctx: MarkdownContext): AbstractSection[] {
  const abstract = childElements(meta, 'abstract').find(
    (a) => !OTHER_ABSTRACTS.has(a.attrs['abstract-type'] ?? ''),
  );
  if (!abstract) return [];
  const sections: AbstractSection[] = [];
  let loose: XmlNode[] = [];
  const flushLoose = (): void => {
    const text = blocks(loose, 3, ctx).join('\n\n');
    if (text !== '') sections.push({ text });
    loose = [];
  };
  for (const node of abstract.children) {
    if (typeof node === 'string' || (node.name !== 'sec' && node.name !== 'title' && node.name !== 'label')) {
      loose.push(node);
      continue;
    }
    if (node.name !== 'sec') continue;
    flushLoose();
    const label = plainText(childElements(node, 'title')[0]);
    const rest = node.children.filter(
      (c) => typeof c === 'string' || (c.name !== 'title' && c.name !== 'label'),
    );
    const text = blocks(rest, 3, ctx).join('\n\n');
    if (text === '') continue;
    sections.push(label === '' ? { text } : { label, text });
  }
  flushLoose();
  return sections;
}

import type { AbstractSection } from '../../schema/review.ts';
import { childElement, childElements, type XmlElement } from '../../xml/read-xml.ts';
import { inlineMarkdown } from './inline-text.ts';

/**
 * The abstract of `MedlineCitation/Article`: one section per `AbstractText`, labelled as PubMed
 * prints it ("BACKGROUND"), text as escaped Markdown with the source's inline markup.
 */
export function readAbstract(article: XmlElement): AbstractSection[] {
  const abstract = childElement(article, 'Abstract');
  if (!abstract) return [];
  const sections: AbstractSection[] = [];
  for (const part of childElements(abstract, 'AbstractText')) {
    const text = inlineMarkdown(part);
    if (text === '') continue;
    const label = part.attrs['Label']?.replace(/\s+/g, ' ').trim();
    sections.push(label ? { label, text } : { text });
  }
  return sections;
}

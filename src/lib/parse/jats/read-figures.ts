import type { Figure } from '../../schema/review.ts';
import type { XmlElement } from '../../xml/read-xml.ts';
import { childElement, descendants } from '../../xml/read-xml.ts';
import { captionMarkdown } from './body-to-markdown.ts';
import type { MarkdownContext } from './inline-markdown.ts';
import { attr, plainText } from './jats-text.ts';

/** Every `fig` of the article in document order: body, back, then the floats group. */
export function figureElements(article: XmlElement): XmlElement[] {
  return ['body', 'back', 'floats-group']
    .map((name) => childElement(article, name))
    .filter((e): e is XmlElement => e !== undefined)
    .flatMap((e) => descendants(e, 'fig'));
}

/** `fig/@id` -> figure number, for in-text links. */
export function figureNumbers(figures: readonly XmlElement[]): Map<string, number> {
  const numbers = new Map<string, number>();
  figures.forEach((fig, i) => {
    const id = fig.attrs['id'];
    if (id !== undefined) numbers.set(id, i + 1);
  });
  return numbers;
}

/** Figures with label, caption (Markdown: bold title, then the text) and source image name. */
export function readFigures(figures: readonly XmlElement[], ctx: MarkdownContext): Figure[] {
  return figures.map((fig, i) => {
    const number = i + 1;
    const label = plainText(childElement(fig, 'label')) || `Figure ${number}`;
    const graphic = descendants(fig, 'graphic')
      .map((g) => attr(g, 'href'))
      .find((href) => href !== undefined && href.trim() !== '');
    const alt = plainText(descendants(fig, 'alt-text')[0]);
    return {
      number,
      label,
      caption: captionMarkdown(childElement(fig, 'caption'), ctx),
      ...(graphic !== undefined ? { graphic: graphic.trim() } : {}),
      ...(alt !== '' ? { alt } : {}),
    };
  });
}

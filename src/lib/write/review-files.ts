import { stringify } from 'yaml';
import type { AbstractSection, Figure, Review } from '../schema/review.ts';
import { reviewMetaSchema, figureMetaSchema } from '../schema/review.ts';
import { escapeMarkdown } from '../markdown/escape-markdown.ts';
import type { FigureImage } from '../figure-images.ts';

/**
 * Everything a review becomes in `content/reviews/<slug>/`, as relative path -> file text (or
 * bytes, for figure images: `figures/<n>.<ext>`, named in the figure's `image`). Pure, so the
 * same `Review` and images always give byte-identical files.
 */
export function reviewFiles(
  review: Review,
  images: ReadonlyMap<number, FigureImage> = new Map(),
): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  files.set('index.md', markdownFile(reviewMetaSchema.parse(review.meta), abstractMarkdown(review.abstract)));
  for (const figure of review.figures) {
    const image = images.get(figure.number);
    if (image) files.set(`figures/${figure.number}.${image.extension}`, image.data);
    const withImage = image ? { ...figure, image: `./${figure.number}.${image.extension}` } : figure;
    files.set(`figures/${figure.number}.md`, figureFile(withImage));
  }
  files.set('references.json', `${JSON.stringify(review.references, null, 2)}\n`);
  if (review.body !== undefined && review.body.trim() !== '') files.set('body.md', `${review.body.trim()}\n`);
  return files;
}

function abstractMarkdown(sections: AbstractSection[]): string {
  return sections.map((s) => (s.label ? `**${escapeMarkdown(s.label)}:** ${s.text}` : s.text)).join('\n\n');
}

function figureFile(figure: Figure): string {
  const { caption, ...meta } = figure;
  return markdownFile(figureMetaSchema.parse(meta), caption);
}

function markdownFile(frontmatter: object, body: string): string {
  const yaml = stringify(frontmatter, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body}${body === '' ? '' : '\n'}`;
}

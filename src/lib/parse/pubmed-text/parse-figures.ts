import type { Figure } from '../../schema/review.ts';
import type { PageLine } from './segment-page.ts';
import { escapeMarkdown } from '../../markdown/escape-markdown.ts';

const FIGURE_START = /^(?<label>(?:Figure|Fig\.?)\s+(?<number>\d+)[A-Za-z]?)[.:]?\s*(?<caption>.*)$/i;

/**
 * Figures as PubMed lists them: an image placeholder ("None" when the copy has no image)
 * followed by "Figure 1. Caption…", the caption sometimes running on over several lines.
 */
export function parseFigures(lines: PageLine[]): Figure[] {
  const figures: Figure[] = [];
  let current: { label: string; parts: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    figures.push({
      number: figures.length + 1,
      label: current.label,
      caption: escapeMarkdown(current.parts.join(' ').trim()),
    });
    current = undefined;
  };

  for (const { text } of lines) {
    if (text === '' || /^(none|figure$|open in new tab|download|view full size image)$/i.test(text)) continue;
    const m = FIGURE_START.exec(text)?.groups;
    if (m?.['label']) {
      flush();
      current = { label: m['label'].replace(/^fig\.?(?=\s)/i, 'Figure'), parts: [m['caption'] ?? ''] };
    } else if (current) {
      current.parts.push(text);
    }
  }
  flush();
  return figures;
}

import type { AbstractSection } from '../../schema/review.ts';
import type { PageLine } from './segment-page.ts';
import { escapeMarkdown } from '../../markdown/escape-markdown.ts';

export interface PageAbstract {
  sections: AbstractSection[];
  keywords: string[];
}

/**
 * A label at the start of a paragraph ("Background:", "Search methods:"): a few capitalised
 * words and a colon. Longer runs are ordinary sentences that happen to contain a colon.
 */
const LABEL = /^(?<label>[\p{Lu}][\p{L}'’/&-]*(?:\s+[\p{L}'’/&-]+){0,4}):\s+(?<text>\S.*)$/su;

export function parseAbstract(lines: PageLine[]): PageAbstract {
  const keywords: string[] = [];
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
    paragraph = [];
  };

  for (const { text } of lines) {
    const kw = /^keywords?:\s*(.*)$/i.exec(text);
    if (kw) {
      flush();
      keywords.push(...splitKeywords(kw[1] ?? ''));
      continue;
    }
    // The publisher's copyright line belongs to the record, not to the abstract's text.
    if (/^(copyright\b|©)/i.test(text)) {
      flush();
      continue;
    }
    if (text === '') flush();
    else paragraph.push(text);
  }
  flush();

  const sections = paragraphs.map((p): AbstractSection => {
    const m = LABEL.exec(p)?.groups;
    return m?.['label'] && m['text']
      ? { label: m['label'], text: escapeMarkdown(m['text']) }
      : { text: escapeMarkdown(p) };
  });
  return { sections, keywords };
}

function splitKeywords(text: string): string[] {
  return text
    .replace(/\.\s*$/, '')
    .split(';')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

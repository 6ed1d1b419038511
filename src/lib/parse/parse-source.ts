import { SourceError } from '../errors.ts';
import type { ParsedReview, SourceFormat } from '../schema/review.ts';
import { parsePubmedText } from './pubmed-text/parse-pubmed-text.ts';
import { parsePubmedXml } from './pubmed-xml/parse-pubmed-xml.ts';
import { parseJats } from './jats/parse-jats.ts';
import { parsePubmedHtml } from './pubmed-html/parse-pubmed-html.ts';
import { detectFormat } from './detect-format.ts';

/** Parses a source of any supported format into one `ParsedReview` per article it holds. */
export function parseSource(
  text: string,
  sourcePath: string,
  format: SourceFormat = detectFormat(text),
): ParsedReview[] {
  switch (format) {
    case 'pubmed-text':
      return [parsePubmedText(text, sourcePath)];
    case 'pubmed-html':
      return [parsePubmedHtml(text, sourcePath)];
    case 'pubmed-xml':
      return parsePubmedXml(text, sourcePath);
    case 'jats':
      return parseJats(text, sourcePath);
  }
}

export function parseFormatName(name: string, file: string): SourceFormat {
  const formats: SourceFormat[] = ['pubmed-text', 'pubmed-html', 'pubmed-xml', 'jats'];
  const found = formats.find((f) => f === name);
  if (!found) throw new SourceError(file, undefined, `--format to be one of ${formats.join(', ')}`, name);
  return found;
}

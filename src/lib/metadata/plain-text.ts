/**
 * Plain text of the Markdown Lectern stores (abstracts, captions): what a meta tag, Open Graph or
 * JSON-LD description needs. "**Background:** Despite …" becomes "Background: Despite …";
 * emphasis, `<sub>`/`<sup>` tags, escapes and entities are read as Markdown reads them; blocks
 * are joined by one space, so the text has no blank lines.
 */
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

function textOf(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'image':
      return node.alt ?? '';
    case 'break':
      return ' ';
    // Raw HTML is only the inline <sub>/<sup> tags around text that is its own node.
    case 'html':
      return '';
    default:
      if ('children' in node) {
        const parts = (node.children as Nodes[]).map(textOf);
        // Blocks (paragraphs, list items, headings) are separated; inline runs are not.
        return node.type === 'root' ||
          node.type === 'list' ||
          node.type === 'listItem' ||
          node.type === 'blockquote'
          ? parts.join(' ')
          : parts.join('');
      }
      return '';
  }
}

/** The plain text of `markdown`, whitespace collapsed; Pandoc citations (`[@key]`) left out. */
export function markdownToPlainText(markdown: string): string {
  return textOf(parser.parse(markdown))
    .replace(/\s*\[@[^\]]*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

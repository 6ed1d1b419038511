import type { RehypePlugins } from '@astrojs/markdown-remark';
import rehypeCitation from 'rehype-citation';
import { registerStyle } from '../cite/citation-js.ts';
import { rehypeLocateBibliography } from './locate-bibliography.ts';
import { rehypeRenumberCitations } from './renumber-citations.ts';

/**
 * The rehype plugins that turn `[@key]` in a review's Markdown into numbered citations linked
 * to its reference list (rendered by the page itself, hence `suppressBibliography`).
 */
export function reviewCitationPlugins(style: { name: string; xml: string }): RehypePlugins {
  registerStyle(style.name, style.xml);
  return [
    rehypeLocateBibliography,
    [rehypeCitation, { csl: style.name, linkCitations: true, suppressBibliography: true }],
    rehypeRenumberCitations,
  ];
}

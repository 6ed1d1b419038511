import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { reviewCitationPlugins } from './review-citations.ts';

/**
 * Renders a review's Markdown outside Astro with the same citation plugins the site uses,
 * for tests and scripts that need the HTML a page would show.
 */
export async function renderReviewMarkdown(
  markdown: string,
  file: { path: string; cwd: string },
  style: { name: string; xml: string },
): Promise<string> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(reviewCitationPlugins(style) as PluggableList)
    .use(rehypeStringify);
  return String(await processor.process(new VFile({ value: markdown, path: file.path, cwd: file.cwd })));
}

/**
 * Open Graph (https://ogp.me/) tags for a review page, as `property`/`content` pairs; values are
 * plain text, escaped by the page.
 */
import type { ReviewMeta } from '../schema/review.ts';
import { isoDate, nameText } from './shared.ts';

export interface PropertyTag {
  property: string;
  content: string;
}

/** `url` is the page's absolute URL when the site has one, else undefined (og:url is then left out). */
export function openGraphTags(meta: ReviewMeta, description: string, url: string | undefined): PropertyTag[] {
  const tags: PropertyTag[] = [];
  const add = (property: string, content: string | undefined): void => {
    if (content !== undefined && content.trim() !== '')
      tags.push({ property, content: content.replace(/\s+/g, ' ').trim() });
  };
  add('og:type', 'article');
  add('og:site_name', 'Lectern');
  add('og:title', meta.title);
  add(
    'og:description',
    description.length > 300 ? `${description.slice(0, 297).replace(/\s+\S*$/, '')}…` : description,
  );
  add('og:url', url);
  add('og:locale', 'en_US');
  add('article:published_time', isoDate(meta.issued));
  for (const author of meta.authors) add('article:author', nameText(author));
  for (const keyword of meta.keywords) add('article:tag', keyword);
  return tags;
}

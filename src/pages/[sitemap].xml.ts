/**
 * `<base>sitemap.xml`: every page of the site (library, reviews, reference browsers and
 * reference permalinks) as absolute URLs. A sitemap needs the site's origin, so it is written
 * only when SITE is set (astro.config.mjs `site`); a build without it has no sitemap. (A
 * dynamic route only so that it can produce no file at all.)
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { withBase } from '../lib/base-path.ts';
import { sitemapXml } from '../lib/metadata/sitemap.ts';
import { referencesPath, reviewPath } from '../lib/references/identity.ts';
import { libraryReferences } from '../lib/references/read-layer.ts';

export function getStaticPaths(): { params: { sitemap: string } }[] {
  return import.meta.env.SITE ? [{ params: { sitemap: 'sitemap' } }] : [];
}

export const GET: APIRoute = async ({ site }) => {
  if (!site) return new Response(null, { status: 404 });
  const reviews = await getCollection('reviews');
  const library = await libraryReferences();
  const paths = [
    '/',
    ...reviews.flatMap((review) => {
      const own = library.get(review.id)?.references ?? [];
      return [
        reviewPath(review.id),
        ...(own.length > 0 ? [referencesPath(review.id)] : []),
        ...own.map((r) => r.path),
      ];
    }),
  ];
  return new Response(sitemapXml(paths.map((p) => new URL(withBase(p), site).href)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

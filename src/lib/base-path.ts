/**
 * Every internal URL goes through here, so the site works both at a domain's root and under
 * a GitHub Pages project path such as `/lectern/`. `base` is Astro's `import.meta.env.BASE_URL`.
 */
export function joinBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

/** An internal URL for `path` ("/", "bournazou-2013-jakstat/", "pagefind/") under the configured base. */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/**
 * The absolute URL of `path` under the base, for metadata that reference managers and search
 * engines read out of context (canonical, og:url, citation_abstract_html_url); undefined without
 * `SITE`, since a relative URL there would be resolved against whatever page quoted it.
 */
export function siteUrl(path: string, site: URL | undefined): string | undefined {
  return site ? new URL(withBase(path), site).href : undefined;
}

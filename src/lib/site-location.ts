/**
 * Where the site will be served. `SITE` is the origin ("https://owner.github.io"), `BASE_PATH`
 * the sub-path ("/lectern/"); both are optional, so a plain build serves from "/".
 */
export function siteLocation(env: Record<string, string | undefined>): { site?: string; base: string } {
  const rawBase = env['BASE_PATH'] ?? env['BASE'] ?? '/';
  const trimmed = rawBase.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed !== '' && !/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new Error(`BASE_PATH must be a URL path such as "/lectern/"; got ${JSON.stringify(rawBase)}`);
  }
  const base = trimmed === '' ? '/' : `/${trimmed}/`;
  const site = env['SITE']?.trim();
  if (site && !/^https?:\/\/[^\s/]+\/?$/.test(site)) {
    throw new Error(`SITE must be an origin such as "https://owner.github.io"; got ${JSON.stringify(site)}`);
  }
  return site ? { site: site.replace(/\/$/, ''), base } : { base };
}

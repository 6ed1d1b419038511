/**
 * Over file:// a directory link ("/lectern/review/" or "review/") opens a folder listing, not
 * the page, and a root-relative one points at the root of the disk. This rewrites every such
 * link on the page to the `index.html` file it means, inside the folder the site was opened
 * from. Over http(s) it is never called: the links stay as the build wrote them.
 *
 * @param siteRoot the site's root folder as a file: URL (where lectern-client.js lives)
 * @param base the base path the site was built for ("/" or "/lectern/")
 */
export function pointLinksAtFiles(root: ParentNode, siteRoot: URL, base: string): void {
  // `a` in SVG too (the year chart's bars), whose `href` property is read-only: set the attribute.
  for (const link of root.querySelectorAll('a[href]')) {
    const target = fileTarget(link.getAttribute('href') ?? '', siteRoot, base, location.href);
    if (target !== null) link.setAttribute('href', target);
  }
}

/**
 * The file: URL a link written as `href` means, or null when it needs no change (a fragment on
 * the same page, another scheme, a link outside the site).
 */
export function fileTarget(href: string, siteRoot: URL, base: string, pageUrl: string): string | null {
  if (href === '' || href.startsWith('#') || href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(href)) {
    return null;
  }
  let url: URL;
  if (href.startsWith('/')) {
    if (!href.startsWith(base)) return null;
    url = new URL(href.slice(base.length), siteRoot);
  } else {
    url = new URL(href, pageUrl);
  }
  if (!url.href.startsWith(siteRoot.href)) return null;
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  return url.href;
}

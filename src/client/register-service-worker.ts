/**
 * Registers the service worker the build wrote at `<site root>sw.js` (src/integrations/offline.ts),
 * with the site root as its scope, so every URL under the base path is served from the
 * versioned cache after the first visit. Only over http(s): there is no service worker on
 * file://, and the dev server has no sw.js (registration then fails quietly).
 *
 * When a new deploy's worker takes over a page that an older worker controlled, the page
 * reloads once, so it never shows old HTML next to the new cache (and the new search index).
 */
export function registerServiceWorker(siteRoot: URL): void {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  const hadController = container.controller !== null;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    // The first install also fires this (the worker claims the page): nothing is stale then.
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });
  container.register(new URL('sw.js', siteRoot), { scope: siteRoot.pathname }).catch((error: unknown) => {
    console.info('Lectern works online only here: no service worker.', error);
  });
}

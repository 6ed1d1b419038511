interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  baseUrl: string;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
  /** Passed on to Pagefind: asks for `pagefind-entry.json?ts=<tag>` instead of a timestamp. */
  metaCacheTag?: string;
  translations: Record<string, string>;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

/**
 * Loads Pagefind's UI from the bundle the build wrote. Paths come from data attributes that
 * the page filled through the base-path helper, so search works under any sub-path. Over
 * file:// Pagefind cannot run (no fetch, ES modules or WebAssembly there): lectern-client.js
 * puts its own search, over search-index.js, in this element instead (file-search.ts).
 */
export function mountSearch(element: HTMLElement | null): void {
  if (!element || location.protocol === 'file:') return;
  // Absolute paths: Pagefind resolves the bundle from its own script, not from this page.
  const absolute = (path: string): string => new URL(path, document.baseURI).pathname;
  const bundlePath = absolute(element.dataset['bundlePath'] ?? '/pagefind/');
  const baseUrl = absolute(element.dataset['baseUrl'] ?? '/');
  const metaCacheTag = element.dataset['metaCacheTag'];
  const script = document.createElement('script');
  script.src = `${bundlePath}pagefind-ui.js`;
  script.addEventListener('load', () => {
    if (!window.PagefindUI) return;
    new window.PagefindUI({
      element,
      bundlePath,
      baseUrl,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      translations: { placeholder: 'Search this library' },
      ...(metaCacheTag ? { metaCacheTag } : {}),
    });
    // Pagefind's input carries only a placeholder, which is not an accessible name.
    element
      .querySelector('input.pagefind-ui__search-input')
      ?.setAttribute('aria-label', 'Search reviews, figures and references');
  });
  script.addEventListener('error', () => {
    element.textContent = 'Search is unavailable: the search index was not found.';
  });
  document.head.append(script);
}

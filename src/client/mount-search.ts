interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  baseUrl: string;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
  translations: Record<string, string>;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

/**
 * Loads Pagefind's UI from the bundle the build wrote. Paths come from data attributes that
 * the page filled through the base-path helper, so search works under any sub-path.
 */
export function mountSearch(element: HTMLElement | null): void {
  if (!element) return;
  const bundlePath = element.dataset['bundlePath'] ?? '/pagefind/';
  const baseUrl = element.dataset['baseUrl'] ?? '/';
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

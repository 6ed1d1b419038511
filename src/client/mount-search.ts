import { withResultTitle, type ResultData } from '../lib/search/result-title.ts';

interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  baseUrl: string;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
  autofocus: boolean;
  /** Passed on to Pagefind: asks for `pagefind-entry.json?ts=<tag>` instead of a timestamp. */
  metaCacheTag?: string;
  translations: Record<string, string>;
  /** Runs on each result's data before it is shown. */
  processResult: <T extends ResultData>(result: T) => T;
}

interface PagefindUI {
  triggerSearch(term: string): void;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUI;
  }
}

const LABEL = 'Search reviews, figures and references';

/**
 * Shows the header's search field and swaps in Pagefind's UI the first time a reader focuses or
 * types in it: the UI's script, stylesheet and index are then fetched, never on a page that is
 * only read. What was typed meanwhile is searched once the UI is there. Paths come from data
 * attributes that the page filled through the base-path helper, so search works under any
 * sub-path. Over file:// Pagefind cannot run (no fetch, ES modules or WebAssembly there):
 * lectern-client.js puts its own search, over search-index.js, in this element instead.
 */
export function mountSearch(element: HTMLElement | null): void {
  const field = element?.querySelector<HTMLInputElement>('input.search__field');
  if (!element || !field || location.protocol === 'file:') return;
  field.hidden = false;
  const start = (): void => {
    field.removeEventListener('focus', start);
    field.removeEventListener('input', start);
    loadPagefindUI(element, field);
  };
  field.addEventListener('focus', start);
  field.addEventListener('input', start);
}

function loadPagefindUI(element: HTMLElement, field: HTMLInputElement): void {
  const doc = element.ownerDocument;
  // Absolute paths: Pagefind resolves the bundle from its own script, not from this page.
  const absolute = (path: string): string => new URL(path, doc.baseURI).pathname;
  const bundlePath = absolute(element.dataset['bundlePath'] ?? '/pagefind/');
  const baseUrl = absolute(element.dataset['baseUrl'] ?? '/');
  const metaCacheTag = element.dataset['metaCacheTag'];
  const stylesheet = doc.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = element.dataset['stylesheet'] ?? `${bundlePath}pagefind-ui.css`;
  const script = doc.createElement('script');
  script.src = `${bundlePath}pagefind-ui.js`;
  script.addEventListener('load', () => {
    if (!window.PagefindUI) return;
    const focused = doc.activeElement === field;
    const typed = field.value;
    field.remove();
    const ui = new window.PagefindUI({
      element,
      bundlePath,
      baseUrl,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: focused,
      translations: { placeholder: 'Search this library' },
      // A reference's result title is made from its record (src/lib/search/result-title.ts).
      processResult: withResultTitle,
      ...(metaCacheTag ? { metaCacheTag } : {}),
    });
    // Pagefind's input carries only a placeholder, which is not an accessible name.
    const input = element.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
    input?.setAttribute('aria-label', LABEL);
    if (typed.trim() !== '') ui.triggerSearch(typed);
    if (focused) input?.focus();
  });
  script.addEventListener('error', () => {
    field.disabled = true;
    field.placeholder = 'Search is unavailable: the search index was not found.';
  });
  doc.head.append(stylesheet, script);
}

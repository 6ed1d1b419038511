/**
 * The citation-style switcher (StyleSwitcher.astro). The page carries the list in the default
 * style; another style's entries come from the review's `styles/<style>.js` (written at build
 * time by src/pages/[slug]/styles/[style].js.ts), a classic script loaded by a `<script src>`
 * when the reader picks the style: that works over file:// (where fetch() of a local file is
 * refused) and under a CSP allowing scripts from the site's own files only. The entries are
 * added beside the default ones, one `.reference__entry[data-style]` per style; this shows the
 * chosen style's, hides the others and remembers the choice in localStorage. No CSL engine runs
 * in the browser.
 */
import { ANCHOR_PREFIX, STYLE_GLOBAL } from '../lib/references/identity.ts';

export const STORAGE_KEY = 'lectern:citation-style';

/** What a style file registers: entry HTML by reference segment. */
export type StyleEntries = Record<string, string>;

declare global {
  interface Window {
    [STYLE_GLOBAL]?: Record<string, StyleEntries>;
  }
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled (privacy settings, file://)
  }
}

function remember(style: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, style);
  } catch {
    // Not remembered; the choice still applies to this page.
  }
}

/** Shows `style`'s entries in `list` (when every entry has one) and hides the rest. */
export function applyStyle(list: HTMLElement, style: string): boolean {
  const entries = [...list.querySelectorAll<HTMLElement>('.reference__entry[data-style]')];
  if (!entries.some((e) => e.dataset['style'] === style)) return false;
  for (const entry of entries) entry.hidden = entry.dataset['style'] !== style;
  list.dataset['citationStyle'] = style;
  return true;
}

/** Adds `style`'s entries from its file to every item of `list` that has none yet. */
export function addEntries(list: HTMLElement, style: string, entries: StyleEntries): void {
  const doc = list.ownerDocument;
  for (const item of list.querySelectorAll<HTMLElement>(':scope > li.reference')) {
    if (item.querySelector(`.reference__entry[data-style="${CSS.escape(style)}"]`)) continue;
    const html = entries[item.id.slice(ANCHOR_PREFIX.length)];
    if (html === undefined) continue;
    const span = doc.createElement('span');
    span.className = 'reference__entry reference__entry--alt';
    span.dataset['style'] = style;
    span.hidden = true;
    // citeproc's output, formatted at build time from the content, its fields escaped.
    span.innerHTML = html;
    const last = [...item.querySelectorAll('.reference__entry')].at(-1);
    if (last) last.after(span);
    else item.prepend(span);
  }
}

const loading = new Map<string, Promise<StyleEntries>>();

/** Loads `<folder><style>.js` (relative to the page) once; resolves with its entries. */
function loadStyle(doc: Document, folder: string, style: string): Promise<StyleEntries> {
  let pending = loading.get(style);
  if (!pending) {
    pending = new Promise<StyleEntries>((resolve, reject) => {
      const registered = (): StyleEntries | undefined => window[STYLE_GLOBAL]?.[style];
      const ready = registered();
      if (ready) {
        resolve(ready);
        return;
      }
      const script = doc.createElement('script');
      script.src = new URL(`${folder}${encodeURIComponent(style)}.js`, doc.baseURI).href;
      script.addEventListener('load', () => {
        const entries = registered();
        if (entries) resolve(entries);
        else reject(new Error(`${script.src} registered no entries`));
      });
      script.addEventListener('error', () => reject(new Error(`${script.src} did not load`)));
      doc.head.append(script);
    });
    // A failed load (offline before the first visit cached it) may succeed later.
    pending.catch(() => loading.delete(style));
    loading.set(style, pending);
  }
  return pending;
}

function mount(switcher: HTMLElement): void {
  const doc = switcher.ownerDocument;
  const list = doc.getElementById(switcher.dataset['list'] ?? '');
  const select = switcher.querySelector('select');
  if (!list || !select) return;
  const folder = switcher.dataset['styleFolder'] ?? 'styles/';
  const show = async (style: string): Promise<boolean> => {
    if (!list.querySelector(`.reference__entry[data-style="${CSS.escape(style)}"]`)) {
      addEntries(list, style, await loadStyle(doc, folder, style));
    }
    return applyStyle(list, style);
  };
  const saved = stored();
  // The control appears once the remembered style shows (or could not load).
  const initial =
    saved && saved !== list.dataset['citationStyle'] && [...select.options].some((o) => o.value === saved)
      ? show(saved).then(
          (shown) => shown,
          () => false,
        )
      : Promise.resolve(false);
  void initial.then((shown) => {
    if (shown && saved) select.value = saved;
    switcher.hidden = false;
  });
  select.addEventListener('change', () => {
    const style = select.value;
    show(style).then(
      (shown) => {
        if (shown) remember(style);
      },
      () => {
        // The style's file could not load: the list keeps the style it shows.
        if (select.value === style) select.value = list.dataset['citationStyle'] ?? select.value;
      },
    );
  });
}

export function mountStyleSwitchers(doc: Document): void {
  for (const switcher of doc.querySelectorAll<HTMLElement>('[data-style-switcher]')) mount(switcher);
}

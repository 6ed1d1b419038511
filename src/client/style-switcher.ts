/**
 * The citation-style switcher (StyleSwitcher.astro): every style is rendered into the page at
 * build time, one `.reference__entry[data-style]` per style in each reference; this shows the
 * chosen style's entries, hides the others and remembers the choice in localStorage. No CSL
 * engine runs in the browser.
 */
export const STORAGE_KEY = 'lectern:citation-style';

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

function mount(switcher: HTMLElement): void {
  const list = switcher.ownerDocument.getElementById(switcher.dataset['list'] ?? '');
  const select = switcher.querySelector('select');
  if (!list || !select) return;
  const saved = stored();
  if (saved && [...select.options].some((o) => o.value === saved) && applyStyle(list, saved)) {
    select.value = saved;
  }
  select.addEventListener('change', () => {
    if (applyStyle(list, select.value)) remember(select.value);
  });
  switcher.hidden = false;
}

export function mountStyleSwitchers(doc: Document): void {
  for (const switcher of doc.querySelectorAll<HTMLElement>('[data-style-switcher]')) mount(switcher);
}

/**
 * Light or dark. With no choice stored the page follows the system (the CSS's
 * prefers-color-scheme); a reader's choice is stored and set as `data-theme` on <html>, which the
 * CSS's [data-theme] rules obey. The layout loads this file as a classic script in <head>, before
 * the body is painted (entries/theme.ts), so a stored choice never flashes the other theme first;
 * the site script mounts the toggle button.
 */

export type Theme = 'light' | 'dark';
export const STORAGE_KEY = 'lectern-theme';

export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    // Storage can be off (privacy settings, file://): follow the system.
    return null;
  }
}

export function systemTheme(): Theme {
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The theme the page shows: the stored choice, else the system's. */
export function effectiveTheme(): Theme {
  return storedTheme() ?? systemTheme();
}

export function applyTheme(theme: Theme | null): void {
  if (theme) document.documentElement.dataset['theme'] = theme;
  else delete document.documentElement.dataset['theme'];
}

/**
 * Stores `theme` as the reader's choice, or forgets the choice when it matches the system, so
 * the page follows the system again from then on.
 */
export function chooseTheme(theme: Theme): void {
  try {
    if (theme === systemTheme()) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered, but still applied for this page.
  }
  applyTheme(theme === systemTheme() ? null : theme);
}

/** The header's button: pressed means dark. */
export function mountThemeToggle(button: HTMLButtonElement | null): void {
  if (!button) return;
  const sync = (): void => button.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
  button.hidden = false;
  sync();
  button.addEventListener('click', () => {
    chooseTheme(effectiveTheme() === 'dark' ? 'light' : 'dark');
    sync();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    applyTheme(storedTheme());
    sync();
  });
}

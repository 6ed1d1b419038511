import { applyTheme, storedTheme } from '../theme.ts';

// Runs in <head>, before the body is painted: says what the page's scripts will be able to do,
// so the controls that need them are laid out from the first paint rather than appearing, and
// moving the page, when their script runs ("Controls that need scripts" in global.css).
const root = document.documentElement;
root.classList.add('js');
// Pagefind needs fetch and WebAssembly, which pages opened from disk do not get.
if (location.protocol !== 'file:') root.classList.add('js-http');
if ('clipboard' in navigator && window.isSecureContext) root.classList.add('js-clipboard');
applyTheme(storedTheme());

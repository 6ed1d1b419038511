import { pointLinksAtFiles } from '../file-links.ts';
import { mountFileSearch } from '../file-search.ts';
import { mountSearch } from '../mount-search.ts';
import { registerServiceWorker } from '../register-service-worker.ts';
import { mountThemeToggle } from '../theme.ts';

const script = document.currentScript;
mountThemeToggle(document.querySelector<HTMLButtonElement>('.theme-toggle'));
if (script instanceof HTMLScriptElement) {
  const siteRoot = new URL('./', script.src);
  const search = document.getElementById('site-search');
  if (location.protocol === 'file:') {
    pointLinksAtFiles(document, siteRoot, script.dataset['base'] ?? '/');
    if (search) mountFileSearch(search, siteRoot);
  } else {
    registerServiceWorker(siteRoot);
    mountSearch(search);
  }
}

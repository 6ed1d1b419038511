import { mountReferenceBrowser } from '../reference-browser.ts';

mountReferenceBrowser(document.querySelector<HTMLElement>('.ref-browser'));

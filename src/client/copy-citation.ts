/**
 * "Copy citation" on every reference (ReferenceList.astro): copies the entry in the style the
 * list shows (see style-switcher.ts) as plain text through the Clipboard API, and says so in the
 * list's status region. The buttons stay hidden where the Clipboard API is missing.
 */
import { entryNumber } from './entry-number.ts';

/** The text a reader would copy: the visible entry's text with its white space collapsed. */
export function entryText(reference: Element): string {
  const entry =
    [...reference.querySelectorAll<HTMLElement>('.reference__entry')].find((e) => !e.hidden) ??
    reference.querySelector('.reference__entry');
  return (entry?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function announce(list: Element | null, message: string): void {
  const status = list?.id
    ? list.ownerDocument.querySelector(`[data-copy-status="${CSS.escape(list.id)}"]`)
    : null;
  if (!status) return;
  // Cleared first, so the same message twice in a row is announced twice.
  status.textContent = '';
  window.setTimeout(() => (status.textContent = message), 50);
}

/**
 * Names each entry's controls after its number ("Copy citation for reference 3"): the list
 * writes them once without it, as 300 numbers twice over weigh on a long list's page. Done in
 * idle time, a slice at a time, so a long list does not hold up the page's first input.
 */
function nameControls(list: HTMLOListElement): void {
  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li')];
  let next = 0;
  let number = 0;
  const slice = (): void => {
    for (const end = Math.min(items.length, next + 50); next < end; next += 1) {
      const item = items[next] as HTMLLIElement;
      number = item.hasAttribute('value') ? item.value : number + 1;
      const page = item.querySelector<HTMLAnchorElement>('.reference__page');
      page?.setAttribute('aria-label', `${page.textContent.trim()} for reference ${number}`);
      item
        .querySelector('[data-copy-citation]')
        ?.setAttribute('aria-label', `Copy citation for reference ${number}`);
    }
    if (next < items.length) whenIdle(slice);
  };
  whenIdle(slice);
}

function whenIdle(task: () => void): void {
  // Safari before 18 has no requestIdleCallback.
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: 1000 });
  else window.setTimeout(task, 0);
}

function copy(item: HTMLLIElement): void {
  const list = item.closest('.references');
  const number = entryNumber(item);
  navigator.clipboard.writeText(entryText(item)).then(
    () => announce(list, `Reference ${number} copied.`),
    () => announce(list, `Could not copy reference ${number}.`),
  );
}

/**
 * The buttons show through CSS where copying works (`html.js-clipboard`, set by
 * lectern-theme.js before first paint); one listener serves them all.
 */
export function mountCopyButtons(doc: Document): void {
  for (const list of doc.querySelectorAll<HTMLOListElement>('ol.references')) nameControls(list);
  // navigator.clipboard is missing outside secure contexts (http:// other than localhost).
  if (!('clipboard' in navigator) || !window.isSecureContext) return;
  doc.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-copy-citation]') : null;
    const item = button?.closest('li');
    if (item) copy(item);
  });
}

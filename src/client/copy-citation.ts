/**
 * "Copy citation" on every reference (ReferenceList.astro): copies the entry in the style the
 * list shows (see style-switcher.ts) as plain text through the Clipboard API, and says so in the
 * list's status region. The buttons stay hidden where the Clipboard API is missing.
 */

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

export function mountCopyButtons(doc: Document): void {
  // navigator.clipboard is missing outside secure contexts (http:// other than localhost).
  if (!('clipboard' in navigator) || !window.isSecureContext) return;
  for (const button of doc.querySelectorAll<HTMLButtonElement>('[data-copy-citation]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const reference = button.closest('.reference');
      const list = button.closest('.references');
      if (!reference) return;
      const number = button.dataset['number'] ?? '';
      navigator.clipboard.writeText(entryText(reference)).then(
        () => announce(list, `Reference ${number} copied.`),
        () => announce(list, `Could not copy reference ${number}.`),
      );
    });
  }
}

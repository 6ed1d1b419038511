/**
 * Popovers on in-text citations (`a.citation-link[href^="#bib-"]`) and figure references
 * (`a[href^="#figure-"]` in the text): the formatted entry with its links, or the figure's
 * caption. WCAG 2.2 SC 1.4.13 (content on hover or focus):
 *   - opens on mouse hover (after a short delay), on keyboard focus, and on a first tap;
 *   - dismissible: Esc closes it without moving the pointer or the focus;
 *   - hoverable: the pointer can move from the link onto the popover, which stays open;
 *   - persistent: it stays until the pointer and focus leave both, or Esc, or a tap elsewhere.
 * The popover follows its link in the DOM, so Tab moves from the citation into its links.
 * Without JS the citation is the plain link to the entry in the list it always was.
 */

import { ANCHOR_PREFIX } from '../lib/references/identity.ts';
import { entryNumber } from './entry-number.ts';

const TRIGGERS = `a.citation-link[href^="#${ANCHOR_PREFIX}"], a[href^="#figure-"]`;
const OPEN_DELAY = 120;
const CLOSE_DELAY = 350;
const MARGIN = 8;

type Mode = 'hover' | 'focus' | 'tap';

/**
 * The entry of the reference list (ReferenceList.astro) an in-text citation links to: the
 * popover shows its visible entry (in the style the reader chose), its links and its abstract.
 */
function listEntry(doc: Document, id: string): HTMLLIElement | null {
  const item = doc.getElementById(id);
  return item instanceof HTMLLIElement && item.matches('li.reference') ? item : null;
}

/** The reference's permalink, from the list's `data-reference-page` template ("…/{key}/"). */
function referencePage(item: HTMLLIElement, id: string): string | undefined {
  const template = item.closest<HTMLElement>('[data-reference-page]')?.dataset['referencePage'];
  return template?.replace('{key}', id.slice(ANCHOR_PREFIX.length));
}

export function mountPopovers(doc: Document): void {
  const pop = doc.createElement('div');
  pop.id = 'cite-pop';
  pop.className = 'cite-pop';
  pop.setAttribute('popover', 'manual');
  pop.setAttribute('role', 'dialog');
  pop.setAttribute('aria-labelledby', 'cite-pop-label');
  doc.body.append(pop);

  let current: HTMLAnchorElement | null = null;
  let mode: Mode | null = null;
  let openTimer: number | undefined;
  let closeTimer: number | undefined;
  let lastPointer = 'mouse';
  /** Focus returned to the link by Esc must not reopen the popover. */
  let suppressFocus = false;

  const isTrigger = (target: EventTarget | null): HTMLAnchorElement | null => {
    if (!(target instanceof Element)) return null;
    const link = target.closest<HTMLAnchorElement>(TRIGGERS);
    if (!link || pop.contains(link)) return null;
    // A figure's own label links to itself; the table of contents links to sections.
    if (link.closest('figure, nav, .cite-pop, dialog')) return null;
    return hasContent(link) ? link : null;
  };

  const hasContent = (link: HTMLAnchorElement): boolean => {
    const id = decodeURIComponent(link.hash.slice(1));
    if (id.startsWith(ANCHOR_PREFIX)) return listEntry(doc, id) !== null;
    return doc.getElementById(id)?.matches('figure') ?? false;
  };

  const fill = (link: HTMLAnchorElement): void => {
    const id = decodeURIComponent(link.hash.slice(1));
    pop.replaceChildren();
    const label = doc.createElement('p');
    label.id = 'cite-pop-label';
    label.className = 'cite-pop__label';
    pop.append(label);
    if (id.startsWith(ANCHOR_PREFIX)) {
      const ref = listEntry(doc, id);
      if (!ref) return;
      label.textContent = `Reference ${entryNumber(ref)}`;
      const shown =
        [...ref.querySelectorAll<HTMLElement>('.reference__entry')].find((e) => !e.hidden) ??
        ref.querySelector('.reference__entry');
      const entry = doc.createElement('p');
      entry.className = 'cite-pop__entry';
      // A copy of the list's entry: citeproc's output, built from the content with its fields escaped.
      entry.append(...[...(shown?.childNodes ?? [])].map((n) => n.cloneNode(true)));
      const verbatim = ref.querySelector('.reference__verbatim');
      if (verbatim) entry.append(' ', verbatim.cloneNode(true));
      pop.append(entry);
      const abstractText = ref.querySelector('.reference__abstract p')?.textContent;
      if (abstractText) {
        const abstract = doc.createElement('p');
        abstract.className = 'cite-pop__abstract';
        abstract.textContent = abstractText;
        pop.append(abstract);
      }
      const links = doc.createElement('ul');
      links.className = 'id-links';
      links.setAttribute('aria-label', `Links for reference ${entryNumber(ref)}`);
      for (const a of ref.querySelectorAll<HTMLAnchorElement>('a.id-link')) {
        links.append(item(a.cloneNode(true)));
      }
      if (links.children.length > 0) pop.append(links);
      const page = referencePage(ref, id);
      pop.append(
        more([anchor(`#${id}`, 'In the reference list'), ...(page ? [anchor(page, 'Reference page')] : [])]),
      );
    } else {
      const figure = doc.getElementById(id);
      if (!figure) return;
      const title =
        figure
          .querySelector('.figure__label')
          ?.textContent.replace(/\.\s*$/, '')
          .trim() ?? 'Figure';
      label.textContent = title;
      const image = figure.querySelector('img');
      if (image) {
        const thumb = image.cloneNode() as HTMLImageElement;
        thumb.removeAttribute('id');
        thumb.loading = 'eager';
        thumb.className = 'cite-pop__image';
        pop.append(thumb);
      }
      const caption = figure.querySelector('.figure__caption');
      if (caption) {
        const text = doc.createElement('div');
        text.className = 'cite-pop__caption';
        text.append(...[...caption.childNodes].map((n) => n.cloneNode(true)));
        // Ids must stay unique; links inside the copy lead to the same places.
        for (const el of text.querySelectorAll('[id]')) el.removeAttribute('id');
        pop.append(text);
      }
      pop.append(more([anchor(`#${id}`, `Go to ${title}`)]));
    }
  };

  const anchor = (href: string, text: string, className?: string): HTMLAnchorElement => {
    const a = doc.createElement('a');
    a.href = href;
    a.textContent = text;
    if (className) a.className = className;
    if (/^https?:/.test(href)) a.rel = 'noopener';
    return a;
  };
  const item = (child: Node): HTMLLIElement => {
    const li = doc.createElement('li');
    li.append(child);
    return li;
  };
  const more = (links: HTMLAnchorElement[]): HTMLParagraphElement => {
    const p = doc.createElement('p');
    p.className = 'cite-pop__more';
    links.forEach((l, i) => {
      if (i > 0) p.append(' · ');
      p.append(l);
    });
    return p;
  };

  const place = (): void => {
    if (!current) return;
    const box = current.getBoundingClientRect();
    const width = Math.min(448, window.innerWidth - 2 * MARGIN);
    pop.style.width = `${width}px`;
    const left = Math.min(
      Math.max(MARGIN, box.left + box.width / 2 - width / 2),
      window.innerWidth - width - MARGIN,
    );
    pop.style.left = `${left}px`;
    const height = pop.offsetHeight;
    const below = window.innerHeight - box.bottom - MARGIN;
    const top = below >= height || below >= box.top ? box.bottom + 6 : Math.max(MARGIN, box.top - height - 6);
    pop.style.top = `${top}px`;
    pop.style.maxHeight = `${Math.max(120, (top > box.top ? below : box.top - MARGIN) - 6)}px`;
  };

  const open = (link: HTMLAnchorElement, how: Mode): void => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (current === link && pop.matches(':popover-open')) {
      // Focus outranks hover: a popover opened by focus is not closed by the pointer leaving.
      if (how !== 'hover') mode = how;
      return;
    }
    if (current) close();
    current = link;
    mode = how;
    fill(link);
    // Right after its link in the DOM, so the popover's links come next in the Tab order.
    link.after(pop);
    pop.showPopover();
    link.setAttribute('aria-expanded', 'true');
    link.setAttribute('aria-controls', pop.id);
    place();
  };

  const close = (): void => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (pop.matches(':popover-open')) pop.hidePopover();
    current?.removeAttribute('aria-expanded');
    current?.removeAttribute('aria-controls');
    current = null;
    mode = null;
  };

  const closeSoon = (): void => {
    clearTimeout(closeTimer);
    closeTimer = window.setTimeout(() => {
      const active = doc.activeElement;
      if (mode !== 'hover' && (active === current || (active && pop.contains(active)))) return;
      close();
    }, CLOSE_DELAY);
  };

  const within = (node: EventTarget | null): boolean =>
    node instanceof Node && (pop.contains(node) || (current !== null && current.contains(node)));

  doc.addEventListener('pointerdown', (event) => {
    lastPointer = event.pointerType;
    if (current && !within(event.target)) close();
  });

  doc.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch') return;
    if (within(event.target)) {
      clearTimeout(closeTimer);
      return;
    }
    const link = isTrigger(event.target);
    if (!link) return;
    clearTimeout(openTimer);
    openTimer = window.setTimeout(() => open(link, 'hover'), OPEN_DELAY);
  });

  doc.addEventListener('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    if (within(event.relatedTarget)) return;
    const link = isTrigger(event.target);
    if (link && link !== current) clearTimeout(openTimer);
    if (current && within(event.target) && mode === 'hover') closeSoon();
  });

  doc.addEventListener('focusin', (event) => {
    if (within(event.target)) {
      clearTimeout(closeTimer);
      const focusedLink = current !== null && event.target === current && current.matches(':focus-visible');
      if (mode === 'hover' && (focusedLink || pop.contains(event.target as Node))) mode = 'focus';
      return;
    }
    if (current) close();
    const link = isTrigger(event.target);
    if (!link || suppressFocus) {
      suppressFocus = false;
      return;
    }
    // Only keyboard focus: a mouse click focuses the link too, and then navigates.
    if (link.matches(':focus-visible')) open(link, 'focus');
  });

  doc.addEventListener('focusout', (event) => {
    if (!current || within(event.relatedTarget)) return;
    if (mode === 'focus') close();
  });

  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !current) return;
    const link = current;
    const focusInside = doc.activeElement !== null && pop.contains(doc.activeElement);
    close();
    if (focusInside) {
      suppressFocus = true;
      link.focus();
    }
    event.preventDefault();
  });

  doc.addEventListener('click', (event) => {
    const link = isTrigger(event.target);
    if (!link) return;
    // A first tap shows the popover; a second tap on the same link follows it.
    if (lastPointer === 'touch' && !(current === link && pop.matches(':popover-open'))) {
      event.preventDefault();
      open(link, 'tap');
      return;
    }
    close();
  });

  const reposition = (): void => {
    if (current) place();
  };
  window.addEventListener('scroll', reposition, { passive: true });
  window.addEventListener('resize', reposition);
}

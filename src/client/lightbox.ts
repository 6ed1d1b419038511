/**
 * The figure viewer: each figure's "View … in the figure viewer" button opens a modal <dialog>
 * with the figure's image at full size and its caption, zoom (+ / − / 0,
 * or the buttons), pan (arrow keys, or dragging), previous / next (Page Up / Page Down, the
 * buttons, or ← → when not zoomed) and Esc to close, the dialog's own behaviour. Focus returns
 * to the button that opened it.
 */

const MIN_ZOOM = 1;
const MAX_ZOOM = 4;
const STEP = 1.25;
const PAN = 48;

export function mountLightbox(doc: Document): void {
  const dialog = doc.querySelector<HTMLDialogElement>('dialog.lightbox');
  // Only figures with an image: a caption-only figure is already whole in its card.
  const figures = [...doc.querySelectorAll<HTMLElement>('figure.figure[id^="figure-"]')].filter((f) =>
    f.querySelector('picture, img'),
  );
  if (!dialog || figures.length === 0) return;
  const title = dialog.querySelector<HTMLElement>('.lightbox__title');
  const count = dialog.querySelector<HTMLElement>('.lightbox__count');
  const stage = dialog.querySelector<HTMLElement>('.lightbox__stage');
  const caption = dialog.querySelector<HTMLElement>('.lightbox__caption');
  const zoomOut = dialog.querySelector<HTMLOutputElement>('.lightbox__zoom');
  if (!title || !count || !stage || !caption || !zoomOut) return;

  let index = 0;
  let zoom = 1;
  let x = 0;
  let y = 0;

  const apply = (): void => {
    // Keep the zoomed content covering the viewport: pan no further than its overflow.
    const limitX = ((zoom - 1) * stage.offsetWidth) / 2;
    const limitY = ((zoom - 1) * stage.offsetHeight) / 2;
    x = Math.max(-limitX, Math.min(limitX, x));
    y = Math.max(-limitY, Math.min(limitY, y));
    stage.style.transform = `translate(${x}px, ${y}px) scale(${zoom})`;
    zoomOut.value = `${Math.round(zoom * 100)}%`;
    stage.dataset['zoom'] = String(zoom);
  };

  const setZoom = (next: number): void => {
    zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.round(next * 1000) / 1000));
    if (zoom === 1) x = y = 0;
    apply();
  };

  const clean = (node: Element): Element => {
    for (const el of node.querySelectorAll('[id]')) el.removeAttribute('id');
    return node;
  };

  const show = (i: number): void => {
    index = (i + figures.length) % figures.length;
    const figure = figures[index];
    if (!figure) return;
    const label =
      figure
        .querySelector('.figure__label')
        ?.textContent.replace(/\.\s*$/, '')
        .trim() ?? 'Figure';
    title.textContent = label;
    count.textContent = `${index + 1} of ${figures.length}`;
    stage.setAttribute('aria-label', label);
    stage.dataset['figure'] = figure.id;
    const picture = figure.querySelector('picture') ?? figure.querySelector('img');
    const text = figure.querySelector('.figure__caption');
    stage.replaceChildren();
    caption.replaceChildren();
    if (picture) {
      const copy = clean(picture.cloneNode(true) as Element);
      for (const img of [copy, ...copy.querySelectorAll('img')]) {
        if (!(img instanceof HTMLImageElement)) continue;
        img.loading = 'eager';
        img.classList.remove('figure__thumb');
      }
      // The card shows a thumbnail; the viewer asks for the widths meant for the whole screen.
      for (const source of [copy, ...copy.querySelectorAll('source, img')])
        source.setAttribute('sizes', '100vw');
      stage.append(copy);
    }
    if (text) caption.append(clean(text.cloneNode(true) as Element));
    setZoom(1);
  };

  const open = (i: number): void => {
    show(i);
    if (!dialog.open) dialog.showModal();
    stage.focus();
  };

  figures.forEach((figure, i) => {
    const button = figure.querySelector<HTMLButtonElement>('[data-figure-open]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => open(i));
  });

  dialog.addEventListener('click', (event) => {
    const action =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
    switch (action?.dataset['action']) {
      case 'close':
        dialog.close();
        break;
      case 'previous':
        show(index - 1);
        break;
      case 'next':
        show(index + 1);
        break;
      case 'zoom-in':
        setZoom(zoom * STEP);
        break;
      case 'zoom-out':
        setZoom(zoom / STEP);
        break;
      case 'reset':
        setZoom(1);
        break;
      default:
        // A click on the backdrop (the dialog itself, outside its box) closes it.
        if (event.target === dialog) {
          const box = dialog.getBoundingClientRect();
          const inside =
            event.clientX >= box.left &&
            event.clientX <= box.right &&
            event.clientY >= box.top &&
            event.clientY <= box.bottom;
          if (!inside) dialog.close();
        }
    }
  });

  dialog.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const onButton = event.target instanceof HTMLButtonElement;
    let handled = true;
    switch (event.key) {
      case '+':
      case '=':
        setZoom(zoom * STEP);
        break;
      case '-':
      case '_':
      case '−':
        setZoom(zoom / STEP);
        break;
      case '0':
        setZoom(1);
        break;
      case 'PageUp':
        show(index - 1);
        break;
      case 'PageDown':
        show(index + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'ArrowUp':
      case 'ArrowDown': {
        if (zoom === 1) {
          if (event.key === 'ArrowLeft') show(index - 1);
          else if (event.key === 'ArrowRight') show(index + 1);
          else handled = false;
          break;
        }
        if (event.key === 'ArrowLeft') x += PAN;
        if (event.key === 'ArrowRight') x -= PAN;
        if (event.key === 'ArrowUp') y += PAN;
        if (event.key === 'ArrowDown') y -= PAN;
        apply();
        break;
      }
      default:
        handled = false;
    }
    if (handled && !(onButton && (event.key === ' ' || event.key === 'Enter'))) event.preventDefault();
  });

  // Dragging pans a zoomed figure, with a mouse, pen or finger.
  let drag: { id: number; startX: number; startY: number; x: number; y: number } | null = null;
  stage.addEventListener('pointerdown', (event) => {
    if (zoom === 1) return;
    drag = { id: event.pointerId, startX: event.clientX, startY: event.clientY, x, y };
    stage.setPointerCapture(event.pointerId);
  });
  stage.addEventListener('pointermove', (event) => {
    if (drag?.id !== event.pointerId) return;
    x = drag.x + event.clientX - drag.startX;
    y = drag.y + event.clientY - drag.startY;
    apply();
  });
  const endDrag = (): void => {
    drag = null;
  };
  stage.addEventListener('pointerup', endDrag);
  stage.addEventListener('pointercancel', endDrag);

  dialog.addEventListener('close', () => {
    setZoom(1);
    figures[index]?.querySelector<HTMLButtonElement>('[data-figure-open]')?.focus();
  });
}

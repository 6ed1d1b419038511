import {
  allOf,
  describeQuery,
  parseQuery,
  queryFilters,
  type PagefindFilter,
} from '../lib/search/query-syntax.ts';

/** The part of Pagefind's JS API (pagefind.js) the browser uses. */
interface PagefindResult {
  data(): Promise<{ url: string; meta?: Record<string, string> }>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters?: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options: { filters: PagefindFilter }): Promise<PagefindSearch | null>;
}

const byNumber = (a: HTMLLIElement, b: HTMLLIElement): number => a.value - b.value;
const byKey =
  (key: 'year' | 'author', direction: 1 | -1) =>
  (a: HTMLLIElement, b: HTMLLIElement): number => {
    const x = a.dataset[key] ?? '';
    const y = b.dataset[key] ?? '';
    return (x < y ? -direction : x > y ? direction : 0) || byNumber(a, b);
  };

/**
 * The list's orders, by the keys each item carries (its value is its number; data-year and
 * data-author come from the reference layer's sort keys), ties in the review's order. The list
 * holds every reference of the review, so it sorts itself: the search index keeps no sort keys,
 * which would make every reader of the site's search load them on the first query.
 */
const ORDERS: Record<string, (a: HTMLLIElement, b: HTMLLIElement) => number> = {
  number: byNumber,
  'year-asc': byKey('year', 1),
  'year-desc': byKey('year', -1),
  author: byKey('author', 1),
};

/**
 * Turns the plain list of references into a browser: Pagefind's JS API answers the query (text,
 * `key:value` syntax) and the checked filters, with an empty text query when only filters are
 * set, and the list shows the matching entries in the chosen order. The state lives in the URL
 * (?q=…&sort=…&type=…), so a filtered view can be shared. Without JS, or over file://, the
 * page stays the full list in the review's order.
 */
export function mountReferenceBrowser(root: HTMLElement | null): void {
  if (!root || location.protocol === 'file:') return;
  const form = root.querySelector('form');
  const list = root.querySelector('ol');
  const status = root.querySelector('[role="status"]');
  const none = root.querySelector<HTMLElement>('.ref-browser__none');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const sort = form?.querySelector<HTMLSelectElement>('select');
  if (!form || !list || !status || !none || !input || !sort) return;
  const items = new Map<string, HTMLLIElement>();
  for (const li of list.querySelectorAll<HTMLLIElement>('li[data-ref]'))
    items.set(li.dataset['ref'] ?? '', li);
  const total = items.size;
  const review = root.dataset['review'] ?? '';
  const absolute = (path: string): string => new URL(path, document.baseURI).pathname;
  const bundlePath = absolute(root.dataset['bundlePath'] ?? '/pagefind/');
  const baseUrl = absolute(root.dataset['baseUrl'] ?? '/');

  let pagefind: Pagefind | undefined;
  let years: string[] = [];
  let run = 0;

  const load = async (): Promise<Pagefind> => {
    if (pagefind) return pagefind;
    const module = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
    await module.options({ baseUrl });
    years = Object.keys((await module.filters())['year'] ?? {});
    pagefind = module;
    return module;
  };

  const checked = (): Map<string, string[]> => {
    const out = new Map<string, string[]>();
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
      out.set(box.name, [...(out.get(box.name) ?? []), box.value]);
    }
    return out;
  };

  const writeUrl = (): void => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (sort.value !== 'number') params.set('sort', sort.value);
    for (const [key, values] of checked()) for (const v of values) params.append(key, v);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };

  const readUrl = (): void => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    const wanted = params.get('sort') ?? 'number';
    if (ORDERS[wanted]) sort.value = wanted;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = params.getAll(box.name).includes(box.value);
    }
  };

  const show = (refs: string[]): void => {
    const fragment = document.createDocumentFragment();
    for (const [, li] of items) li.hidden = true;
    const shown = refs.flatMap((ref) => items.get(ref) ?? []);
    for (const li of shown.sort(ORDERS[sort.value] ?? byNumber)) {
      li.hidden = false;
      fragment.append(li);
    }
    // The rest keep their place after the shown ones, hidden.
    for (const [, li] of items) if (li.hidden) fragment.append(li);
    list.append(fragment);
    none.hidden = refs.length > 0;
  };

  const updateCounts = (counts: Record<string, Record<string, number>> | undefined): void => {
    if (!counts) return;
    for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-filter]')) {
      const values = counts[fieldset.dataset['filter'] ?? ''] ?? {};
      for (const span of fieldset.querySelectorAll<HTMLElement>('[data-count-for]')) {
        span.textContent = `(${values[span.dataset['countFor'] ?? ''] ?? 0})`;
      }
    }
  };

  const markBar = (): void => {
    const years = /(?:^|\s)(year:\S+)/.exec(input.value)?.[1];
    for (const bar of document.querySelectorAll<HTMLAnchorElement>('a[data-year-query]')) {
      if (bar.dataset['yearQuery'] === years) bar.setAttribute('aria-current', 'true');
      else bar.removeAttribute('aria-current');
    }
  };

  const update = async (): Promise<void> => {
    const mine = ++run;
    writeUrl();
    markBar();
    const query = parseQuery(input.value);
    const groups = [...checked()].map(([key, values]) => ({ [key]: { any: values } }));
    let engine: Pagefind;
    try {
      engine = await load();
    } catch {
      status.textContent =
        'Search is unavailable: the search index was not found. All references are listed.';
      return;
    }
    const filters = allOf([{ review }, { kind: 'reference' }, ...groups, ...queryFilters(query, years)]);
    const search = await engine.search(query.text || null, { filters });
    if (mine !== run || !search) return;
    const data = await Promise.all(search.results.map((r) => r.data()));
    if (mine !== run) return;
    // Each reference record names its item in the list (src/lib/search/search-records.ts).
    show(data.map((d) => d.meta?.['ref'] ?? ''));
    updateCounts(search.filters);
    const described = describeQuery(query);
    const filterCount = groups.length;
    const summary =
      data.length === total && !described && filterCount === 0
        ? `${total} references`
        : `${data.length} of ${total} references${described ? ` ${described}` : ''}${filterCount ? `, ${filterCount} filter${filterCount > 1 ? 's' : ''} set` : ''}`;
    const order = sort.selectedOptions[0]?.textContent.toLowerCase() ?? '';
    status.textContent = `${summary}, sorted by ${order}.${query.problems.length ? ` ${query.problems.join(' ')}` : ''}`;
  };

  let timer: number | undefined;
  const soon = (): void => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void update(), 150);
  };
  form.addEventListener('input', (event) => {
    if (event.target === input) soon();
    else void update();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
  form.addEventListener('reset', () => {
    // The form's fields are reset after this event.
    setTimeout(() => void update(), 0);
  });
  // The year chart's bars link to ?q=year:…; here they set that year term in the query instead of
  // reloading, keeping the reader's other words.
  for (const bar of document.querySelectorAll<HTMLAnchorElement>('a[data-year-query]')) {
    bar.addEventListener('click', (event) => {
      event.preventDefault();
      const words = input.value.replace(/(?:^|\s)year:\S*/g, ' ').trim();
      input.value = `${words} ${bar.dataset['yearQuery'] ?? ''}`.trim();
      void update();
    });
  }
  form.hidden = false;
  root.classList.add('ref-browser--live');
  readUrl();
  // Pagefind loads when the reader first uses a control (or the URL asks for a filtered view),
  // never just because the page was opened.
  if (location.search) void update();
  else form.addEventListener('focusin', () => void load().catch(() => undefined), { once: true });
}

/**
 * COinS (ContextObjects in Spans, OpenURL 1.0 KEV): `<span class="Z3988" title="…">` per
 * reference, which Zotero and other reference managers pick up from any page. The title is a
 * URL-encoded query string; the page escapes it as an attribute value.
 * https://web.archive.org/web/2022/https://ocoins.info/cobg.html
 */
import type { CslItem } from '../schema/csl.ts';
import { isoDate, pageRange } from './shared.ts';

const BOOK_TYPES = new Set(['book', 'chapter', 'report', 'thesis']);

export function coinsTitle(item: CslItem): string {
  const pairs: [string, string][] = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rfr_id', 'info:sid/lectern'],
  ];
  const add = (key: string, value: string | undefined): void => {
    if (value !== undefined && value.trim() !== '') pairs.push([key, value.replace(/\s+/g, ' ').trim()]);
  };
  const book = BOOK_TYPES.has(item.type);
  const journal = item.type === 'article-journal' || item.type === 'article';
  if (journal) {
    pairs.push(['rft_val_fmt', 'info:ofi/fmt:kev:mtx:journal'], ['rft.genre', 'article']);
    add('rft.atitle', item.title);
    add('rft.jtitle', item['container-title']);
    add('rft.stitle', item['container-title-short']);
  } else if (book) {
    pairs.push(
      ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:book'],
      ['rft.genre', item.type === 'chapter' ? 'bookitem' : item.type === 'report' ? 'report' : 'book'],
    );
    if (item.type === 'chapter') {
      add('rft.atitle', item.title);
      add('rft.btitle', item['container-title']);
    } else {
      add('rft.btitle', item.title);
    }
    add('rft.pub', item.publisher);
    add('rft.place', item['publisher-place']);
    add('rft.isbn', item.ISBN);
  } else {
    pairs.push(['rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc'], ['rft.type', item.type]);
    add('rft.title', item.title);
    add('rft.source', item['container-title']);
    add('rft.identifier', item.URL);
  }
  if (item.DOI) pairs.push(['rft_id', `info:doi/${item.DOI}`]);
  if (item.PMID) pairs.push(['rft_id', `info:pmid/${item.PMID}`]);
  if (item.URL && !item.DOI) pairs.push(['rft_id', item.URL]);
  add('rft.date', isoDate(item.issued));
  add('rft.volume', item.volume);
  add('rft.issue', item.issue);
  const { first, last } = pageRange(item.page);
  add('rft.spage', first);
  add('rft.epage', last);
  add('rft.pages', item.page);
  const [firstAuthor] = item.author ?? [];
  if (firstAuthor && !firstAuthor.literal && (journal || book)) {
    add('rft.aulast', firstAuthor.family);
    add('rft.aufirst', firstAuthor.given);
    add('rft.ausuffix', firstAuthor.suffix);
  }
  for (const [i, author] of (item.author ?? []).entries()) {
    if (author.literal) add(journal || book ? 'rft.aucorp' : 'rft.creator', author.literal);
    else if (i > 0 || !(journal || book))
      add(
        journal || book ? 'rft.au' : 'rft.creator',
        [author.family, author.given].filter(Boolean).join(', '),
      );
  }
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

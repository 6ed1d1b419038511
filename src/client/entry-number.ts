/**
 * The number a reference list shows for an entry. The list writes `value` only where its
 * numbering breaks the 1, 2, 3 sequence (ReferenceList.astro), so `li.value` alone would read 0
 * for most entries: the number is counted the way the browser counts it.
 */
export function entryNumber(item: HTMLLIElement): number {
  let steps = 0;
  for (let li: Element | null = item; li; li = li.previousElementSibling) {
    if (li instanceof HTMLLIElement && li.hasAttribute('value')) return li.value + steps;
    steps += 1;
  }
  return steps;
}

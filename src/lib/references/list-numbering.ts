/**
 * The `value` an `<li>` of a numbered reference list needs: none while the numbers run 1, 2,
 * 3… (the browser counts them), the number itself where the list skips one. Writing it on
 * every item costs a unique number per reference on a long list's page.
 */
export function listItemValue(numbers: readonly { number: number }[], index: number): number | undefined {
  const number = numbers[index]?.number;
  if (number === undefined) return undefined;
  return number === (numbers[index - 1]?.number ?? 0) + 1 ? undefined : number;
}

/**
 * `fn` over `items` with at most `limit` calls in flight; results in the order of `items`.
 * Reading every file of a 10,000-reference site at once runs out of file descriptors (EMFILE).
 */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Files read at once by the build steps that read the whole site. */
export const FILE_READS_IN_FLIGHT = 16;

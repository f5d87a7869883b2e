/** Runs `work` over `items` with at most `concurrency` in flight; `worker` is the index of the lane. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number, worker: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (worker: number): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index, worker);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, (_, worker) => lane(worker)));
}

/** As forEachConcurrently, keeping each result at its item's index. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachConcurrently(items, concurrency, async (item, index) => {
    results[index] = await work(item, index);
  });
  return results;
}

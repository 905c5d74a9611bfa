// Runs tasks with at most `concurrency` at a time, in order, until they are done or `shouldStop`.

/**
 * Starts `tasks` in order, never more than `concurrency` at once; once `shouldStop()` returns
 * true no new task starts (running ones finish).
 *
 * @returns the indexes of the tasks that were started
 */
export async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>, shouldStop: () => boolean): Promise<number[]> {
  const started: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && !shouldStop()) {
      const index = next++;
      started.push(index);
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return started.sort((a, b) => a - b);
}

import { performance } from 'node:perf_hooks';

/** One benchmark result line, as `pnpm bench` prints it. */
export interface BenchResult {
  /** The package the benchmark belongs to, e.g. `@px/polyaxonfile`. */
  package: string;
  /** What was measured, e.g. `parse+validate per file`. */
  name: string;
  /** Unit of `value`, e.g. `us`, `ms`, `MB/s`, `ratio`, `bytes`, `calls/s`. */
  unit: string;
  /** The measured value. */
  value: number;
  /** How many samples or items the value summarises. */
  n: number;
  /** The target the value must stay within (same unit), when there is one. */
  goal?: number;
}

/** Prints one result as a JSON line on stdout (the bench runner collects them). */
export function emit(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `fn` for `warmup` rounds then `rounds` timed rounds and returns the
 * median duration in microseconds.
 */
export async function timeMedianUs(fn: () => unknown, rounds = 50, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    samples.push((performance.now() - start) * 1000);
  }
  return median(samples);
}

import { orderStatistics } from './order-statistics';
import type { ValueReader, ValueStore } from './value-store';
import { wasmNumpyStats } from './wasm-numpy-stats';

/**
 * numpy's pairwise summation (`np.add.reduce` on float64), reproduced so
 * means and standard deviations match upstream's pandas summaries bit for bit.
 *
 * @param a - the values
 * @returns the sum
 */
export function pairwiseSum(a: ArrayLike<number>): number {
  return plainSum(a, 0, a.length);
}

/**
 * `(a[i] - shift)^2` of every value, as a new array: summing it is numpy's
 * variance step (the same roundings as squaring inside the sum).
 */
function squares(a: Float64Array, shift: number): Float64Array {
  return a.map((v) => (v - shift) * (v - shift));
}

/** numpy's split of a block longer than {@link LEAF}: the first half, rounded down to a multiple of 8. */
function half(n: number): number {
  const n2 = Math.floor(n / 2);
  return n2 - (n2 % 8);
}

// Same operations in the same order as numpy. assembly/numpy-stats.ts does the same for columns held in memory;
// this serves streamed columns, and engines without WebAssembly.
function plainSum(a: ArrayLike<number>, start: number, n: number): number {
  if (n <= LEAF) return leafSum(a, start, n);
  const n2 = half(n);
  return plainSum(a, start, n2) + plainSum(a, start + n2, n - n2);
}

/** numpy's leaf: a plain loop below 8 values, else 8 running sums combined pairwise. */
function leafSum(a: ArrayLike<number>, start: number, n: number): number {
  const end = start + n;
  if (n < 8) {
    let res = 0;
    for (let i = start; i < end; i++) res += a[i]!;
    return res;
  }
  let r0 = a[start]!;
  let r1 = a[start + 1]!;
  let r2 = a[start + 2]!;
  let r3 = a[start + 3]!;
  let r4 = a[start + 4]!;
  let r5 = a[start + 5]!;
  let r6 = a[start + 6]!;
  let r7 = a[start + 7]!;
  const blocks = end - (n % 8);
  let i = start + 8;
  for (; i < blocks; i += 8) {
    r0 += a[i]!;
    r1 += a[i + 1]!;
    r2 += a[i + 2]!;
    r3 += a[i + 3]!;
    r4 += a[i + 4]!;
    r5 += a[i + 5]!;
    r6 += a[i + 6]!;
    r7 += a[i + 7]!;
  }
  let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
  for (; i < end; i++) res += a[i]!;
  return res;
}

function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * numpy's `percentile(..., method="linear")` on already sorted values.
 *
 * @param sorted - ascending values, no NaN
 * @param q - the quantile in [0, 1]
 * @returns the interpolated value
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return interpolate(sorted[lo]!, sorted[hi]!, lo === hi, pos - lo);
}

/** pandas `Series.describe()` of a float column. */
export interface Describe {
  count: number;
  mean: number;
  std: number;
  min: number;
  q25: number;
  q50: number;
  q75: number;
  max: number;
}

/** numpy's pairwise block size: sums of at most this many values are one leaf. */
const LEAF = 128;

/**
 * numpy's pairwise sum of `n` terms read in order from `reader`, where a
 * term is the value (`shift` NaN) or `(value - shift)^2`, and NaN values
 * count as 0 (pandas fills them with 0 before summing). The recursion is
 * numpy's, so only one 128-value leaf is in memory at a time.
 */
function streamedSum(reader: ValueReader, n: number, shift: number, leaf: Float64Array): number {
  if (n <= LEAF) {
    reader.read(leaf, n);
    const sq = shift === shift;
    for (let i = 0; i < n; i++) {
      const v = leaf[i]!;
      leaf[i] = v !== v ? 0 : sq ? (v - shift) * (v - shift) : v;
    }
    return plainSum(leaf, 0, n);
  }
  const n2 = half(n);
  const left = streamedSum(reader, n2, shift, leaf);
  return left + streamedSum(reader, n - n2, shift, leaf);
}

function storeSum(store: ValueStore, shift = Number.NaN): number {
  return streamedSum(store.reader(), store.length, shift, new Float64Array(LEAF));
}

/**
 * pandas' `describe()` of float values: NaN skipped (filled with 0 in the
 * sums, as pandas does), `std` with ddof 1 (NaN for fewer than 2 values),
 * numpy linear quartiles. The values are streamed from the store a few
 * times and never sorted as a whole: quartiles come from
 * {@link orderStatistics}.
 *
 * @param store - the column (NaN allowed)
 * @param count - how many values are not NaN
 * @returns the statistics (NaN where pandas gives NaN)
 */
export function describe(store: ValueStore, count: number): Describe {
  if (count === 0) return { count: 0, mean: NaN, std: NaN, min: NaN, q25: NaN, q50: NaN, q75: NaN, max: NaN };
  if (count === store.length && count <= IN_MEMORY_LIMIT) return describeArray(store);
  const mean = storeSum(store) / count;
  let std = Number.NaN;
  if (count > 1 && Number.isFinite(mean)) std = Math.sqrt(storeSum(store, mean) / (count - 1));
  const ranks = quartileRanks(count);
  return withQuartiles(count, mean, std, ranks, orderStatistics(store, count, ranks));
}

/** Columns without NaN up to this many values (2 MiB) are copied into one array: plain pairwise sums and exact order statistics. */
const IN_MEMORY_LIMIT = 1 << 18;

function describeArray(store: ValueStore): Describe {
  const count = store.length;
  const ranks = quartileRanks(count);
  const wasm = wasmNumpyStats();
  if (wasm !== undefined) {
    try {
      store.reader().read(wasm.column(count), count);
      const mean = wasm.sum(count) / count;
      const std = count > 1 && Number.isFinite(mean) ? Math.sqrt(wasm.sum(count, mean) / (count - 1)) : Number.NaN;
      return withQuartiles(count, mean, std, ranks, wasm.orderStatistics(count, ranks));
    } catch {
      // The module's memory could not grow: JavaScript computes the same numbers.
    }
  }
  const values = new Float64Array(count);
  store.reader().read(values, count);
  const mean = plainSum(values, 0, count) / count;
  let std = Number.NaN;
  if (count > 1 && Number.isFinite(mean)) std = Math.sqrt(plainSum(squares(values, mean), 0, count) / (count - 1));
  const sorted = values.sort();
  return withQuartiles(count, mean, std, ranks, ranks.map((rank) => sorted[rank]!));
}

/** Ranks describe needs: min, max, and the two order statistics around each quartile. */
function quartileRanks(count: number): number[] {
  const ranks = [0, count - 1];
  for (const q of QUARTILES) {
    const lo = Math.floor((count - 1) * q);
    ranks.push(lo, Math.min(lo + 1, count - 1));
  }
  return ranks;
}

const QUARTILES = [0.25, 0.5, 0.75] as const;

function withQuartiles(count: number, mean: number, std: number, ranks: number[], values: number[]): Describe {
  const [q25, q50, q75] = QUARTILES.map((q, i) => {
    const lo = ranks[2 + 2 * i]!;
    const hi = ranks[3 + 2 * i]!;
    return interpolate(values[2 + 2 * i]!, values[3 + 2 * i]!, lo === hi, (count - 1) * q - lo);
  });
  return { count, mean, std, min: values[0]!, q25: q25!, q50: q50!, q75: q75!, max: values[1]! };
}

/** numpy's linear interpolation between the order statistics around a quantile. */
function interpolate(a: number, b: number, same: boolean, t: number): number {
  if (same || a === b) return a;
  return lerp(a, b, t);
}

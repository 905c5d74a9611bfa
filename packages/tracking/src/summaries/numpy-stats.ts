/**
 * numpy's pairwise summation (`np.add.reduce` on float64), reproduced so
 * means and standard deviations match upstream's pandas summaries bit for bit.
 *
 * @param a - the values
 * @param start - first index
 * @param n - how many values
 * @returns the sum
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start, shift = Number.NaN): number {
  // With a finite `shift`, sums (a[i] - shift)^2 instead (numpy's variance step).
  const f = shift === shift ? (v: number) => (v - shift) * (v - shift) : (v: number) => v;
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += f(a[start + i]!);
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => f(a[start + k]!));
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k]! += f(a[start + i + k]!);
    }
    let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) res += f(a[start + i]!);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2, shift) + pairwiseSum(a, start + n2, n - n2, shift);
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
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  if (lo === hi) return a;
  if (a === b) return a;
  return lerp(a, b, pos - lo);
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

/**
 * pandas' `describe()` of float values: NaN skipped, `std` with ddof 1 (NaN
 * for fewer than 2 values), numpy linear quartiles.
 *
 * @param values - the column (NaN allowed); it is sorted in place
 * @returns the statistics (NaN where pandas gives NaN)
 */
export function describe(values: Float64Array): Describe {
  const clean = values.some((v) => v !== v) ? values.filter((v) => v === v) : values;
  const count = clean.length;
  if (count === 0) return { count: 0, mean: NaN, std: NaN, min: NaN, q25: NaN, q50: NaN, q75: NaN, max: NaN };
  const mean = pairwiseSum(clean) / count;
  let std = Number.NaN;
  if (count > 1) std = Math.sqrt(pairwiseSum(clean, 0, count, Number.isFinite(mean) ? mean : Number.NaN) / (count - 1));
  if (count > 1 && !Number.isFinite(mean)) std = Number.NaN;
  const sorted = clean.sort();
  return {
    count,
    mean,
    std,
    min: sorted[0]!,
    q25: sortedQuantile(sorted, 0.25),
    q50: sortedQuantile(sorted, 0.5),
    q75: sortedQuantile(sorted, 0.75),
    max: sorted[count - 1]!,
  };
}

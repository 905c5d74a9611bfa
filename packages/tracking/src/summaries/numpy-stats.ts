/**
 * numpy's pairwise summation (`np.add.reduce` on float64), reproduced so
 * means and standard deviations match upstream's pandas summaries bit for bit.
 *
 * @param a - the values
 * @param start - first index
 * @param n - how many values
 * @returns the sum
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i]!;
    return res;
  }
  if (n <= 128) {
    const r = [a[start]!, a[start + 1]!, a[start + 2]!, a[start + 3]!, a[start + 4]!, a[start + 5]!, a[start + 6]!, a[start + 7]!];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k]! += a[start + i + k]!;
    }
    let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) res += a[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
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
 * @param values - the column (NaN allowed)
 * @returns the statistics (NaN where pandas gives NaN)
 */
export function describe(values: Float64Array): Describe {
  const clean = values.filter((v) => v === v);
  const count = clean.length;
  if (count === 0) return { count: 0, mean: NaN, std: NaN, min: NaN, q25: NaN, q50: NaN, q75: NaN, max: NaN };
  const mean = pairwiseSum(clean) / count;
  let std = Number.NaN;
  if (count > 1) {
    const sq = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const d = clean[i]! - mean;
      sq[i] = d * d;
    }
    std = Math.sqrt(pairwiseSum(sq) / (count - 1));
  }
  const sorted = clean.slice().sort();
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

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
  // Same operations in the same order as numpy; written without closures or
  // per-block arrays so it stays fast in a cold process.
  const sq = shift === shift;
  if (n < 8) {
    let res = 0;
    for (let i = start; i < start + n; i++) {
      const v = a[i]!;
      res += sq ? (v - shift) * (v - shift) : v;
    }
    return res;
  }
  if (n <= 128) {
    let r0: number, r1: number, r2: number, r3: number, r4: number, r5: number, r6: number, r7: number;
    if (sq) {
      r0 = (a[start]! - shift) * (a[start]! - shift);
      r1 = (a[start + 1]! - shift) * (a[start + 1]! - shift);
      r2 = (a[start + 2]! - shift) * (a[start + 2]! - shift);
      r3 = (a[start + 3]! - shift) * (a[start + 3]! - shift);
      r4 = (a[start + 4]! - shift) * (a[start + 4]! - shift);
      r5 = (a[start + 5]! - shift) * (a[start + 5]! - shift);
      r6 = (a[start + 6]! - shift) * (a[start + 6]! - shift);
      r7 = (a[start + 7]! - shift) * (a[start + 7]! - shift);
    } else {
      r0 = a[start]!;
      r1 = a[start + 1]!;
      r2 = a[start + 2]!;
      r3 = a[start + 3]!;
      r4 = a[start + 4]!;
      r5 = a[start + 5]!;
      r6 = a[start + 6]!;
      r7 = a[start + 7]!;
    }
    const blocks = start + n - (n % 8);
    let i = start + 8;
    if (sq) {
      for (; i < blocks; i += 8) {
        r0 += (a[i]! - shift) * (a[i]! - shift);
        r1 += (a[i + 1]! - shift) * (a[i + 1]! - shift);
        r2 += (a[i + 2]! - shift) * (a[i + 2]! - shift);
        r3 += (a[i + 3]! - shift) * (a[i + 3]! - shift);
        r4 += (a[i + 4]! - shift) * (a[i + 4]! - shift);
        r5 += (a[i + 5]! - shift) * (a[i + 5]! - shift);
        r6 += (a[i + 6]! - shift) * (a[i + 6]! - shift);
        r7 += (a[i + 7]! - shift) * (a[i + 7]! - shift);
      }
    } else {
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
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < start + n; i++) {
      const v = a[i]!;
      res += sq ? (v - shift) * (v - shift) : v;
    }
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

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A one-line sparkline of `values` at most `width` characters wide: values
 * are averaged into equal buckets, non-finite values skipped (a bucket with
 * none is a space). A flat series is a row of middle bars.
 *
 * @example
 * ```ts
 * sparkline([1, 2, 3, 4], 4); // '▁▃▆█'
 * ```
 */
export function sparkline(values: ArrayLike<number>, width: number): string {
  const n = values.length;
  if (n === 0 || width <= 0) return '';
  const buckets = Math.min(width, n);
  const sums = new Float64Array(buckets);
  const counts = new Uint32Array(buckets);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const b = Math.min(buckets - 1, Math.floor((i * buckets) / n));
    sums[b]! += v;
    counts[b]! += 1;
  }
  let min = Infinity;
  let max = -Infinity;
  const means: (number | undefined)[] = [];
  for (let b = 0; b < buckets; b++) {
    const mean = counts[b] === 0 ? undefined : sums[b]! / counts[b]!;
    means.push(mean);
    if (mean !== undefined) {
      min = Math.min(min, mean);
      max = Math.max(max, mean);
    }
  }
  return means
    .map((m) => {
      if (m === undefined) return ' ';
      if (max === min) return BARS[3];
      return BARS[Math.round(((m - min) / (max - min)) * (BARS.length - 1))];
    })
    .join('');
}

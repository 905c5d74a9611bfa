import { PlotDataError } from './plot-errors';

/** A point of a series. */
export interface XY {
  /** Position on the x axis. */
  x: number;
  /** Value. */
  y: number;
}

/**
 * Indices of the points min/max-per-bucket downsampling keeps: the first
 * and the last point, then, for each of `⌊(maxPoints−2)/2⌋` equal buckets of
 * the points between, the bucket's lowest and highest `y` (in x order). The
 * global minimum and maximum therefore survive, so a spike in 1M points
 * still shows. Non-finite `y` never win a bucket.
 *
 * @param ys - the values, in x order
 * @param maxPoints - at most this many indices are returned (at least 2)
 * @throws {@link PlotDataError} when `maxPoints` is not an integer of at least 2
 */
export function downsampleIndices(ys: ArrayLike<number>, maxPoints: number): number[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new PlotDataError(`maxPoints must be an integer of at least 2, got ${maxPoints}.`);
  const n = ys.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.floor((maxPoints - 2) / 2);
  const inner = n - 2;
  const kept: number[] = [0];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = ys[i]!;
      if (!Number.isFinite(v)) continue;
      if (lo === -1 || v < ys[lo]!) lo = i;
      if (hi === -1 || v > ys[hi]!) hi = i;
    }
    if (lo === -1) continue;
    if (lo === hi) kept.push(lo);
    else kept.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  kept.push(n - 1);
  return kept;
}

/**
 * Downsamples a series (in x order) to at most `maxPoints` points, keeping
 * each bucket's extremes (see {@link downsampleIndices}); shorter series are
 * returned as a copy.
 *
 * @param points - the series, in x order
 * @param maxPoints - the most points to keep (at least 2)
 * @throws {@link PlotDataError} when `maxPoints` is not an integer of at least 2
 */
export function downsample(points: readonly XY[], maxPoints: number): XY[] {
  const ys = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) ys[i] = points[i]!.y;
  return downsampleIndices(ys, maxPoints).map((i) => ({ ...points[i]! }));
}

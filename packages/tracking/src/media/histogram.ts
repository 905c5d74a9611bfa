import { TrackingError } from '../errors';

/** A histogram as numpy returns it: per-bin counts and the bin edges (one more). */
export interface HistogramData {
  /** Per-bin counts (`len(edges) - 1` items). */
  counts: number[];
  /** Bin edges. */
  edges: number[];
}

function finiteValues(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (!Number.isFinite(v)) throw new TrackingError(`Histogram values must be finite numbers; item ${i} is ${String(values[i])}.`);
    out.push(v);
  }
  return out;
}

/**
 * `numpy.histogram(values, bins)`: with a bin count the range is
 * `[min, max]` (widened by 0.5 when they are equal) split into equal bins,
 * with numpy's exact edge arithmetic; with explicit edges each value falls in
 * `[e_i, e_i+1)` and the last bin is closed.
 *
 * @param values - the samples
 * @param bins - the number of bins, or the bin edges
 * @returns counts and edges
 * @throws {@link TrackingError} on empty input, non-finite values or invalid bins
 */
export function computeHistogram(values: ArrayLike<number>, bins: number | readonly number[]): HistogramData {
  const data = finiteValues(values);
  if (data.length === 0) throw new TrackingError('The input has no element.');
  if (typeof bins === 'number') {
    if (!Number.isInteger(bins) || bins < 1) throw new TrackingError(`bins must be a positive integer, got ${bins}.`);
    let first = Infinity;
    let last = -Infinity;
    for (const v of data) {
      if (v < first) first = v;
      if (v > last) last = v;
    }
    if (first === last) {
      first -= 0.5;
      last += 0.5;
    }
    const step = (last - first) / bins;
    const edges: number[] = [];
    for (let i = 0; i < bins; i++) edges.push(i * step + first);
    edges.push(last);
    const counts = new Array<number>(bins).fill(0);
    const norm = bins / (last - first);
    for (const v of data) {
      let index = Math.floor((v - first) * norm);
      if (index === bins) index -= 1;
      if (v < edges[index]!) index -= 1;
      else if (index !== bins - 1 && v >= edges[index + 1]!) index += 1;
      counts[index]! += 1;
    }
    return { counts, edges };
  }
  const edges = finiteValues(bins);
  if (edges.length < 2 || edges.some((e, i) => i > 0 && e < edges[i - 1]!)) {
    throw new TrackingError('bins must be an increasing list of at least two edges.');
  }
  const counts = new Array<number>(edges.length - 1).fill(0);
  const lastEdge = edges[edges.length - 1]!;
  for (const v of data) {
    if (v < edges[0]! || v > lastEdge) continue;
    let lo = 0;
    let hi = edges.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (v >= edges[mid]!) lo = mid;
      else hi = mid;
    }
    counts[lo]! += 1;
  }
  return { counts, edges };
}

/**
 * Validates a precomputed histogram like upstream's `np_histogram`:
 * `edges.length === counts.length + 1` and at most `maxBins` bins.
 *
 * @param counts - per-bin counts (upstream's `values`)
 * @param edges - bin edges (upstream's `counts`)
 * @param maxBins - maximum bins (default 512)
 * @returns the validated data
 * @throws {@link TrackingError} when the lengths do not match or there are too many bins
 */
export function checkHistogram(counts: ArrayLike<number>, edges: ArrayLike<number>, maxBins = 512): HistogramData {
  const c = Array.from(counts, Number);
  const e = Array.from(edges, Number);
  if (c.length > maxBins) throw new TrackingError(`The maximum bins for a histogram is ${maxBins}, received ${c.length}`);
  if (c.length + 1 !== e.length) {
    throw new TrackingError(`A histogram needs one more edge than counts: got ${c.length} counts and ${e.length} edges.`);
  }
  return { counts: c, edges: e };
}

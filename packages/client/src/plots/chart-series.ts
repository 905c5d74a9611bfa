import { downsampleIndices } from './downsample';
import { PlotDataError } from './plot-errors';
import { smoothEma } from './smooth-ema';
import type { ChartOptions, MetricPoint, XAxis } from './types';

/** Default {@link ChartOptions.maxPoints}. */
export const DEFAULT_MAX_POINTS = 2000;

/** One plotted point of a series. */
export interface ChartPoint {
  /** Legend label: the metric name, or `run · name` when rows come from several runs. */
  series: string;
  /** Metric name. */
  name: string;
  /** Run uuid, when known. */
  run?: string;
  /** Step of the point. */
  step: number;
  /** x value: step, ISO timestamp, or seconds since the series' first point. */
  x: number | string;
  /** Plotted value (smoothed when smoothing is on). */
  y: number;
  /** The value as logged (only with smoothing). */
  raw?: number;
}

/** Points left out of a chart, and why, per series. */
export interface Skipped {
  /** Series label. */
  series: string;
  /** Values that are NaN or infinite. */
  nonFinite: number;
  /** Values at or below 0 on a log axis. */
  nonPositive: number;
  /** Points removed by downsampling. */
  downsampled: number;
}

/** The data of a metric chart and an account of what was left out. */
export interface PreparedSeries {
  points: ChartPoint[];
  skipped: Skipped[];
  seriesNames: string[];
}

function xOf(axis: XAxis, row: MetricPoint, first: number): number {
  if (axis === 'step') return row.step;
  const ms = row.timestamp.getTime();
  return axis === 'timestamp' ? ms : (ms - first) / 1000;
}

/** Indices of `xs` in ascending x order (stable); no sort when already in order. */
function sortedOrder(xs: readonly number[]): number[] {
  const order = Array.from({ length: xs.length }, (_, i) => i);
  for (let i = 1; i < xs.length; i++) {
    if (xs[i]! < xs[i - 1]!) return order.sort((a, b) => xs[a]! - xs[b]! || a - b);
  }
  return order;
}

/** Validates the numeric options shared by every chart builder. */
export function checkOptions(options: ChartOptions): void {
  const x = options.x ?? 'step';
  if (x !== 'step' && x !== 'timestamp' && x !== 'relative') throw new PlotDataError(`x must be step, timestamp or relative, got ${String(x)}.`);
  for (const key of ['width', 'height'] as const) {
    const v = options[key];
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new PlotDataError(`${key} must be a positive number, got ${v}.`);
  }
}

/** Groups rows into series keyed by run and name, in first-seen order. */
export function groupSeries(rows: readonly MetricPoint[]): Map<string, MetricPoint[]> {
  const runs = new Set<string | undefined>();
  for (const row of rows) runs.add(row.run);
  const multi = runs.size > 1;
  const groups = new Map<string, MetricPoint[]>();
  for (const row of rows) {
    const key = multi ? `${row.run ?? '?'} · ${row.name}` : row.name;
    let list = groups.get(key);
    if (list === undefined) groups.set(key, (list = []));
    list.push(row);
  }
  return groups;
}

/**
 * Turns tidy rows into chart points: one series per metric (per run and
 * metric for several runs), sorted on x, non-finite values (and values
 * at or below 0 on a log axis) left out and counted, smoothed, then downsampled per
 * series keeping extremes.
 *
 * @throws {@link PlotDataError} when nothing is left to draw, saying why
 */
export function prepareSeries(rows: readonly MetricPoint[], options: ChartOptions): PreparedSeries {
  checkOptions(options);
  const axis = options.x ?? 'step';
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
  const smoothing = options.smoothing ?? 0;
  const points: ChartPoint[] = [];
  const skipped: Skipped[] = [];
  const seriesNames: string[] = [];
  if (rows.length === 0) throw new PlotDataError('There are no metric values to plot (the run has no events for these metrics).');
  for (const [series, list] of groupSeries(rows)) {
    let t0 = Number.POSITIVE_INFINITY;
    for (const r of list) t0 = Math.min(t0, r.timestamp.getTime());
    const keep: MetricPoint[] = [];
    const account: Skipped = { series, nonFinite: 0, nonPositive: 0, downsampled: 0 };
    for (const r of list) {
      if (!Number.isFinite(r.metric)) account.nonFinite++;
      else if (options.logScale === true && r.metric <= 0) account.nonPositive++;
      else keep.push(r);
    }
    const xs = keep.map((r) => xOf(axis, r, t0));
    const order = sortedOrder(xs);
    const ys = order.map((i) => keep[i]!.metric);
    const smooth = smoothing === 0 ? ys : smoothEma(ys, smoothing);
    const picked = downsampleIndices(ys, maxPoints);
    account.downsampled = ys.length - picked.length;
    if (account.nonFinite + account.nonPositive + account.downsampled > 0) skipped.push(account);
    if (picked.length === 0) continue;
    seriesNames.push(series);
    for (const j of picked) {
      const r = keep[order[j]!]!;
      const x = xs[order[j]!]!;
      const point: ChartPoint = { series, name: r.name, step: r.step, x: axis === 'timestamp' ? new Date(x).toISOString() : x, y: smooth[j]! };
      if (r.run !== undefined) point.run = r.run;
      if (smoothing !== 0) point.raw = ys[j]!;
      points.push(point);
    }
  }
  if (points.length === 0) {
    const why = skipped.map((s) => `${s.series}: ${s.nonFinite} non-finite${options.logScale === true ? `, ${s.nonPositive} <= 0 on a log axis` : ''}`);
    throw new PlotDataError(`There are no plottable values: ${why.join('; ')}.`);
  }
  return { points, skipped, seriesNames };
}

/** A one-line account of what a chart leaves out, or undefined when nothing is. */
export function describeSkipped(skipped: readonly Skipped[]): string | undefined {
  const parts: string[] = [];
  for (const s of skipped) {
    const bits: string[] = [];
    if (s.nonFinite > 0) bits.push(`${s.nonFinite} NaN/infinite values not drawn`);
    if (s.nonPositive > 0) bits.push(`${s.nonPositive} values <= 0 not drawn on the log axis`);
    if (s.downsampled > 0) bits.push(`downsampled by ${s.downsampled} points (extremes kept)`);
    parts.push(`${s.series}: ${bits.join(', ')}`);
  }
  return parts.length === 0 ? undefined : parts.join('; ');
}

/**
 * The y-scale domain without outliers: Tukey fences `[q1 − 1.5·iqr, q3 + 1.5·iqr]`
 * clamped to the data; undefined when that would not narrow the axis.
 */
export function outlierDomain(values: readonly number[]): [number, number] | undefined {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length < 4) return undefined;
  const q = (p: number): number => {
    const pos = (sorted.length - 1) * p;
    const lo = Math.floor(pos);
    return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
  };
  const q1 = q(0.25);
  const q3 = q(0.75);
  const iqr = q3 - q1;
  const lo = Math.max(sorted[0]!, q1 - 1.5 * iqr);
  const hi = Math.min(sorted.at(-1)!, q3 + 1.5 * iqr);
  if (!(hi > lo) || (lo === sorted[0] && hi === sorted.at(-1))) return undefined;
  return [lo, hi];
}

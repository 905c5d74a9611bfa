import { checkOptions, DEFAULT_MAX_POINTS } from './chart-series';
import { downsampleIndices } from './downsample';
import { PlotDataError } from './plot-errors';
import { baseSpec, yScale } from './vega-base';
import type { ChartOptions, MetricPoint, VegaLiteSpec } from './types';

interface ScatterPoint {
  run?: string;
  step: number;
  x: number;
  y: number;
}

/** Pairs the values of two metrics logged at the same step of the same run (the last value wins on a repeated step). */
function pairOnStep(rows: readonly MetricPoint[], xMetric: string, yMetric: string): { points: ScatterPoint[]; nonFinite: number } {
  const xs = new Map<string, MetricPoint>();
  const ys = new Map<string, MetricPoint>();
  for (const row of rows) {
    const key = `${row.run ?? ''}\u0000${row.step}`;
    if (row.name === xMetric) xs.set(key, row);
    if (row.name === yMetric) ys.set(key, row);
  }
  const points: ScatterPoint[] = [];
  let nonFinite = 0;
  for (const [key, xr] of xs) {
    const yr = ys.get(key);
    if (yr === undefined) continue;
    if (!Number.isFinite(xr.metric) || !Number.isFinite(yr.metric)) {
      nonFinite++;
      continue;
    }
    const point: ScatterPoint = { step: xr.step, x: xr.metric, y: yr.metric };
    if (xr.run !== undefined) point.run = xr.run;
    points.push(point);
  }
  points.sort((a, b) => (a.run ?? '').localeCompare(b.run ?? '') || a.step - b.step);
  return { points, nonFinite };
}

/**
 * A scatter plot of one metric against another, paired on step (and run),
 * as Vega-Lite JSON; points are coloured by run for several runs, by step
 * otherwise. `x`/`smoothing` options do not apply.
 *
 * @param rows - tidy rows holding both metrics
 * @param xMetric - metric on the x axis
 * @param yMetric - metric on the y axis
 * @param options - log scale (both axes), outliers (y), downsampling, title, size
 * @throws {@link PlotDataError} when a metric is missing from the rows or no step has both values
 */
export function scatterChart(rows: readonly MetricPoint[], xMetric: string, yMetric: string, options: ChartOptions = {}): VegaLiteSpec {
  checkOptions(options);
  const names = [...new Set(rows.map((r) => r.name))];
  const missing = [xMetric, yMetric].filter((m) => !names.includes(m));
  if (missing.length > 0) {
    throw new PlotDataError(
      `A scatter plot needs two metrics; ${missing.map((m) => `\`${m}\``).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not in the data (it has: ${names.length === 0 ? 'no metrics' : names.join(', ')}).`,
    );
  }
  const paired = pairOnStep(rows, xMetric, yMetric);
  let points = paired.points;
  if (options.logScale === true) points = points.filter((p) => p.x > 0 && p.y > 0);
  const nonPositive = paired.points.length - points.length;
  if (points.length === 0) {
    throw new PlotDataError(`\`${xMetric}\` and \`${yMetric}\` have no step where both have a plottable value.`);
  }
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
  const kept = downsampleIndices(points.map((p) => p.y), maxPoints);
  const dropped = points.length - kept.length;
  points = kept.map((i) => points[i]!);
  const notes: string[] = [];
  if (paired.nonFinite > 0) notes.push(`${paired.nonFinite} NaN/infinite pairs not drawn`);
  if (nonPositive > 0) notes.push(`${nonPositive} pairs <= 0 not drawn on the log axes`);
  if (dropped > 0) notes.push(`downsampled by ${dropped} points (extremes kept)`);
  const spec = baseSpec(options, notes.length > 0 ? notes.join('; ') : undefined);
  const multiRun = new Set(points.map((p) => p.run)).size > 1;
  const xScale: Record<string, unknown> = options.logScale === true ? { type: 'log' } : { zero: false };
  spec.data = { values: points };
  spec.mark = { type: 'point', filled: true, clip: options.ignoreOutliers === true };
  spec.encoding = {
    x: { field: 'x', type: 'quantitative', title: xMetric, scale: xScale },
    y: { field: 'y', type: 'quantitative', title: yMetric, scale: yScale(points.map((p) => p.y), options) },
    color: multiRun ? { field: 'run', type: 'nominal', title: 'run' } : { field: 'step', type: 'quantitative', title: 'step' },
    tooltip: [
      ...(multiRun ? [{ field: 'run', type: 'nominal' }] : []),
      { field: 'step', type: 'quantitative' },
      { field: 'x', type: 'quantitative', title: xMetric, format: '.6~g' },
      { field: 'y', type: 'quantitative', title: yMetric, format: '.6~g' },
    ],
  };
  return spec;
}

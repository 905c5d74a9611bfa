import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { barChart } from './bar-chart';
import { prepareSeries } from './chart-series';
import { lineChart } from './line-chart';
import { PlotDataError } from './plot-errors';
import { scatterChart } from './scatter-chart';
import type { ChartOptions, MetricPoint, VegaLiteSpec } from './types';

const t0 = Date.UTC(2026, 11, 7, 16, 52, 17);
function series(name: string, values: readonly number[], options: { run?: string; stepOf?: (i: number) => number } = {}): MetricPoint[] {
  return values.map((metric, i) => {
    const row: MetricPoint = { name, step: options.stepOf?.(i) ?? i, metric, timestamp: new Date(t0 + i * 1500) };
    if (options.run !== undefined) row.run = options.run;
    return row;
  });
}
const loss = series('loss', [1, 0.5, 0.333333, 0.25, 0.2]);
const accuracy = series('accuracy', [0.5, 0.52, 0.54, 0.56, 0.58]);
const rows = [...loss, ...accuracy];

function compiles(spec: VegaLiteSpec): VegaLiteSpec {
  const out = compile(spec as never);
  expect(out.spec).toBeTruthy();
  // nothing the JSON text would turn into null
  expect(JSON.stringify(spec)).not.toMatch(/"(x|y|raw)":null/);
  return spec;
}
function values(spec: VegaLiteSpec): Array<Record<string, unknown>> {
  return (spec.data as { values: Array<Record<string, unknown>> }).values;
}

const optionSets: ChartOptions[] = [
  {},
  { x: 'timestamp' },
  { x: 'relative', smoothing: 0.6 },
  { logScale: true, ignoreOutliers: true, title: 't', width: 300, height: 200 },
  { maxPoints: 3 },
];

describe('metric chart builders', () => {
  for (const options of optionSets) {
    it(`line, bar and scatter compile with ${JSON.stringify(options)}`, () => {
      compiles(lineChart(rows, options));
      compiles(barChart(rows, options));
      compiles(scatterChart(rows, 'loss', 'accuracy', options));
    });
  }

  it('draws one series per metric with the right x values', () => {
    const spec = lineChart(rows, { x: 'relative' });
    expect((spec.encoding as { color: { sort: string[] } }).color.sort).toEqual(['loss', 'accuracy']);
    expect(values(spec).filter((v) => v.series === 'loss').map((v) => v.x)).toEqual([0, 1.5, 3, 4.5, 6]);
    expect(values(lineChart(loss, { x: 'timestamp' }))[1]!.x).toBe('2026-12-07T16:52:18.500Z');
    expect((lineChart(loss).encoding as { y: { title: string } }).y.title).toBe('loss');
  });

  it('plots the smoothed value and keeps the raw one underneath', () => {
    const spec = lineChart(series('m', [1, 2, 3]), { smoothing: 0.5 });
    const v = values(spec);
    expect(v.map((p) => p.raw)).toEqual([1, 2, 3]);
    expect(v[2]!.y).toBeCloseTo(2.125 / 0.875, 12);
    expect(spec.layer).toHaveLength(2);
  });

  it('draws a single point as a visible point', () => {
    const spec = compiles(lineChart(series('m', [3])));
    expect((spec.mark as { point: boolean }).point).toBe(true);
  });

  it('skips NaN/infinite values and values ≤ 0 on a log axis, and says so', () => {
    const spec = compiles(lineChart(series('m', [1, Number.NaN, 0, Number.POSITIVE_INFINITY, 4]), { logScale: true }));
    expect(values(spec).map((v) => v.y)).toEqual([1, 4]);
    expect(spec.description).toBe('m: 2 NaN/infinite values not drawn, 1 values <= 0 not drawn on the log axis');
    expect(spec.usermeta).toEqual({ px: { skipped: [{ series: 'm', nonFinite: 2, nonPositive: 1, downsampled: 0 }] } });
  });

  it('sorts mixed steps and keeps duplicate steps', () => {
    const spec = lineChart(series('m', [1, 2, 3, 4], { stepOf: (i) => [3, 1, 2, 1][i]! }));
    expect(values(spec).map((v) => [v.x, v.y])).toEqual([
      [1, 2],
      [1, 4],
      [2, 3],
      [3, 1],
    ]);
  });

  it('downsamples each long series to maxPoints keeping its spike', () => {
    const long = series('m', Array.from({ length: 100_000 }, (_, i) => (i === 77_777 ? 50 : i % 10)));
    const spec = compiles(lineChart(long));
    const v = values(spec);
    expect(v.length).toBeLessThanOrEqual(2000);
    expect(v.find((p) => p.y === 50)!.step).toBe(77_777);
    expect(spec.description).toMatch(/^m: downsampled by \d+ points \(extremes kept\)$/);
  });

  it('labels series by run and metric for several runs', () => {
    const spec = compiles(lineChart([...series('loss', [1, 2], { run: 'r1' }), ...series('loss', [2, 3], { run: 'r2' })]));
    expect((spec.encoding as { color: { sort: string[]; title: string } }).color).toMatchObject({ sort: ['r1 · loss', 'r2 · loss'], title: 'run · metric' });
    expect(compiles(scatterChart([...series('a', [1, 2], { run: 'r1' }), ...series('b', [3, 4], { run: 'r1' }), ...series('a', [1], { run: 'r2' }), ...series('b', [1], { run: 'r2' })], 'a', 'b')).encoding).toMatchObject({
      color: { field: 'run' },
    });
  });

  it('bars are grouped by series within each step', () => {
    const spec = compiles(barChart(rows));
    expect(spec.encoding).toMatchObject({ x: { type: 'ordinal', title: 'step' }, xOffset: { field: 'series' }, color: { field: 'series' } });
  });

  it('fits the y axis without outliers when asked', () => {
    const spec = compiles(lineChart(series('m', [1, 2, 1, 2, 1, 2, 1000]), { ignoreOutliers: true }));
    expect((spec.encoding as { y: { scale: { domain: number[] } } }).y.scale.domain).toEqual([1, 3.5]); // Tukey fences: q1 1, q3 2, iqr 1
    expect((spec.mark as { clip: boolean }).clip).toBe(true);
  });

  it('gives a clear error instead of an empty chart', () => {
    expect(() => lineChart([])).toThrow(new PlotDataError('There are no metric values to plot (the run has no events for these metrics).'));
    expect(() => barChart(series('m', [Number.NaN, Number.NaN]))).toThrow('There are no plottable values: m: 2 non-finite.');
    expect(() => lineChart(series('m', [0, -1]), { logScale: true })).toThrow('m: 0 non-finite, 2 <= 0 on a log axis');
    expect(() => lineChart(rows, { smoothing: 1 })).toThrow(/smoothing must be/);
    expect(() => lineChart(rows, { x: 'epoch' as never })).toThrow('x must be step, timestamp or relative, got epoch.');
    expect(() => lineChart(rows, { width: -1 })).toThrow('width must be a positive number, got -1.');
  });
});

describe('scatterChart', () => {
  it('pairs two metrics on the step', () => {
    const a = series('a', [1, 2, 3]);
    const b = series('b', [10, 30], { stepOf: (i) => [0, 2][i]! });
    const spec = compiles(scatterChart([...a, ...b], 'a', 'b'));
    expect(values(spec)).toEqual([
      { step: 0, x: 1, y: 10 },
      { step: 2, x: 3, y: 30 },
    ]);
    expect(spec.encoding).toMatchObject({ x: { title: 'a' }, y: { title: 'b' }, color: { field: 'step' } });
  });

  it('names a missing metric and lists the ones present', () => {
    expect(() => scatterChart(loss, 'loss', 'acc')).toThrow(new PlotDataError('A scatter plot needs two metrics; `acc` is not in the data (it has: loss).'));
    expect(() => scatterChart([], 'a', 'b')).toThrow('`a` and `b` are not in the data (it has: no metrics)');
  });

  it('says so when no step has both values', () => {
    const a = series('a', [1]);
    const b = series('b', [2], { stepOf: () => 5 });
    expect(() => scatterChart([...a, ...b], 'a', 'b')).toThrow('`a` and `b` have no step where both have a plottable value.');
  });
});

describe('prepareSeries', () => {
  it('turns two million rows into a bounded chart without stack overflows, keeping the dip', () => {
    const n = 2_000_000;
    const big: MetricPoint[] = new Array<MetricPoint>(n);
    const at = new Date(t0);
    for (let i = 0; i < n; i++) big[i] = { name: 'm', step: n - i, metric: i === 1_242_424 ? -9 : 1, timestamp: at };
    const prepared = prepareSeries(big, { x: 'step' });
    expect(prepared.points.length).toBeLessThanOrEqual(2000);
    expect(prepared.points.find((p) => p.y === -9)!.step).toBe(n - 1_242_424);
    expect(prepared.points[0]!.step).toBe(1);
  }, 60_000);
});

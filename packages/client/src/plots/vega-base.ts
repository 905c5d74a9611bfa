import { describeSkipped, outlierDomain, type PreparedSeries } from './chart-series';
import type { ChartOptions, VegaLiteSpec, XAxis } from './types';

/** The Vega-Lite schema every builder declares (the specs also compile with v6). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Title, size and notes shared by every spec. */
export function baseSpec(options: { title?: string; width?: number; height?: number }, description?: string): VegaLiteSpec {
  const spec: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA };
  if (options.title !== undefined) spec.title = options.title;
  if (description !== undefined) spec.description = description;
  spec.width = options.width ?? 640;
  spec.height = options.height ?? 320;
  return spec;
}

/** The x encoding of a metric chart. */
export function xEncoding(axis: XAxis, discrete = false): Record<string, unknown> {
  const title = axis === 'step' ? 'step' : axis === 'timestamp' ? 'time' : 'relative time (s)';
  if (discrete) return { field: 'x', type: 'ordinal', title, sort: null, axis: { labelOverlap: true } };
  return { field: 'x', type: axis === 'timestamp' ? 'temporal' : 'quantitative', title };
}

/** The y scale of a metric chart: log, outlier-free domain, no forced zero. */
export function yScale(values: readonly number[], options: ChartOptions): Record<string, unknown> {
  const scale: Record<string, unknown> = options.logScale === true ? { type: 'log' } : { zero: false };
  if (options.ignoreOutliers === true) {
    const domain = outlierDomain(values);
    if (domain !== undefined) scale.domain = domain;
  }
  return scale;
}

/** The spec head of a metric chart, with what was left out in `description` and `usermeta.px.skipped`. */
export function metricSpecHead(prepared: PreparedSeries, options: ChartOptions): VegaLiteSpec {
  const spec = baseSpec(options, describeSkipped(prepared.skipped));
  if (prepared.skipped.length > 0) spec.usermeta = { px: { skipped: prepared.skipped } };
  spec.data = { values: prepared.points };
  return spec;
}

/** The y axis title: the metric name for one metric, `value` otherwise. */
export function yTitle(prepared: PreparedSeries): string {
  const names = new Set(prepared.points.map((p) => p.name));
  return names.size === 1 ? [...names][0]! : 'value';
}

/** The colour encoding: one colour per series. */
export function seriesColor(prepared: PreparedSeries): Record<string, unknown> {
  const multiRun = prepared.points.some((p) => p.series !== p.name);
  return { field: 'series', type: 'nominal', title: multiRun ? 'run · metric' : 'metric', sort: prepared.seriesNames };
}

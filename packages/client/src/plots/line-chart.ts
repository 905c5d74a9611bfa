import { prepareSeries } from './chart-series';
import { metricSpecHead, seriesColor, xEncoding, yScale, yTitle } from './vega-base';
import type { ChartOptions, MetricPoint, VegaLiteSpec } from './types';

/**
 * A line chart of metrics (one line per metric, per run and metric for
 * several runs), as Vega-Lite JSON. With smoothing the logged values are
 * drawn faintly under the smoothed line, as in the web UI.
 *
 * @param rows - tidy rows
 * @param options - x axis, smoothing, log scale, outliers, downsampling, title, size
 * @throws {@link PlotDataError} when there is nothing to draw or an option is invalid
 *
 * @example
 * ```ts
 * const spec = lineChart(await run.getMetricsAsTidy({ names: ['loss'] }), { smoothing: 0.6 });
 * ```
 */
export function lineChart(rows: readonly MetricPoint[], options: ChartOptions = {}): VegaLiteSpec {
  const prepared = prepareSeries(rows, options);
  const axis = options.x ?? 'step';
  const spec = metricSpecHead(prepared, options);
  const scale = yScale(prepared.points.map((p) => p.y), options);
  const clip = options.ignoreOutliers === true;
  const y = { field: 'y', type: 'quantitative', title: yTitle(prepared), scale };
  const tooltip = [
    { field: 'series', type: 'nominal', title: 'series' },
    { field: 'step', type: 'quantitative' },
    { field: 'y', type: 'quantitative', title: 'value', format: '.6~g' },
  ];
  spec.encoding = { x: xEncoding(axis), y, color: seriesColor(prepared), tooltip };
  if ((options.smoothing ?? 0) > 0) {
    spec.layer = [
      { mark: { type: 'line', opacity: 0.25, clip }, encoding: { y: { ...y, field: 'raw' }, tooltip: null } },
      { mark: { type: 'line', clip } },
    ];
  } else {
    spec.mark = { type: 'line', clip, point: prepared.points.length === prepared.seriesNames.length };
  }
  return spec;
}

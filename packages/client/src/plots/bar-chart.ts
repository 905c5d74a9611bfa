import { prepareSeries } from './chart-series';
import { metricSpecHead, seriesColor, xEncoding, yScale, yTitle } from './vega-base';
import type { ChartOptions, MetricPoint, VegaLiteSpec } from './types';

/**
 * A grouped bar chart of metrics: one group per x value (step by default),
 * one bar per metric (per run and metric for several runs), as Vega-Lite
 * JSON. Upstream's `barmode="group"` chart, which is broken there.
 *
 * @param rows - tidy rows
 * @param options - x axis, smoothing, log scale, outliers, downsampling, title, size
 * @throws {@link PlotDataError} when there is nothing to draw or an option is invalid
 */
export function barChart(rows: readonly MetricPoint[], options: ChartOptions = {}): VegaLiteSpec {
  const prepared = prepareSeries(rows, options);
  const spec = metricSpecHead(prepared, options);
  const scale = yScale(prepared.points.map((p) => p.y), options);
  if (options.logScale !== true && scale.domain === undefined) scale.zero = true;
  spec.mark = { type: 'bar', clip: options.ignoreOutliers === true };
  spec.encoding = {
    x: xEncoding(options.x ?? 'step', true),
    xOffset: { field: 'series', type: 'nominal', sort: prepared.seriesNames },
    y: { field: 'y', type: 'quantitative', title: yTitle(prepared), scale },
    color: seriesColor(prepared),
    tooltip: [
      { field: 'series', type: 'nominal', title: 'series' },
      { field: 'step', type: 'quantitative' },
      { field: 'y', type: 'quantitative', title: 'value', format: '.6~g' },
    ],
  };
  return spec;
}

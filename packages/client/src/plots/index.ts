export type {
  ChartOptions,
  ComparisonTable,
  ComparisonTableOptions,
  MetricPoint,
  ParallelCoordinatesOptions,
  RunIo,
  VegaLiteSpec,
  WideRow,
  XAxis,
} from './types';
export { MetricNotFoundError, PlotDataError } from './plot-errors';
export { toTidy, eventNames, type ToTidyOptions } from './to-tidy';
export { toWide } from './to-wide';
export { parseMetricFile } from './metric-file';
export { smoothEma } from './smooth-ema';
export { downsample, downsampleIndices, type XY } from './downsample';
export { DEFAULT_MAX_POINTS, prepareSeries, type ChartPoint, type PreparedSeries, type Skipped } from './chart-series';
export { VEGA_LITE_SCHEMA } from './vega-base';
export { lineChart } from './line-chart';
export { barChart } from './bar-chart';
export { scatterChart } from './scatter-chart';
export { parallelCoordinates, parallelCoordinatesData, type ParallelData, type ParallelPoint, type ParallelTick } from './parallel-coordinates';
export { comparisonTable } from './comparison-table';
export { readOfflineMetrics, readOfflineRunIo, readOfflineRunsIo, offlineMetricNames } from './offline-run';
export type { MetricsOptions } from './run-metrics';
export { RunPlot } from './run-plot';
export { MultiRunPlot } from './multi-run-plot';

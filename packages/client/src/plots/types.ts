/** One tidy metric row: a value of metric `name` at `step` (upstream's tidy frame `step, timestamp, metric, name`). */
export interface MetricPoint {
  /** The step; when the event file has none, the row's position in the file (0-based). */
  step: number;
  /** When the value was logged (millisecond precision; rows of the same millisecond may share one `Date`: do not mutate it). */
  timestamp: Date;
  /** The value; `NaN`, `Infinity` and `-Infinity` are kept as logged (charts skip them and say so). */
  metric: number;
  /** The metric's name. */
  name: string;
  /** The run uuid, set for rows read from several runs. */
  run?: string;
}

/** One row per step with a column per metric (`null` where that metric has no value at that step). */
export interface WideRow {
  /** The step every column of this row was logged at. */
  step: number;
  /** Metric values by name. */
  [metric: string]: number | null;
}

/** A run's inputs and outputs, merged (outputs win on a shared key), as upstream's `get_runs_io`. */
export interface RunIo {
  /** The run uuid. */
  uid: string;
  /** The run name, when known. */
  name?: string;
  /** `{ ...inputs, ...outputs }`. */
  values: Record<string, unknown>;
}

/** A Vega-Lite (v5/v6) specification as plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** What the x axis of a metric chart shows. `relative` = seconds since the series' first point. */
export type XAxis = 'step' | 'timestamp' | 'relative';

/** Options of the metric chart builders (the web UI's chart settings). */
export interface ChartOptions {
  /** The x axis; default `step`. */
  x?: XAxis;
  /** EMA weight in [0, 1) as the web UI's smoothing slider; 0 (default) = off. */
  smoothing?: number;
  /** Logarithmic y axis (values at or below 0 are skipped and reported). */
  logScale?: boolean;
  /** Fit the y axis to the data without outliers (Tukey fences), clipping the rest. */
  ignoreOutliers?: boolean;
  /** Downsample each series above this many points, keeping each bucket's extremes; default 2000. */
  maxPoints?: number;
  /** Chart title. */
  title?: string;
  /** Chart width in pixels. */
  width?: number;
  /** Chart height in pixels. */
  height?: number;
}

/** Options of {@link parallelCoordinates}. */
export interface ParallelCoordinatesOptions {
  /** Columns (input/output names) to show, in order; default: every column any run has. */
  columns?: readonly string[];
  /** Column whose value colours each run's line; default: the last column. */
  color?: string;
  /** Chart title. */
  title?: string;
  /** Chart width in pixels. */
  width?: number;
  /** Chart height in pixels. */
  height?: number;
}

/** A comparison table: rows = runs, columns = uid, name, inputs/outputs, then `metrics.<name>` last values. */
export interface ComparisonTable {
  /** Column names, in display order. */
  columns: string[];
  /** One record per run; a missing value is `null`. */
  rows: Array<Record<string, unknown>>;
}

/** Options of {@link comparisonTable}. */
export interface ComparisonTableOptions {
  /** Column to sort on, `-` prefix for descending (missing values always last). */
  sort?: string;
}

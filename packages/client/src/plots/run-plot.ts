import type { V1EventsResponse } from '../models/logs';
import { RunClient } from '../run/run-client';
import { barChart } from './bar-chart';
import { lineChart } from './line-chart';
import { PlotDataError } from './plot-errors';
import { loadMetrics } from './run-metrics';
import { scatterChart } from './scatter-chart';
import { toWide } from './to-wide';
import type { ChartOptions, MetricPoint, VegaLiteSpec, WideRow } from './types';

/**
 * A run client that turns one run's metrics into rows and charts, with
 * upstream 1.x `RunPlot`'s method names (`getMetrics`, `getTidyDf`,
 * `getWideDf`, `line`, `bar`, `scatter`). Loaded metrics are kept in
 * {@link RunPlot.metrics}; charts are Vega-Lite JSON.
 *
 * @example
 * ```ts
 * import { RunPlot } from '@px/client/plots';
 * const plot = new RunPlot({ owner: 'acme', project: 'demo', runUuid, client });
 * await plot.getMetrics({ names: ['loss', 'accuracy'] });
 * const spec = plot.line({ smoothing: 0.6 });
 * ```
 */
export class RunPlot extends RunClient {
  /** Tidy rows of the loaded metrics. */
  metrics: MetricPoint[] = [];

  /** Names of the loaded metrics, in load order. */
  get metricNames(): string[] {
    return [...new Set(this.metrics.map((m) => m.name))];
  }

  /**
   * Loads metrics (replacing those of the same names) and returns the events
   * answer, as `RunClient.getMetrics`; offline runs read their event files.
   *
   * @throws {@link MetricNotFoundError} when a named metric does not exist
   */
  override async getMetrics(options: { names?: string | readonly string[]; force?: boolean } = {}): Promise<V1EventsResponse> {
    const { rows, events } = await loadMetrics(this, options);
    const loaded = new Set(rows.map((r) => r.name));
    this.metrics = [...this.metrics.filter((m) => !loaded.has(m.name)), ...rows];
    return events;
  }

  #loaded(): MetricPoint[] {
    if (this.metrics.length === 0) throw new PlotDataError('No metrics are loaded: call `await plot.getMetrics({ names })` first.');
    return this.metrics;
  }

  /** Tidy rows `{ step, timestamp, metric, name }` of the loaded metrics. */
  getTidyDf(): MetricPoint[] {
    return [...this.metrics];
  }

  /** One row per step of the loaded metrics (joined on step). */
  getWideDf(): WideRow[] {
    return toWide(this.metrics);
  }

  /** A line chart of the loaded metrics. @throws {@link PlotDataError} when none are loaded */
  line(options?: ChartOptions): VegaLiteSpec {
    return lineChart(this.#loaded(), options);
  }

  /** A grouped bar chart of the loaded metrics. @throws {@link PlotDataError} when none are loaded */
  bar(options?: ChartOptions): VegaLiteSpec {
    return barChart(this.#loaded(), options);
  }

  /**
   * A scatter plot of two loaded metrics (default: the first two loaded).
   *
   * @throws {@link PlotDataError} with fewer than two metrics, or a metric that is not loaded
   */
  scatter(x?: string, y?: string, options?: ChartOptions): VegaLiteSpec {
    const names = this.metricNames;
    if (x === undefined || y === undefined) {
      if (names.length < 2) throw new PlotDataError(`A scatter plot needs two metrics; ${names.length === 0 ? 'none is' : `only \`${names[0]}\` is`} loaded.`);
    }
    return scatterChart(this.#loaded(), x ?? names[0]!, y ?? names[1]!, options);
  }
}

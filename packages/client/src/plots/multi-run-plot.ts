import type { V1Run } from '../models/run';
import type { ListOptions } from '../pagination/page';
import { RunClient } from '../run/run-client';
import { collectRuns, runIo } from '../run/runs-io';
import { barChart } from './bar-chart';
import { comparisonTable } from './comparison-table';
import { lineChart } from './line-chart';
import { parallelCoordinates } from './parallel-coordinates';
import { PlotDataError } from './plot-errors';
import { metricsAsTidy } from './run-metrics';
import type { ChartOptions, ComparisonTable, MetricPoint, ParallelCoordinatesOptions, RunIo, VegaLiteSpec } from './types';

/**
 * A project-level client that compares runs, with upstream 1.x
 * `MultiRunPlot`'s method names: `getRuns`, `getRunsIo`, `getHiplot` (a
 * parallel coordinates spec instead of a HiPlot experiment), plus metrics
 * of several runs in one request and their charts.
 *
 * @example
 * ```ts
 * import { MultiRunPlot } from '@px/client/plots';
 * const plot = new MultiRunPlot({ owner: 'acme', project: 'demo', client });
 * const spec = await plot.getHiplot({ query: 'metrics.loss:<0.5', sort: '-outputs.accuracy' });
 * ```
 */
export class MultiRunPlot extends RunClient {
  /** Runs loaded by {@link MultiRunPlot.getRuns}, by uuid. */
  readonly runs = new Map<string, V1Run>();
  /** Tidy rows (with `run`) loaded by {@link MultiRunPlot.getMultiRunMetrics}. */
  metrics: MetricPoint[] = [];

  /** Uuids of the loaded runs, in listing order. */
  get runUuids(): string[] {
    return [...this.runs.keys()];
  }

  /** Every matching run up to `limit` (all pages), kept in {@link MultiRunPlot.runs}. */
  async getRuns(options: ListOptions = {}): Promise<V1Run[]> {
    const runs = await collectRuns((o) => (this.skipsApi ? Promise.resolve(null) : this.list(o)), options);
    this.runs.clear();
    for (const run of runs) if (run.uuid != null) this.runs.set(run.uuid, run);
    return runs;
  }

  /** `[{ uid, name, values }]` of every matching run up to `limit`; the runs are kept in {@link MultiRunPlot.runs}. */
  override async getRunsIo(options: ListOptions = {}): Promise<RunIo[]> {
    if (this.isOffline && !this.noOp) {
      const io = await super.getRunsIo(options);
      this.runs.clear();
      for (const run of io) this.runs.set(run.uid, { uuid: run.uid, name: run.name ?? null });
      return io;
    }
    return (await this.getRuns(options)).map(runIo);
  }

  /** Parallel coordinates (Vega-Lite) over the matching runs' inputs and outputs (upstream `get_hiplot`). */
  async getHiplot(options: ListOptions & ParallelCoordinatesOptions = {}): Promise<VegaLiteSpec> {
    const { query, sort, limit, offset, ...chart } = options;
    return parallelCoordinates(await this.getRunsIo({ query, sort, limit, offset }), chart);
  }

  /**
   * Tidy rows (each with its `run`) of metrics of several runs, in one
   * request to the multi-run events endpoint (offline: the runs' folders);
   * default runs: the loaded ones.
   *
   * @throws {@link MetricNotFoundError} when no run has a named metric
   */
  async getMultiRunMetrics(options: { names: string | readonly string[]; runs?: readonly string[]; force?: boolean }): Promise<MetricPoint[]> {
    const runs = options.runs ?? this.runUuids;
    if (runs.length === 0) throw new PlotDataError('No runs to read metrics from: pass `runs` or call `getRuns()` first.');
    this.metrics = await metricsAsTidy(this, { names: options.names, runs, force: options.force });
    return this.metrics;
  }

  /** The last logged value of each metric per run (by step, then file order), from tidy rows with `run`. */
  static lastValues(rows: readonly MetricPoint[]): Map<string, Record<string, number>> {
    const last = new Map<string, Record<string, { step: number; value: number }>>();
    for (const row of rows) {
      const run = row.run ?? '';
      let record = last.get(run);
      if (record === undefined) last.set(run, (record = {}));
      const seen = record[row.name];
      if (seen === undefined || row.step >= seen.step) record[row.name] = { step: row.step, value: row.metric };
    }
    return new Map([...last].map(([run, record]) => [run, Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.value]))]));
  }

  /** A table of the matching runs with their inputs, outputs and the loaded metrics' last values. */
  async getComparisonTable(options: ListOptions & { sortTable?: string } = {}): Promise<ComparisonTable> {
    const { sortTable, ...list } = options;
    return comparisonTable(await this.getRunsIo(list), MultiRunPlot.lastValues(this.metrics), { sort: sortTable });
  }

  /** A line chart of the loaded metrics, one line per run and metric. */
  line(options?: ChartOptions): VegaLiteSpec {
    return lineChart(this.metrics, options);
  }

  /** A grouped bar chart of the loaded metrics. */
  bar(options?: ChartOptions): VegaLiteSpec {
    return barChart(this.metrics, options);
  }
}

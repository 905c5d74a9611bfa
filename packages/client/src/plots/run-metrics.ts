import { join } from 'node:path';
import type { V1EventsResponse } from '../models/logs';
import type { RunClient } from '../run/run-client';
import { offlineMetricNames, readOfflineMetrics } from './offline-run';
import { MetricNotFoundError, PlotDataError } from './plot-errors';
import { eventNames, toTidy } from './to-tidy';
import { toWide } from './to-wide';
import type { MetricPoint, WideRow } from './types';

/** Options of the metric data methods. */
export interface MetricsOptions {
  /** Metric names (a list or `a,b`); default: every metric of the run. */
  names?: string | readonly string[] | undefined;
  /** Ask the server to re-read the event files (`force=true`). */
  force?: boolean | undefined;
  /**
   * Read these runs (uuids) instead, in one request to the multi-run
   * endpoint (offline: their folders under `<offlineRoot>/runs/`); every row
   * gets its `run`. `names` is then required.
   */
  runs?: readonly string[] | undefined;
}

function splitNames(names: string | readonly string[] | undefined): string[] | undefined {
  if (names === undefined) return undefined;
  const list = typeof names === 'string' ? names.split(',') : [...names];
  return list.map((n) => n.trim()).filter((n) => n !== '');
}

function pad(value: number, size = 2): string {
  return String(value).padStart(size, '0');
}

/** A timestamp as the streams API writes it (`2026-12-07 16:52:17.887000+00:00`, UTC). */
function eventTimestamp(date: Date): string {
  const d = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const t = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}000`;
  return `${d} ${t}+00:00`;
}

/** An `orient=dict` events answer built from tidy rows (offline runs). */
export function rowsToEvents(rows: readonly MetricPoint[]): V1EventsResponse {
  const byName = new Map<string, { step: number[]; timestamp: string[]; metric: number[] }>();
  for (const row of rows) {
    let cols = byName.get(row.name);
    if (cols === undefined) byName.set(row.name, (cols = { step: [], timestamp: [], metric: [] }));
    cols.step.push(row.step);
    cols.timestamp.push(eventTimestamp(row.timestamp));
    cols.metric.push(row.metric);
  }
  return { data: [...byName].map(([name, data]) => ({ name, kind: 'metric', data })) };
}

/** The metric names a run has (its `kind:metric` lineage online, its event files offline). */
export async function runMetricNames(run: RunClient): Promise<string[]> {
  if (run.noOp) return [];
  if (run.isOffline) return offlineMetricNames(run.offlinePath);
  const page = await run.getArtifactsLineage({ query: 'kind:metric', limit: 1000 });
  return page.results.map((l) => l.name ?? '').filter((n) => n !== '').sort();
}

/** `RunClient.getMetrics` of an offline run: its event files as an `orient=dict` answer (millisecond timestamps). */
export async function offlineMetricEvents(run: RunClient, options: MetricsOptions): Promise<V1EventsResponse> {
  return rowsToEvents(await readOfflineMetrics(run.offlinePath, splitNames(options.names)));
}

/**
 * Tidy rows of a run's metrics (online through the events endpoint,
 * offline from its event files).
 *
 * @throws {@link MetricNotFoundError} when a named metric does not exist, listing those that do
 */
export async function metricsAsTidy(run: RunClient, options: MetricsOptions = {}): Promise<MetricPoint[]> {
  if (options.runs !== undefined && !run.noOp) return multiRunTidy(run, options.runs, options);
  return (await loadMetrics(run, options)).rows;
}

/**
 * A run's metrics as tidy rows and as the events answer they came from
 * (offline: an `orient=dict` answer built from the files).
 *
 * @throws {@link MetricNotFoundError} when a named metric does not exist, listing those that do
 */
export async function loadMetrics(run: RunClient, options: MetricsOptions = {}): Promise<{ rows: MetricPoint[]; events: V1EventsResponse }> {
  if (run.noOp) return { rows: [], events: { data: [] } };
  const names = splitNames(options.names);
  if (run.isOffline) {
    const rows = await readOfflineMetrics(run.offlinePath, names);
    return { rows, events: rowsToEvents(rows) };
  }
  const wanted = names ?? (await runMetricNames(run));
  if (wanted.length === 0) return { rows: [], events: { data: [] } };
  const events = await run.getEvents({ kind: 'metric', names: wanted, orient: 'dict', force: options.force });
  if (names !== undefined) {
    const found = eventNames(events);
    const missing = names.filter((n) => !found.includes(n));
    if (missing.length > 0) throw new MetricNotFoundError(missing, run.runUuid ?? '?', await runMetricNames(run));
  }
  return { rows: toTidy(events), events };
}

/** Tidy rows of several runs (see {@link MetricsOptions.runs}). */
async function multiRunTidy(run: RunClient, runs: readonly string[], options: MetricsOptions): Promise<MetricPoint[]> {
  const names = splitNames(options.names);
  if (names === undefined || names.length === 0) throw new PlotDataError('Reading several runs needs the metric `names`.');
  if (runs.length === 0) throw new PlotDataError('No runs to read metrics from: `runs` is empty.');
  let rows: MetricPoint[] = [];
  let found: string[];
  if (run.isOffline) {
    found = [];
    for (const uuid of runs) {
      const dir = join(run.client.config.offlineRoot, 'runs', uuid);
      const available = await offlineMetricNames(dir);
      const present = names.filter((n) => available.includes(n));
      found.push(...present);
      if (present.length > 0) rows = rows.concat(await readOfflineMetrics(dir, present, { run: uuid }));
    }
  } else {
    const response = await run.getMultiRunEvents({ kind: 'metric', runs, names, orient: 'dict', force: options.force });
    found = eventNames(response);
    rows = toTidy(response);
  }
  const missing = names.filter((n) => !found.includes(n));
  if (missing.length > 0) throw new MetricNotFoundError(missing, runs.join(', '), [...new Set(found)].sort());
  return rows;
}

/**
 * Wide rows (one per step) of a run's metrics; see {@link metricsAsTidy}.
 *
 * @throws {@link PlotDataError} for several runs (their steps cannot share a row: use tidy rows)
 */
export async function metricsAsWide(run: RunClient, options: MetricsOptions = {}): Promise<WideRow[]> {
  if (options.runs !== undefined && options.runs.length > 1) {
    throw new PlotDataError('Wide rows join one run’s metrics on the step; for several runs use getMetricsAsTidy({ runs }), whose rows carry their run.');
  }
  return toWide(await metricsAsTidy(run, options));
}

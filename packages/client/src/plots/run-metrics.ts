import type { V1EventsResponse } from '../models/logs';
import type { RunClient } from '../run/run-client';
import { offlineMetricNames, readOfflineMetrics } from './offline-run';
import { MetricNotFoundError } from './plot-errors';
import { eventNames, toTidy } from './to-tidy';
import { toWide } from './to-wide';
import type { MetricPoint, WideRow } from './types';

/** Options of the metric data methods. */
export interface MetricsOptions {
  /** Metric names (a list or `a,b`); default: every metric of the run. */
  names?: string | readonly string[] | undefined;
  /** Ask the server to re-read the event files (`force=true`). */
  force?: boolean | undefined;
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
  if (run.noOp) return [];
  const names = splitNames(options.names);
  if (run.isOffline) return readOfflineMetrics(run.offlinePath, names);
  const wanted = names ?? (await runMetricNames(run));
  if (wanted.length === 0) return [];
  const response = await run.getEvents({ kind: 'metric', names: wanted, orient: 'dict', force: options.force });
  if (names !== undefined) {
    const found = eventNames(response);
    const missing = names.filter((n) => !found.includes(n));
    if (missing.length > 0) throw new MetricNotFoundError(missing, run.runUuid ?? '?', await runMetricNames(run));
  }
  return toTidy(response, { run: undefined });
}

/** Wide rows (one per step) of a run's metrics; see {@link metricsAsTidy}. */
export async function metricsAsWide(run: RunClient, options: MetricsOptions = {}): Promise<WideRow[]> {
  return toWide(await metricsAsTidy(run, options));
}

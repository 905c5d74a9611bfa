import { parseMetricFile } from './metric-file';
import { metricValue } from './metric-value';
import { parseEventTimestamp } from './parse-timestamp';
import { PlotDataError } from './plot-errors';
import type { MetricPoint } from './types';

/** Options of {@link toTidy}. */
export interface ToTidyOptions {
  /** The run uuid set on each row (rows of a multi-run answer get their run's uuid). */
  run?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function columnRows(item: Record<string, unknown>, name: string, where: string, run: string | undefined): MetricPoint[] {
  const data = item.data as Record<string, unknown>;
  const steps = Array.isArray(data.step) ? data.step : [];
  const stamps = Array.isArray(data.timestamp) ? data.timestamp : [];
  const values = Array.isArray(data.metric) ? data.metric : undefined;
  if (values === undefined) throw new PlotDataError(`${where}: metric \`${name}\` has no \`metric\` column.`);
  if (stamps.length !== values.length) {
    throw new PlotDataError(`${where}: metric \`${name}\` has ${stamps.length} timestamps for ${values.length} values.`);
  }
  const rows: MetricPoint[] = [];
  for (let i = 0; i < values.length; i++) {
    const stamp: unknown = stamps[i];
    const ms = typeof stamp === 'string' ? parseEventTimestamp(stamp) : typeof stamp === 'number' ? stamp : Number.NaN;
    if (Number.isNaN(ms)) throw new PlotDataError(`${where}: metric \`${name}\` row ${i} has an invalid timestamp ${JSON.stringify(stamp)}.`);
    const step: unknown = steps[i];
    const row: MetricPoint = {
      step: typeof step === 'number' && Number.isFinite(step) ? step : i,
      timestamp: new Date(ms),
      metric: metricValue(values[i]),
      name,
    };
    if (run !== undefined) row.run = run;
    rows.push(row);
  }
  return rows;
}

function itemRows(item: unknown, where: string, run: string | undefined): MetricPoint[] {
  if (!isRecord(item) || typeof item.name !== 'string') {
    throw new PlotDataError(`${where}: each event entry must be an object \`{name, kind, data}\`.`);
  }
  if (item.kind !== undefined && item.kind !== 'metric') {
    throw new PlotDataError(`${where}: \`${item.name}\` is a \`${JSON.stringify(item.kind)}\` event, not a metric.`);
  }
  if (typeof item.data === 'string') return parseMetricFile(item.data, item.name, `${where} (${item.name})`, run);
  if (isRecord(item.data)) return columnRows(item, item.name, where, run);
  throw new PlotDataError(`${where}: metric \`${item.name}\` has no data (expected columns or the event file text).`);
}

/**
 * Tidy rows `{ step, timestamp, metric, name }` (plus `run` for several
 * runs) from what the events endpoints give: `getEvents`/`getMetrics`
 * answers (`{data: [...]}`, `orient` dict or csv), `getMultiRunEvents`
 * answers (`{data: {uuid: [...]}}`, every row gets its `run`), or a bare
 * list of `{name, kind, data}` entries. Rows keep each metric's file
 * order; entries keep the answer's order.
 *
 * @param events - the answer or entries
 * @param options - `run`: uuid to set on each row of a single-run answer
 * @throws {@link PlotDataError} when the input has another shape or a bad timestamp
 */
export function toTidy(events: unknown, options: ToTidyOptions = {}): MetricPoint[] {
  const where = options.run === undefined ? 'events' : `run ${options.run}`;
  const data = isRecord(events) ? events.data : events;
  if (data === undefined || data === null) return [];
  if (Array.isArray(data)) return data.flatMap((item) => itemRows(item, where, options.run));
  if (isRecord(data)) {
    const rows: MetricPoint[] = [];
    for (const [uuid, items] of Object.entries(data)) {
      if (!Array.isArray(items)) throw new PlotDataError(`events: run ${uuid} should map to a list of entries.`);
      for (const item of items) for (const row of itemRows(item, `run ${uuid}`, uuid)) rows.push(row);
    }
    return rows;
  }
  throw new PlotDataError('events: expected `{data: [...]}`, `{data: {uuid: [...]}}` or a list of `{name, kind, data}` entries.');
}

/** The metric names present in an events answer (single- or multi-run), in first-seen order. */
export function eventNames(events: unknown): string[] {
  const data = isRecord(events) ? events.data : events;
  const lists = Array.isArray(data) ? [data] : isRecord(data) ? Object.values(data) : [];
  const names = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) if (isRecord(item) && typeof item.name === 'string') names.add(item.name);
  }
  return [...names];
}

import type { XAxisKind } from './axis-format';
import type { TerminalSeries } from './braille-chart';

/** The fields of a tidy metric row the terminal views read (`@px/client/plots`' `MetricPoint`). */
export interface TidyMetricRow {
  readonly step: number;
  readonly timestamp: Date;
  readonly metric: number;
  readonly name: string;
}

/** Metric names in first-seen order. */
export function metricNames(rows: readonly TidyMetricRow[]): string[] {
  return [...new Set(rows.map((r) => r.name))];
}

/**
 * Groups tidy rows into one terminal series per metric (in first-seen order),
 * x from the step, the timestamp (epoch ms) or the seconds since the
 * series' first point.
 */
export function seriesByMetric(rows: readonly TidyMetricRow[], x: XAxisKind): TerminalSeries[] {
  const groups = new Map<string, { x: number[]; y: number[] }>();
  for (const row of rows) {
    let group = groups.get(row.name);
    if (group === undefined) {
      group = { x: [], y: [] };
      groups.set(row.name, group);
    }
    group.x.push(x === 'step' ? row.step : row.timestamp.getTime());
    group.y.push(row.metric);
  }
  return [...groups].map(([name, g]) => {
    if (x === 'relative') {
      let start = Infinity;
      for (const t of g.x) if (t < start) start = t;
      return { name, x: g.x.map((t) => (t - start) / 1000), y: g.y };
    }
    return { name, x: g.x, y: g.y };
  });
}

/** The last finite value of each metric (by step), `NaN` when it has none. */
export function lastValues(rows: readonly TidyMetricRow[]): Map<string, number> {
  const last = new Map<string, { step: number; value: number }>();
  for (const row of rows) {
    if (!Number.isFinite(row.metric)) continue;
    const seen = last.get(row.name);
    if (seen === undefined || row.step >= seen.step) last.set(row.name, { step: row.step, value: row.metric });
  }
  const out = new Map<string, number>();
  for (const name of metricNames(rows)) out.set(name, last.get(name)?.value ?? Number.NaN);
  return out;
}

import { PlotDataError } from './plot-errors';
import type { ComparisonTable, ComparisonTableOptions, RunIo } from './types';

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return String(a).localeCompare(String(b));
}

/**
 * A table of runs: columns `uid`, `name` (when a run has one), every
 * input/output in first-seen order (one called `uid` or `name` becomes
 * `values.uid`/`values.name`), then `metrics.<name>` with each run's last
 * metric value; a missing value is `null`. A metric whose last values are
 * already an output of the same name in every run (as `@px/tracking`
 * records them) gets no second column; sorting on `metrics.<name>` then
 * sorts on that output.
 *
 * @param runs - runs with their inputs and outputs
 * @param lastMetrics - last metric values by run uuid
 * @param options - `sort`: a column, `-` prefix for descending; missing values stay last
 * @throws {@link PlotDataError} when `sort` names no column
 */
export function comparisonTable(
  runs: readonly RunIo[],
  lastMetrics?: ReadonlyMap<string, Record<string, number>>,
  options: ComparisonTableOptions = {},
): ComparisonTable {
  const columns = ['uid'];
  if (runs.some((r) => r.name !== undefined)) columns.push('name');
  const valueKeys = [...new Set(runs.flatMap((r) => Object.keys(r.values)))];
  // an input/output called `uid` or `name` gets the column `values.uid` / `values.name`
  const columnOf = (key: string): string => (key === 'uid' || key === 'name' ? `values.${key}` : key);
  const allMetricKeys = [...new Set([...(lastMetrics?.values() ?? [])].flatMap((m) => Object.keys(m)))];
  const repeatsOutput = (m: string): boolean =>
    valueKeys.includes(m) &&
    columnOf(m) === m &&
    runs.every((run) => {
      const last = lastMetrics?.get(run.uid)?.[m];
      return last === undefined || Object.is(last, run.values[m]);
    });
  const metricKeys = allMetricKeys.filter((m) => !repeatsOutput(m));
  columns.push(...valueKeys.map(columnOf), ...metricKeys.map((m) => `metrics.${m}`));
  const rows = runs.map((run) => {
    const row: Record<string, unknown> = { uid: run.uid };
    if (columns.includes('name')) row.name = run.name ?? null;
    for (const key of valueKeys) row[columnOf(key)] = run.values[key] ?? null;
    const last = lastMetrics?.get(run.uid);
    for (const m of metricKeys) row[`metrics.${m}`] = last?.[m] ?? null;
    return row;
  });
  if (options.sort !== undefined && options.sort !== '') {
    const descending = options.sort.startsWith('-');
    const named = descending ? options.sort.slice(1) : options.sort;
    const merged = named.startsWith('metrics.') ? named.slice('metrics.'.length) : undefined;
    const key = !columns.includes(named) && merged !== undefined && allMetricKeys.includes(merged) && columns.includes(merged) ? merged : named;
    if (!columns.includes(key)) throw new PlotDataError(`sort: \`${key}\` is not a column; the columns are ${columns.join(', ')}.`);
    const sign = descending ? -1 : 1;
    rows.sort((a, b) => {
      const va = a[key];
      const vb = b[key];
      const ma = va === null || va === undefined || (typeof va === 'number' && Number.isNaN(va));
      const mb = vb === null || vb === undefined || (typeof vb === 'number' && Number.isNaN(vb));
      if (ma || mb) return Number(ma) - Number(mb);
      return sign * compare(va, vb);
    });
  }
  return { columns, rows };
}

import { PlotDataError } from './plot-errors';
import type { MetricPoint, WideRow } from './types';

/**
 * One row per step, a column per metric, joined on the step (not on row
 * position, upstream's defect), sorted by step. A metric without a value at
 * a step gets `null`; when a step repeats within a metric, the value logged
 * last wins. Rows of several runs are joined per step regardless of run:
 * filter by `run` first to compare runs.
 *
 * @throws {@link PlotDataError} for a metric named `step`, which cannot be a column next to the step
 */
export function toWide(rows: readonly MetricPoint[]): WideRow[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.name === 'step') throw new PlotDataError('A metric named `step` cannot be a column of wide rows (the step is one); use the tidy rows.');
    if (!seen.has(row.name)) {
      seen.add(row.name);
      names.push(row.name);
    }
  }
  const bySteps = new Map<number, WideRow>();
  for (const row of rows) {
    let wide = bySteps.get(row.step);
    if (wide === undefined) {
      wide = { step: row.step };
      for (const name of names) wide[name] = null;
      bySteps.set(row.step, wide);
    }
    wide[row.name] = row.metric;
  }
  return [...bySteps.values()].sort((a, b) => a.step - b.step);
}

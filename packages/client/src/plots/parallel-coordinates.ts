import { PlotDataError } from './plot-errors';
import { baseSpec } from './vega-base';
import type { ParallelCoordinatesOptions, RunIo, VegaLiteSpec } from './types';

/** One run's value on one axis of a parallel coordinates chart. */
export interface ParallelPoint {
  /** Run uuid. */
  uid: string;
  /** Run label (name, or uuid). */
  run: string;
  /** Column (input/output name). */
  column: string;
  /** Position of the value on its axis, 0 (bottom) to 1 (top). */
  norm: number;
  /** The value as text. */
  value: string;
}

/** A labelled position on one axis. */
export interface ParallelTick {
  /** Column (input/output name). */
  column: string;
  /** Position, 0 to 1. */
  norm: number;
  /** Label. */
  label: string;
}

/** Axes, points and ticks of a parallel coordinates chart. */
export interface ParallelData {
  columns: string[];
  points: ParallelPoint[];
  ticks: ParallelTick[];
}

function label(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(Number.parseFloat(value.toPrecision(6)));
  return JSON.stringify(value) ?? String(value);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'number' && !Number.isFinite(value));
}

/**
 * Places every run's values on axes scaled to [0, 1]: a numeric column
 * maps `min → 0`, `max → 1` (every value `0.5` when they are all equal); any
 * other column (strings, booleans, lists; or a mix) is categorical: its
 * distinct values as text, sorted, evenly spaced from 0 to 1 (`0.5` for a
 * single one). Missing, null and non-finite values get no point.
 *
 * @param runs - runs with their inputs and outputs
 * @param columns - the axes, in order; default: every key with a value, in first-seen order
 * @throws {@link PlotDataError} when no column has a value
 */
export function parallelCoordinatesData(runs: readonly RunIo[], columns?: readonly string[]): ParallelData {
  const cols = columns !== undefined ? [...columns] : [...new Set(runs.flatMap((r) => Object.keys(r.values).filter((k) => present(r.values[k]))))];
  const points: ParallelPoint[] = [];
  const ticks: ParallelTick[] = [];
  const used: string[] = [];
  for (const column of cols) {
    const cells = runs.filter((r) => present(r.values[column])).map((r) => ({ run: r, value: r.values[column] }));
    if (cells.length === 0) continue;
    used.push(column);
    const numeric = cells.every((c) => typeof c.value === 'number');
    let position: (value: unknown) => number;
    if (numeric) {
      const nums = cells.map((c) => c.value as number);
      const min = nums.reduce((a, b) => Math.min(a, b));
      const max = nums.reduce((a, b) => Math.max(a, b));
      position = (v) => (max === min ? 0.5 : ((v as number) - min) / (max - min));
      ticks.push({ column, norm: position(min), label: label(min) });
      if (max !== min) ticks.push({ column, norm: 1, label: label(max) });
    } else {
      const categories = [...new Set(cells.map((c) => label(c.value)))].sort();
      const at = new Map(categories.map((c, i) => [c, categories.length === 1 ? 0.5 : i / (categories.length - 1)]));
      position = (v) => at.get(label(v))!;
      for (const c of categories) ticks.push({ column, norm: at.get(c)!, label: c });
    }
    for (const c of cells) {
      points.push({ uid: c.run.uid, run: c.run.name ?? c.run.uid, column, norm: position(c.value), value: label(c.value) });
    }
  }
  if (used.length === 0) {
    const asked = columns === undefined ? '' : ` among ${cols.join(', ')}`;
    throw new PlotDataError(`There is nothing to compare: none of the ${runs.length} runs has an input or output value${asked}.`);
  }
  return { columns: used, points, ticks };
}

/**
 * Parallel coordinates over runs' inputs and outputs (the HiPlot
 * replacement) as Vega-Lite JSON: one vertical axis per column, one line
 * per run, coloured by the `color` column (default: the last column).
 *
 * @param runs - runs with their inputs and outputs (e.g. `getRunsIo()`)
 * @param options - columns, color column, title, size
 * @throws {@link PlotDataError} when no run has a value, or `color` is not a column
 */
export function parallelCoordinates(runs: readonly RunIo[], options: ParallelCoordinatesOptions = {}): VegaLiteSpec {
  const data = parallelCoordinatesData(runs, options.columns);
  const colorColumn = options.color ?? data.columns.at(-1)!;
  if (!data.columns.includes(colorColumn)) {
    throw new PlotDataError(`color: \`${colorColumn}\` is not a column; the columns are ${data.columns.join(', ')}.`);
  }
  const colorOf = new Map<string, unknown>();
  for (const run of runs) colorOf.set(run.uid, run.values[colorColumn]);
  const numericColor = [...colorOf.values()].every((v) => v === undefined || v === null || typeof v === 'number');
  const lines = data.points.map((p) => {
    const c = colorOf.get(p.uid);
    return { ...p, color: present(c) ? (numericColor ? c : label(c)) : null };
  });
  const spec = baseSpec({ width: Math.max(120 * data.columns.length, 320), ...options });
  const x = { field: 'column', type: 'nominal', sort: data.columns, title: null, axis: { orient: 'top', domain: false, ticks: false, labelAngle: 0 }, scale: { domain: data.columns } };
  spec.datasets = { lines, ticks: data.ticks, axes: data.columns.map((column) => ({ column })) };
  spec.data = { name: 'lines' };
  spec.layer = [
    {
      data: { name: 'axes' },
      mark: { type: 'rule', color: '#999' },
      encoding: { x, y: { datum: 0, type: 'quantitative', scale: { domain: [0, 1] }, axis: null }, y2: { datum: 1 } },
    },
    {
      mark: { type: 'line', strokeWidth: 1.5, opacity: 0.8 },
      encoding: {
        x,
        y: { field: 'norm', type: 'quantitative', scale: { domain: [0, 1] }, axis: null },
        detail: { field: 'uid', type: 'nominal' },
        color: { field: 'color', type: numericColor ? 'quantitative' : 'nominal', title: colorColumn },
        tooltip: [
          { field: 'run', type: 'nominal' },
          { field: 'column', type: 'nominal' },
          { field: 'value', type: 'nominal' },
        ],
      },
    },
    {
      data: { name: 'ticks' },
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#555' },
      encoding: { x, y: { field: 'norm', type: 'quantitative', scale: { domain: [0, 1] }, axis: null }, text: { field: 'label' } },
    },
  ];
  return spec;
}

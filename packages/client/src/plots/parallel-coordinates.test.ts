import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { parallelCoordinates, parallelCoordinatesData } from './parallel-coordinates';
import { PlotDataError } from './plot-errors';
import type { RunIo } from './types';

const runs: RunIo[] = [
  { uid: 'a', name: 'first', values: { lr: 0.1, optimizer: 'sgd', loss: 0.5, done: true } },
  { uid: 'b', values: { lr: 0.01, optimizer: 'adam', loss: 0.2, done: false } },
  { uid: 'c', values: { lr: 0.055, optimizer: 'rmsprop', loss: 0.2 } },
  { uid: 'd', values: {} },
];

describe('parallelCoordinatesData', () => {
  it('scales numeric columns min→0, max→1 and spaces sorted categories evenly', () => {
    const data = parallelCoordinatesData(runs);
    expect(data.columns).toEqual(['lr', 'optimizer', 'loss', 'done']);
    const at = (column: string): Record<string, number> => Object.fromEntries(data.points.filter((p) => p.column === column).map((p) => [p.uid, p.norm]));
    expect(at('lr').a).toBe(1);
    expect(at('lr').b).toBe(0);
    expect(at('lr').c).toBeCloseTo(0.5, 12);
    expect(at('optimizer')).toEqual({ a: 1, b: 0, c: 0.5 }); // adam, rmsprop, sgd
    expect(at('loss')).toEqual({ a: 1, b: 0, c: 0 });
    expect(at('done')).toEqual({ a: 1, b: 0 }); // false, true
    expect(data.points.some((p) => p.uid === 'd')).toBe(false); // a run with no inputs draws nothing
    expect(data.points.find((p) => p.uid === 'a')!.run).toBe('first');
    expect(data.ticks.filter((t) => t.column === 'lr')).toEqual([
      { column: 'lr', norm: 0, label: '0.01' },
      { column: 'lr', norm: 1, label: '0.1' },
    ]);
  });

  it('puts every value at 0.5 when a column has one value, and skips null/NaN cells', () => {
    const data = parallelCoordinatesData([
      { uid: 'a', values: { x: 3, y: 'k', z: null } },
      { uid: 'b', values: { x: 3, y: 'k', z: Number.NaN } },
    ]);
    expect(data.columns).toEqual(['x', 'y']);
    expect(data.points.map((p) => p.norm)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('treats a column mixing numbers and text as categorical', () => {
    const data = parallelCoordinatesData([
      { uid: 'a', values: { m: 1 } },
      { uid: 'b', values: { m: 'n/a' } },
    ]);
    expect(data.points.map((p) => [p.value, p.norm])).toEqual([
      ['1', 0],
      ['n/a', 1],
    ]);
  });

  it('says there is nothing to compare when no run has a value', () => {
    expect(() => parallelCoordinatesData([{ uid: 'a', values: {} }])).toThrow(new PlotDataError('There is nothing to compare: none of the 1 runs has an input or output value.'));
    expect(() => parallelCoordinatesData([], ['lr'])).toThrow(/among lr/);
  });
});

describe('parallelCoordinates', () => {
  it('builds a spec that compiles, coloured by the last column by default', () => {
    const spec = parallelCoordinates(runs, { title: 'runs' });
    expect(compile(spec as never).spec).toBeTruthy();
    const lines = (spec.datasets as { lines: Array<{ uid: string; color: unknown }> }).lines;
    expect(lines.find((l) => l.uid === 'a')!.color).toBe('true');
  });

  it('colours by a numeric column on a continuous scale and keeps the given column order', () => {
    const spec = parallelCoordinates(runs, { columns: ['loss', 'lr'], color: 'lr' });
    expect(compile(spec as never).spec).toBeTruthy();
    const layer = (spec.layer as Array<{ encoding: Record<string, { type?: string; sort?: unknown }> }>)[1]!;
    expect(layer.encoding.color!.type).toBe('quantitative');
    expect(layer.encoding.x!.sort).toEqual(['loss', 'lr']);
  });

  it('refuses a colour column that is not shown', () => {
    expect(() => parallelCoordinates(runs, { columns: ['lr'], color: 'loss' })).toThrow('color: `loss` is not a column; the columns are lr.');
  });
});

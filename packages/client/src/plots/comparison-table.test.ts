import { describe, expect, it } from 'vitest';
import { comparisonTable } from './comparison-table';
import type { RunIo } from './types';

const runs: RunIo[] = [
  { uid: 'a', name: 'one', values: { lr: 0.1, loss: 0.3 } },
  { uid: 'b', values: { lr: 0.01, optimizer: 'adam' } },
  { uid: 'c', values: { lr: 0.05, loss: 0.1 } },
];

describe('comparisonTable', () => {
  it('has a row per run, inputs/outputs then last metric values as columns, null where missing', () => {
    const table = comparisonTable(runs, new Map([['a', { accuracy: 0.9 }], ['c', { accuracy: 0.95 }]]));
    expect(table.columns).toEqual(['uid', 'name', 'lr', 'loss', 'optimizer', 'metrics.accuracy']);
    expect(table.rows).toEqual([
      { uid: 'a', name: 'one', lr: 0.1, loss: 0.3, optimizer: null, 'metrics.accuracy': 0.9 },
      { uid: 'b', name: null, lr: 0.01, loss: null, optimizer: 'adam', 'metrics.accuracy': null },
      { uid: 'c', name: null, lr: 0.05, loss: 0.1, optimizer: null, 'metrics.accuracy': 0.95 },
    ]);
  });

  it('gives a metric no second column when it repeats an output of the same name, and sorts on it by either name', () => {
    const withOutputs: RunIo[] = [
      { uid: 'a', values: { lr: 0.1, loss: 0.3 } },
      { uid: 'b', values: { lr: 0.2, loss: 0.2 } },
    ];
    const last = new Map([['a', { loss: 0.3, acc: 0.8 }], ['b', { loss: 0.2, acc: 0.9 }]]);
    const table = comparisonTable(withOutputs, last, { sort: 'metrics.loss' });
    expect(table.columns).toEqual(['uid', 'lr', 'loss', 'metrics.acc']);
    expect(table.rows.map((r) => r.uid)).toEqual(['b', 'a']);
    // a metric whose last value differs from the output keeps its own column
    expect(comparisonTable(withOutputs, new Map([['a', { loss: 0.25 }]])).columns).toEqual(['uid', 'lr', 'loss', 'metrics.loss']);
  });

  it('sorts ascending or descending with missing values last either way', () => {
    expect(comparisonTable(runs, undefined, { sort: 'loss' }).rows.map((r) => r.uid)).toEqual(['c', 'a', 'b']);
    expect(comparisonTable(runs, undefined, { sort: '-loss' }).rows.map((r) => r.uid)).toEqual(['a', 'c', 'b']);
    expect(comparisonTable(runs, undefined, { sort: '-lr' }).rows.map((r) => r.uid)).toEqual(['a', 'c', 'b']);
  });

  it('leaves out the name column when no run has a name, and handles no runs', () => {
    expect(comparisonTable([{ uid: 'x', values: {} }]).columns).toEqual(['uid']);
    expect(comparisonTable([])).toEqual({ columns: ['uid'], rows: [] });
  });

  it('keeps inputs called uid or name in their own columns', () => {
    const table = comparisonTable([{ uid: 'a', name: 'run-a', values: { name: 'resnet', uid: 7 } }]);
    expect(table.columns).toEqual(['uid', 'name', 'values.name', 'values.uid']);
    expect(table.rows).toEqual([{ uid: 'a', name: 'run-a', 'values.name': 'resnet', 'values.uid': 7 }]);
  });

  it('refuses to sort on a column that does not exist', () => {
    expect(() => comparisonTable(runs, undefined, { sort: '-acc' })).toThrow('sort: `acc` is not a column; the columns are uid, name, lr, loss, optimizer.');
  });
});

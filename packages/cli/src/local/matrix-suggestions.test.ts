import { describe, expect, it } from 'vitest';
import { earlyStoppingReason } from './early-stopping';
import { discreteValues, matrixSuggestions } from './matrix-suggestions';

describe('matrix suggestions', () => {
  it('grid is the cartesian product in param order, capped by numRuns', () => {
    const matrix = { kind: 'grid', params: { lr: { kind: 'choice', value: [0.1, 0.2] }, bs: { kind: 'range', value: { start: 1, stop: 4, step: 1 } } } };
    expect(matrixSuggestions(matrix)).toEqual([
      { lr: 0.1, bs: 1 }, { lr: 0.1, bs: 2 }, { lr: 0.1, bs: 3 },
      { lr: 0.2, bs: 1 }, { lr: 0.2, bs: 2 }, { lr: 0.2, bs: 3 },
    ]);
    expect(matrixSuggestions({ ...matrix, numRuns: 2 })).toHaveLength(2);
  });

  it('computes numpy-like spaces', () => {
    expect(discreteValues('x', { kind: 'linspace', value: { start: 0, stop: 1, num: 5 } })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(discreteValues('x', { kind: 'logspace', value: { start: 0, stop: 2, num: 3 } })).toEqual([1, 10, 100]);
    const geo = discreteValues('x', { kind: 'geomspace', value: { start: 1, stop: 8, num: 4 } }) as number[];
    expect(geo.map((g) => Math.round(g * 1e9) / 1e9)).toEqual([1, 2, 4, 8]);
  });

  it('random is reproducible with a seed and samples distinct grid points when every param is discrete', () => {
    const matrix = { kind: 'random', numRuns: 3, seed: 7, params: { a: { kind: 'choice', value: [1, 2] }, b: { kind: 'choice', value: ['x', 'y'] } } };
    const first = matrixSuggestions(matrix);
    expect(matrixSuggestions(matrix)).toEqual(first);
    expect(new Set(first.map((s) => JSON.stringify(s))).size).toBe(3);
    const dist = matrixSuggestions({ kind: 'random', numRuns: 20, seed: 1, params: { lr: { kind: 'uniform', value: { low: 0, high: 1 } } } });
    expect(dist).toHaveLength(20);
    for (const s of dist) expect(s.lr).toBeGreaterThanOrEqual(0);
  });

  it('mapping returns its rows and other kinds are refused with the supported list', () => {
    expect(matrixSuggestions({ kind: 'mapping', values: [{ a: 1 }, { a: 2 }] })).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => matrixSuggestions({ kind: 'bayes' })).toThrow('supported kinds: grid, random, mapping');
  });
});

describe('early stopping', () => {
  it('stops when a metric meets its condition or too many runs failed', () => {
    const rule = { kind: 'metric_early_stopping', metric: 'loss', value: 0.1, optimization: 'minimize' };
    expect(earlyStoppingReason([rule], [{ status: 'succeeded', outputs: { loss: 0.5 } }], 4)).toBeUndefined();
    expect(earlyStoppingReason([rule], [{ status: 'succeeded', outputs: { loss: 0.05 } }], 4)).toEqual({ message: 'Early stopping: a run reached loss=0.05 (<= 0.1).', status: 'succeeded' });
    // a rule with a policy stops single runs, never the sweep (upstream ignores it)
    expect(earlyStoppingReason([{ ...rule, policy: { kind: 'median' } }], [{ status: 'succeeded', outputs: { loss: 0.05 } }], 4)).toBeUndefined();
    const failure = { kind: 'failure_early_stopping', percent: 50 };
    expect(earlyStoppingReason([failure], [{ status: 'failed', outputs: {} }], 4)).toBeUndefined();
    expect(earlyStoppingReason([failure], [{ status: 'failed', outputs: {} }, { status: 'failed', outputs: {} }], 4)).toEqual({ message: 'Early stopping: 2 of 4 runs failed (>= 50%).', status: 'failed' });
  });
});

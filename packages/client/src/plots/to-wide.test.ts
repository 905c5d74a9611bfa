import { describe, expect, it } from 'vitest';
import { toWide } from './to-wide';
import type { MetricPoint } from './types';

const at = new Date(0);
const p = (name: string, step: number, metric: number): MetricPoint => ({ name, step, metric, timestamp: at });

describe('toWide', () => {
  it('joins metrics on the step, not on row position (upstream’s defect)', () => {
    // loss is logged every step, accuracy only at steps 1 and 3
    const rows = [p('loss', 0, 1), p('loss', 1, 0.5), p('loss', 2, 0.25), p('loss', 3, 0.125), p('accuracy', 1, 0.6), p('accuracy', 3, 0.8)];
    expect(toWide(rows)).toEqual([
      { step: 0, loss: 1, accuracy: null },
      { step: 1, loss: 0.5, accuracy: 0.6 },
      { step: 2, loss: 0.25, accuracy: null },
      { step: 3, loss: 0.125, accuracy: 0.8 },
    ]);
  });

  it('sorts mixed steps and keeps the value logged last on a duplicate step', () => {
    expect(toWide([p('a', 5, 1), p('a', 2, 2), p('a', 5, 3), p('b', 2, Number.NaN)])).toEqual([
      { step: 2, a: 2, b: Number.NaN },
      { step: 5, a: 3, b: null },
    ]);
  });

  it('refuses a metric named step rather than losing it', () => {
    expect(() => toWide([p('step', 0, 1)])).toThrow('A metric named `step` cannot be a column of wide rows');
  });

  it('gives no rows for no metrics', () => {
    expect(toWide([])).toEqual([]);
  });
});

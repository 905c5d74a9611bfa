import { describe, expect, it } from 'vitest';
import { compareSparklines } from './terminal-compare';

const t = new Date(0);
describe('compareSparklines', () => {
  it('prints one sparkline and last value per run and metric', () => {
    const runs = [
      { uid: 'aaaaaaaaaaaa', name: 'fast', rows: [0, 1, 2, 3].map((step) => ({ step, timestamp: t, metric: 4 - step, name: 'loss' })) },
      { uid: 'bbbbbbbbbbbb', rows: [] },
    ];
    expect(compareSparklines(runs, ['loss'], 20)).toEqual(['', 'loss', '  fast     █▆▃▁     1', '  bbbbbbbb (no values)']);
  });
});

import { describe, expect, it } from 'vitest';
import { compareSparklines, type SparklineRun } from './terminal-compare';

const t = new Date(0);
describe('compareSparklines', () => {
  it('prints one sparkline and last value per run and metric', () => {
    const runs: SparklineRun[] = [
      { uid: 'aaaaaaaaaaaa', name: 'fast', rows: [3, 0, 1, 2].map((step) => ({ step, timestamp: t, metric: 4 - step, name: 'loss' })), last: { loss: 1 } },
      { uid: 'bbbbbbbbbbbb', rows: [], last: {} },
    ];
    expect(compareSparklines(runs, ['loss'], 20)).toEqual(['', 'loss', '  fast     █▆▃▁     1', '  bbbbbbbb (no values)']);
  });
});

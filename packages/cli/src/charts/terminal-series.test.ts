import { prepareSeries } from '@px/client/plots';
import { describe, expect, it } from 'vitest';
import { skippedWarning, terminalSeries } from './terminal-series';

const t = (s: number): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const rows = [
  { step: 0, timestamp: t(10), metric: 1, name: 'loss' },
  { step: 0, timestamp: t(10), metric: 0.1, name: 'acc' },
  { step: 2, timestamp: t(14), metric: Number.NaN, name: 'loss' },
  { step: 1, timestamp: t(12), metric: 0.5, name: 'loss' },
];

describe('terminalSeries', () => {
  it('gives one series per metric, sorted on x, with timestamps as epoch ms', () => {
    expect(terminalSeries(prepareSeries(rows, { x: 'step' }))).toEqual([
      { name: 'loss', x: [0, 1], y: [1, 0.5] },
      { name: 'acc', x: [0], y: [0.1] },
    ]);
    expect(terminalSeries(prepareSeries(rows, { x: 'timestamp' }))[1]).toEqual({ name: 'acc', x: [t(10).getTime()], y: [0.1] });
    expect(terminalSeries(prepareSeries(rows, { x: 'relative' }))[0]!.x).toEqual([0, 2]);
  });
  it('says which values were left out', () => {
    expect(skippedWarning(prepareSeries(rows, {}))).toBe('Values left out of the chart: loss: 1 NaN/infinite.');
    expect(skippedWarning(prepareSeries(rows.slice(0, 2), {}))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { lastValues, metricNames, seriesByMetric } from './metric-series';

const t = (s: number): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const rows = [
  { step: 0, timestamp: t(10), metric: 1, name: 'loss' },
  { step: 0, timestamp: t(10), metric: 0.1, name: 'acc' },
  { step: 2, timestamp: t(14), metric: Number.NaN, name: 'loss' },
  { step: 1, timestamp: t(12), metric: 0.5, name: 'loss' },
];

describe('metric series', () => {
  it('groups rows per metric with step, timestamp or relative x', () => {
    expect(metricNames(rows)).toEqual(['loss', 'acc']);
    expect(seriesByMetric(rows, 'step')).toEqual([
      { name: 'loss', x: [0, 2, 1], y: [1, Number.NaN, 0.5] },
      { name: 'acc', x: [0], y: [0.1] },
    ]);
    expect(seriesByMetric(rows, 'timestamp')[1]).toEqual({ name: 'acc', x: [t(10).getTime()], y: [0.1] });
    expect(seriesByMetric(rows, 'relative')[0]!.x).toEqual([0, 4, 2]);
  });
  it('takes the last finite value by step', () => {
    expect([...lastValues(rows)]).toEqual([
      ['loss', 0.5],
      ['acc', 0.1],
    ]);
    expect(lastValues([{ step: 0, timestamp: t(0), metric: Infinity, name: 'x' }]).get('x')).toBeNaN();
  });
});

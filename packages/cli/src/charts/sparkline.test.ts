import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline';

describe('sparkline', () => {
  it('maps values to eight bar heights', () => {
    expect(sparkline([1, 2, 3, 4], 4)).toBe('▁▃▆█');
    expect(sparkline([0, 7], 10)).toBe('▁█');
  });
  it('averages into buckets to fit the width', () => {
    expect(sparkline([0, 0, 10, 10], 2)).toBe('▁█');
    expect(sparkline(Array.from({ length: 1000 }, (_, i) => i), 10)).toHaveLength(10);
  });
  it('handles flat, empty and non-finite input', () => {
    expect(sparkline([5, 5, 5], 3)).toBe('▄▄▄');
    expect(sparkline([], 5)).toBe('');
    expect(sparkline([1, Number.NaN, 3], 3)).toBe('▁ █');
  });
});

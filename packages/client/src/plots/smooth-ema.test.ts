import { describe, expect, it } from 'vitest';
import { smoothEma } from './smooth-ema';

describe('smoothEma', () => {
  it('is the debiased EMA: starts at the first value, then w·ema + (1−w)·v over 1 − wⁿ', () => {
    const out = smoothEma([1, 2, 3], 0.5);
    expect(out[0]).toBe(1);
    expect(out[1]).toBeCloseTo(1.25 / 0.75, 12);
    expect(out[2]).toBeCloseTo(2.125 / 0.875, 12);
  });

  it('returns the values unchanged at weight 0, and keeps a constant series constant', () => {
    expect(smoothEma([3, 1, 2], 0)).toEqual([3, 1, 2]);
    for (const v of smoothEma([4, 4, 4, 4], 0.9)) expect(v).toBeCloseTo(4, 12);
  });

  it('passes non-finite values through without letting them poison the average', () => {
    const out = smoothEma([1, Number.NaN, 3, Number.POSITIVE_INFINITY], 0.5);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(1.75 / 0.75, 12);
    expect(out[3]).toBe(Number.POSITIVE_INFINITY);
  });

  it('handles empty and single-point series', () => {
    expect(smoothEma([], 0.6)).toEqual([]);
    expect(smoothEma([7], 0.6)).toEqual([7]);
  });

  it('refuses weights outside [0, 1)', () => {
    for (const w of [-0.1, 1, 2, Number.NaN]) expect(() => smoothEma([1], w)).toThrow(/smoothing must be a number in \[0, 1\)/);
  });
});

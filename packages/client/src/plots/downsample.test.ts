import { describe, expect, it } from 'vitest';
import { downsample, downsampleIndices } from './downsample';

describe('downsample', () => {
  it('keeps the first and last points and each bucket’s min and max, in x order', () => {
    const ys = [5, 1, 9, 2, 8, 3, 7, 0, 6, 4];
    // 8 points → 3 buckets over indices 1..8: [1,2], [3,4,5], [6,7,8]
    expect(downsampleIndices(ys, 8)).toEqual([0, 1, 2, 3, 4, 6, 7, 9]);
    const points = ys.map((y, x) => ({ x, y }));
    expect(downsample(points, 8).map((p) => p.y)).toEqual([5, 1, 9, 2, 8, 7, 0, 4]);
  });

  it('keeps a single spike in a million points and never exceeds maxPoints', () => {
    const n = 1_000_000;
    const points = Array.from({ length: n }, (_, x) => ({ x, y: Math.sin(x / 1000) }));
    points[654_321]!.y = 100;
    points[123_457]!.y = -100;
    const out = downsample(points, 2000);
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out.length).toBeGreaterThan(1900);
    expect(out.find((p) => p.y === 100)?.x).toBe(654_321);
    expect(out.find((p) => p.y === -100)?.x).toBe(123_457);
    expect(out[0]!.x).toBe(0);
    expect(out.at(-1)!.x).toBe(n - 1);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });

  it('downsamples ten million values held in a typed array', () => {
    const ys = new Float64Array(10_000_000);
    ys[9_999_998] = 7;
    const kept = downsampleIndices(ys, 2000);
    expect(kept.length).toBeLessThanOrEqual(2000);
    expect(kept).toContain(9_999_998);
  });

  it('returns short series as a copy and handles one point', () => {
    const points = [{ x: 0, y: 1 }];
    const out = downsample(points, 2000);
    expect(out).toEqual(points);
    expect(out[0]).not.toBe(points[0]);
  });

  it('never lets a non-finite value win a bucket', () => {
    expect(downsampleIndices([0, Number.NaN, 5, Number.NaN, Number.NaN, 1], 4)).toEqual([0, 2, 5]);
  });

  it('refuses a maxPoints below 2', () => {
    expect(() => downsample([], 1)).toThrow(/maxPoints must be an integer of at least 2/);
    expect(() => downsample([], 2.5)).toThrow(/maxPoints/);
  });
});

import { describe as suite, expect, it } from 'vitest';
import { describe, pairwiseSum, sortedQuantile } from './numpy-stats';
import { orderStatistics } from './order-statistics';
import { ValueStore } from './value-store';

/** A seeded generator, so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function storeOf(values: ArrayLike<number>, spillAfter = Infinity): ValueStore {
  const store = new ValueStore(spillAfter);
  for (let i = 0; i < values.length; i++) store.push(values[i]!);
  return store;
}

/** What pandas computes, the direct way: every value in memory, one full sort. */
function reference(values: Float64Array): ReturnType<typeof describe> {
  const clean = values.filter((v) => v === v);
  const count = clean.length;
  const zeroFilled = values.map((v) => (v === v ? v : 0));
  const mean = pairwiseSum(zeroFilled) / count;
  const squares = values.map((v) => (v === v ? (v - mean) * (v - mean) : 0));
  const std = count > 1 && Number.isFinite(mean) ? Math.sqrt(pairwiseSum(squares) / (count - 1)) : Number.NaN;
  const sorted = clean.sort();
  return {
    count, mean, std, min: sorted[0]!, max: sorted[count - 1]!,
    q25: sortedQuantile(sorted, 0.25), q50: sortedQuantile(sorted, 0.5), q75: sortedQuantile(sorted, 0.75),
  };
}

const CASES: [string, (i: number, r: () => number) => number][] = [
  ['spread values with NaN, -0 and infinities', (i, r) => (i % 97 === 0 ? Number.NaN : i % 1009 === 0 ? -0 : i === 5 ? -Infinity : (r() - 0.3) * 10 ** Math.floor(r() * 20 - 10))],
  ['values that share their top 32 bits (deep radix passes)', (i) => 1 + ((i * 7919) % 100_003) * 1e-13],
  ['one value repeated (resolved from the key alone)', () => 0.1],
  ['few distinct values', (i) => [3, -1, 0.5, 2][i % 4]!],
  ['a loss curve', (i) => 1 / (i + 1)],
];

suite('streamed describe (radix selection over a spilled store)', () => {
  for (const [name, make] of CASES) for (const size of [300_000, 100_000]) {
    it(`equals the in-memory computation: ${name}, ${size} values`, () => {
      const r = random(42);
      const values = new Float64Array(size);
      for (let i = 0; i < values.length; i++) values[i] = make(i, r);
      const store = storeOf(values, 1 << 16);
      try {
        const count = values.filter((v) => v === v).length;
        expect(describe(store, count)).toEqual(reference(values));
      } finally {
        store.dispose();
      }
    });
  }

  it('finds every rank of small inputs like a full sort', () => {
    const r = random(7);
    for (let n = 1; n < 40; n++) {
      const values = Float64Array.from({ length: n }, () => Math.round((r() - 0.5) * 8) / 2);
      const sorted = values.slice().sort();
      const ranks = Array.from({ length: n }, (_, i) => i);
      expect(orderStatistics(storeOf(values), n, ranks)).toEqual([...sorted]);
    }
  });

  it('sums NaN rows as 0 like pandas (pairwise blocks over the full column)', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? Number.NaN : 0.1 * i));
    const store = storeOf(values);
    expect(describe(store, 666).mean).toBe(pairwiseSum(values.map((v) => (v === v ? v : 0))) / 666);
  });
});

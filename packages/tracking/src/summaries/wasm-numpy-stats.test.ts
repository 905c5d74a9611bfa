import { describe, expect, it } from 'vitest';
import { pairwiseSum } from './numpy-stats';
import { wasmNumpyStats } from './wasm-numpy-stats';

/** A seeded generator, so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const stats = wasmNumpyStats()!;

/** The module's sums and order statistics of `values`, and what the JavaScript and a full sort give. */
function both(values: Float64Array, ranks: number[]): { wasm: unknown; js: unknown } {
  const n = values.length;
  stats.column(n).set(values);
  const mean = stats.sum(n) / n;
  const wasm = { sum: stats.sum(n), squares: stats.sum(n, mean), ranks: stats.orderStatistics(n, ranks) };
  const sorted = values.slice().sort();
  const js = { sum: pairwiseSum(values), squares: pairwiseSum(values.map((v) => (v - mean) * (v - mean))), ranks: ranks.map((k) => sorted[k]!) };
  return { wasm, js };
}

/** Every rank describe asks for, plus a few more. */
function ranksOf(n: number): number[] {
  const ranks = [0, n - 1];
  for (const q of [0.25, 0.5, 0.75, 0.1, 0.9]) {
    const lo = Math.floor((n - 1) * q);
    ranks.push(lo, Math.min(lo + 1, n - 1));
  }
  return ranks;
}

describe("numpy's sums and order statistics (WebAssembly)", () => {
  it('is available on this engine', () => {
    expect(stats).toBeDefined();
  });

  it('gives the bits of the JavaScript pairwise sums and of a full sort, for every size up to 600 and large ones', () => {
    const r = random(3);
    const sizes = [...Array.from({ length: 600 }, (_, i) => i + 1), 1_000, 4_097, 65_536, 100_000, 262_144];
    for (const n of sizes) {
      const values = Float64Array.from({ length: n }, () => (r() - 0.4) * 10 ** Math.floor(r() * 12 - 6));
      const { wasm, js } = both(values, ranksOf(n));
      expect(wasm, `n = ${n}`).toEqual(js);
    }
  });

  it('orders -0 before +0 and infinities at the ends, like Float64Array#sort', () => {
    const values = Float64Array.from([0, -0, Infinity, -Infinity, 0, -0, 1, -1, -0, 0]);
    const { wasm, js } = both(values, Array.from({ length: values.length }, (_, i) => i));
    expect(wasm).toEqual(js);
    expect(Object.is((wasm as { ranks: number[] }).ranks[2], -0)).toBe(true);
  });

  it('stays exact and bounded on inputs that defeat a median of three (sorted, reversed, equal, organ pipe, sawtooth)', () => {
    const n = 200_003;
    const shapes: [string, (i: number) => number][] = [
      ['sorted', (i) => i],
      ['reversed', (i) => n - i],
      ['all equal', () => 0.5],
      ['organ pipe', (i) => Math.min(i, n - i)],
      ['sawtooth', (i) => i % 1000],
      ['two values', (i) => (i % 2 === 0 ? 1 : -1)],
    ];
    for (const [name, shape] of shapes) {
      const { wasm, js } = both(Float64Array.from({ length: n }, (_, i) => shape(i)), ranksOf(n));
      expect(wasm, name).toEqual(js);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { formatPyFloat } from '@px/client';
import { writeShortestRepr } from './shortest-float';
import { writePyFloat } from './metric-rows';

const buf = Buffer.alloc(64);

/** A seeded xorshift32 in [0, 1), so every run checks the same values. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const lowWord = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 0 : 1;

/** The double whose bit pattern is `high:low`. */
function fromBits(high: number, low: number): number {
  u32[lowWord] = low >>> 0;
  u32[1 - lowWord] = high >>> 0;
  return f64[0]!;
}

/** `x` moved by `ulps` units in the last place (positive finite x). */
function step(x: number, ulps: number): number {
  f64[0] = x;
  const low = u32[lowWord]!;
  const high = u32[1 - lowWord]!;
  const value = high * 4294967296 + low + ulps;
  return fromBits(Math.floor(value / 4294967296), value % 4294967296);
}

/** Every family of doubles the differential test covers (about 2.7 million values). */
function* families(): Generator<number> {
  const r = random(0x9e3779b9);
  for (let i = 0; i < 400_000; i++) yield fromBits((r() * 4294967296) >>> 1, r() * 4294967296);
  for (let d = -10; d <= 17; d++) for (let i = 0; i < 40_000; i++) yield (1 + 9 * r()) * 10 ** d;
  for (const n of [10, 100, 1000, 7, 3, 1e5, 1e6]) for (let i = 1; i <= 100_000; i++) yield i / n;
  for (let i = 0; i < 300_000; i++) yield 1 / (i + 1);
  for (let i = 0; i < 200_000; i++) yield Math.fround(r() * 10 ** Math.floor(r() * 20 - 10));
  for (let i = 0; i < 300_000; i++) {
    // decimal-looking values: 1 to 17 random digits, a random exponent
    const digits = 1 + Math.floor(r() * 17);
    let mantissa = '';
    for (let j = 0; j < digits; j++) mantissa += String(Math.floor(r() * 10));
    yield Number(`${mantissa}e${Math.floor(r() * 32) - 22}`);
  }
  for (let e = -40; e <= 60; e++) {
    for (const base of [2 ** e, Number(`1e${e}`), 5 * Number(`1e${e}`), 1.5 * 2 ** e]) {
      for (let u = -3; u <= 3; u++) yield step(base, u);
    }
  }
  for (let i = -2000; i <= 2000; i++) yield 2 ** 53 + i * 2;
  for (let i = 0; i < 100_000; i++) yield Math.floor(r() * 2 ** 53);
  for (const v of [0.1, 0.2, 0.3, 123.456, 1e-5, 0.0001, 0.001, 2.5e-6, 9.999999999999999e-5, 99999.99999999999, 0.5, 0.25]) {
    for (let u = -2; u <= 2; u++) yield step(v, u);
  }
}

describe('writeShortestRepr', () => {
  it("writes Python's repr of millions of doubles byte for byte as the engine's text does, or declines", () => {
    let checked = 0;
    let declined = 0;
    let inRange = 0;
    let declinedInRange = 0;
    const mismatches: string[] = [];
    for (const v of families()) {
      // The whole writer path, negative values every 8th value.
      const x = checked++ % 8 === 0 ? -v : v;
      const text = buf.toString('latin1', 0, writePyFloat(buf, 0, x));
      if (text !== formatPyFloat(x) && mismatches.length < 10) mismatches.push(`writePyFloat(${formatPyFloat(x)}) wrote ${text}`);
      if (!(v > 0) || v === Infinity) continue;
      const end = writeShortestRepr(buf, 0, v);
      const usual = v >= 1e-8 && v < 1e15;
      if (usual) inRange++;
      if (end < 0) {
        declined++;
        if (usual) declinedInRange++;
        continue;
      }
      const got = buf.toString('latin1', 0, end);
      const want = formatPyFloat(v);
      if (got !== want && mismatches.length < 10) mismatches.push(`writeShortestRepr(${want}) wrote ${got}`);
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(2_500_000);
    // The fast path must carry the usual range (it declines a few dozen there: powers of two, guard bands).
    expect(inRange).toBeGreaterThan(2_000_000);
    expect(declinedInRange / inRange).toBeLessThan(1e-4);
    expect(declined).toBeLessThan(checked);
  });

  it("matches Python's repr on known values", () => {
    const repr = (x: number): string => buf.toString('latin1', 0, writePyFloat(buf, 0, x));
    const fast = (x: number): string => {
      const end = writeShortestRepr(buf, 0, x);
      return end < 0 ? '(declined)' : buf.toString('latin1', 0, end);
    };
    const cases: [number, string][] = [
      [1e-5, '1e-05'], [1.5e-7, '1.5e-07'], [0.0001, '0.0001'], [0.1, '0.1'], [0.3, '0.3'],
      [0.1 + 0.2, '0.30000000000000004'], [1 / 3, '0.3333333333333333'], [2 / 3, '0.6666666666666666'],
      [123.456, '123.456'], [123456789012345.67, '123456789012345.67'], [100.5, '100.5'], [1e-8, '1e-08'],
      [2.5e-6, '2.5e-06'], [9.999999999999999e-5, '9.999999999999999e-05'], [0.001, '0.001'], [1234.5, '1234.5'],
      [99999.99999999999, '99999.99999999999'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'],
    ];
    for (const [x, text] of cases) {
      expect(repr(x)).toBe(text);
      expect(repr(-x)).toBe(`-${text}`);
      if (x >= 1e-8 && x < 1e15) expect(fast(x)).toBe(text);
    }
    expect(repr(1e16)).toBe('1e+16');
    expect(repr(1e15)).toBe('1000000000000000.0');
    expect(repr(2 ** 53 + 2)).toBe('9007199254740994.0');
    expect(repr(0)).toBe('0.0');
    expect(repr(-0)).toBe('-0.0');
    expect(repr(Number.NaN)).toBe('nan');
    expect(repr(-Infinity)).toBe('-inf');
    // outside the fast path's range: the caller formats these
    expect(fast(1e-9)).toBe('(declined)');
    expect(fast(1e300)).toBe('(declined)');
    expect(fast(5e-324)).toBe('(declined)');
  });
});

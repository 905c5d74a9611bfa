import { describe, expect, it, vi } from 'vitest';
import { formatPyFloat } from '@px/client';
import { END_EPOCH_MICROS, formatUtcMicros, MIN_EPOCH_MICROS } from '../serialization/py-datetime';
import { formatMetricRows, MAX_ROW_BYTES, MetricChunk } from './metric-rows';
import { WasmMetricRows, wasmMetricRows } from './wasm-metric-rows';

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

/** The text of a row from first principles: Python's str of the step, the UTC time and the value. */
function reference(step: number, micros: number, value: number): string {
  return `\n${step === step ? String(step) : ''}|${formatUtcMicros(micros)}|${formatPyFloat(value)}`;
}

const NOW = 1_795_393_816_000_000;

/** Rows with a step, and rows whose value is not NaN. */
interface Counts {
  withStep: number;
  numeric: number;
}

/**
 * Formats `values` as metric rows with the given steps and times, chunk by
 * chunk, against the text every row should have; returns the first rows that
 * differ, and the rows of the first chunk.
 */
function formatAll(values: Iterable<number>, stepOf: (i: number) => number, microsOf: (i: number) => number): { differences: string[]; rows: string[]; counts: Counts; expected: Counts } {
  const differences: string[] = [];
  const rows: string[] = [];
  const counts = { withStep: 0, numeric: 0 };
  const expected = { withStep: 0, numeric: 0 };
  const chunk = new MetricChunk();
  const scratch = Buffer.allocUnsafe(chunk.capacity * MAX_ROW_BYTES);
  let want: string[] = [];
  let done = 0;
  const flush = (): void => {
    const out = formatMetricRows(chunk, 0, chunk.n, scratch);
    counts.withStep += out.withStep;
    counts.numeric += out.numeric;
    const got = out.bytes.toString('latin1');
    const split = got.split(/(?=\n)/);
    if (got !== want.join('') && differences.length < 10) {
      const k = want.findIndex((row, j) => row !== split[j]);
      differences.push(`row ${done + k}: wrote ${JSON.stringify(split[k])}, expected ${JSON.stringify(want[k])}`);
    }
    if (done === 0) rows.push(...split);
    done += chunk.n;
    chunk.n = 0;
    want = [];
  };
  let i = 0;
  for (const value of values) {
    const step = stepOf(i);
    const micros = microsOf(i++);
    chunk.steps[chunk.n] = step;
    chunk.ts[chunk.n] = micros;
    chunk.values[chunk.n++] = value;
    want.push(reference(step, micros, value));
    if (step === step) expected.withStep++;
    if (value === value) expected.numeric++;
    if (chunk.n === chunk.capacity) flush();
  }
  if (chunk.n > 0) flush();
  return { differences, rows, counts, expected };
}

/** Every family of doubles, once (about 2.7 million values). */
const ALL = [...families()];

describe('metric rows (WebAssembly formatter)', () => {
  it('is available on this engine', () => {
    expect(wasmMetricRows()).toBeDefined();
  });

  it("writes Python's repr of millions of doubles byte for byte, with steps and times", () => {
    const values = ALL.map((v, k) => (k % 8 === 0 ? -v : v));
    const r = random(7);
    const { differences, counts, expected } = formatAll(
      values,
      (i) => (i % 97 === 0 ? Number.NaN : i % 89 === 0 ? -Math.floor(r() * 1e12) : i % 83 === 0 ? Math.floor(r() * 2 ** 53) : i),
      (i) => (i % 101 === 0 ? Math.floor(r() * 253_402_300_800) * 1e6 : NOW + i * 37),
    );
    expect(values.length).toBeGreaterThan(2_500_000);
    expect(differences).toEqual([]);
    expect(counts).toEqual(expected);
  });

  it('hands back the rows it declines, and they are written like the others', () => {
    const steps = [-(2 ** 53 - 1), 7, Number.NaN, 3, 2 ** 53 - 1, 12];
    const micros = [NOW, -86_400_000_001, NOW, MIN_EPOCH_MICROS, NOW, END_EPOCH_MICROS - 1_000_000];
    const values = [0.5, 5e-324, 1e-9, 0.75, 1e300, 0.1];
    const { differences, rows: got, counts, expected } = formatAll(values, (i) => steps[i]!, (i) => micros[i]!);
    expect(differences).toEqual([]);
    expect(got[3]).toBe('\n3|0001-01-01 00:00:00+00:00|0.75');
    expect(got[5]).toBe('\n12|9999-12-31 23:59:59+00:00|0.1');
    expect(counts).toEqual(expected);

    const declined: number[] = [];
    const columns = { steps: Float64Array.from(steps), ts: Float64Array.from(micros), values: Float64Array.from(values) };
    wasmMetricRows()!.format(columns, 0, steps.length, (row, into) => {
      declined.push(row);
      into[0] = 10;
      return { bytes: into.subarray(0, 1), withStep: 0, numeric: 0 };
    });
    // a time before 1970, a value below the shortest-digits proof's range, year 1, a value above it
    expect(declined).toEqual([1, 2, 3, 4]);
  });

  it('formats the usual range itself: it declines a few dozen values in millions (powers of two, guard bands)', () => {
    const wasm = wasmMetricRows()!;
    const values = Float64Array.from(ALL.filter((v) => v >= 1e-8 && v < 1e15));
    const columns = { steps: new Float64Array(values.length), ts: new Float64Array(values.length).fill(NOW), values };
    let declined = 0;
    for (let from = 0; from < values.length; from += wasm.capacity) {
      const to = Math.min(values.length, from + wasm.capacity);
      wasm.format(columns, from, to, (_row, into) => {
        declined++;
        into[0] = 10;
        return { bytes: into.subarray(0, 1), withStep: 0, numeric: 0 };
      });
    }
    expect(values.length).toBeGreaterThan(2_000_000);
    expect(declined / values.length).toBeLessThan(1e-4);
  });

  it("matches Python's repr on known values", () => {
    const cases: [number, string][] = [
      [1e-5, '1e-05'], [1.5e-7, '1.5e-07'], [0.0001, '0.0001'], [0.1, '0.1'], [0.3, '0.3'],
      [0.1 + 0.2, '0.30000000000000004'], [1 / 3, '0.3333333333333333'], [2 / 3, '0.6666666666666666'],
      [123.456, '123.456'], [123456789012345.67, '123456789012345.67'], [100.5, '100.5'], [1e-8, '1e-08'],
      [2.5e-6, '2.5e-06'], [9.999999999999999e-5, '9.999999999999999e-05'], [0.001, '0.001'], [1234.5, '1234.5'],
      [99999.99999999999, '99999.99999999999'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'],
      [1e16, '1e+16'], [1e15, '1000000000000000.0'], [2 ** 53 + 2, '9007199254740994.0'], [0, '0.0'], [Number.NaN, 'nan'],
      [Infinity, 'inf'], [3e9, '3000000000.0'],
    ];
    const values = cases.flatMap(([x]) => [x, -x]);
    const { rows: got } = formatAll(values, () => Number.NaN, () => NOW);
    const time = formatUtcMicros(NOW);
    expect(got).toEqual(cases.flatMap(([x, text]) => [`\n|${time}|${text}`, `\n|${time}|${x === x ? `-${text}` : 'nan'}`]));
  });

  // Last: from here on this module's formatter stays in JavaScript.
  it('falls back to JavaScript, losing no row, if the module ever fails', () => {
    const format = vi.spyOn(WasmMetricRows.prototype, 'format').mockImplementation(() => {
      throw new WebAssembly.RuntimeError('unreachable');
    });
    const values = ALL.slice(0, 10_000);
    const { differences, counts, expected } = formatAll(values, (i) => (i % 3 === 0 ? Number.NaN : i), (i) => NOW + i);
    expect(format).toHaveBeenCalledTimes(1);
    expect(differences).toEqual([]);
    expect(counts).toEqual(expected);
    format.mockRestore();
  });
});

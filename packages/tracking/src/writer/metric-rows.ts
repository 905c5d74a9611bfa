import { formatPyFloat } from '@px/client';
import { formatUtcMicros } from '../serialization/py-datetime';
import { ONES, TENS, writeShortestRepr } from './shortest-float';

/** Events per {@link MetricChunk}. */
export const CHUNK = 4096;
/** Events in the first chunk of a file: small files stay small, and the hot path meets a full chunk early. */
export const FIRST_CHUNK = 64;

/** Buffered metric events of one file: columns of steps (NaN: none), epoch micros and values. */
export class MetricChunk {
  readonly steps: Float64Array;
  readonly ts: Float64Array;
  readonly values: Float64Array;
  /** Rows buffered. */
  n = 0;

  /** @param capacity - rows the chunk holds */
  constructor(readonly capacity = CHUNK) {
    // One allocation for the three columns.
    const buffer = new ArrayBuffer(capacity * 24);
    this.steps = new Float64Array(buffer, 0, capacity);
    this.ts = new Float64Array(buffer, capacity * 8, capacity);
    this.values = new Float64Array(buffer, capacity * 16, capacity);
  }
}

const ASCII_0 = 48;
/** Bytes one metric row can take at most: step (≤ 17) + timestamp (32) + value (≤ 24) + separators. */
export const MAX_ROW_BYTES = 96;

function writeInt(buf: Buffer, offset: number, value: number): number {
  if (!(value >= 0 && value < 2147483648)) return writeWideInt(buf, offset, value);
  let v = value | 0;
  if (v < 10) {
    buf[offset] = ASCII_0 + v;
    return offset + 1;
  }
  let digits = 1;
  for (let t = v; t >= 10; t = (t / 10) | 0) digits++;
  for (let i = offset + digits - 1; i >= offset; i--) {
    buf[i] = ASCII_0 + (v % 10);
    v = (v / 10) | 0;
  }
  return offset + digits;
}

/** {@link writeInt} of a negative integer or one of 2^31 or more (kept apart so the common case stays small). */
function writeWideInt(buf: Buffer, offset: number, value: number): number {
  if (value < 0) {
    buf[offset++] = 45;
    value = -value;
  }
  if (value < 10) {
    buf[offset] = ASCII_0 + value;
    return offset + 1;
  }
  let digits = 0;
  for (let v = value; v >= 1; v = Math.floor(v / 10)) digits++;
  for (let i = digits - 1; i >= 0; i--) {
    buf[offset + i] = ASCII_0 + (value % 10);
    value = Math.floor(value / 10);
  }
  return offset + digits;
}

let prefixSecond = Number.NaN;
/** `YYYY-MM-DD HH:MM:SS` of `prefixSecond`, as bytes. */
const prefixBytes = new Uint8Array(19);

function cachePrefix(second: number): void {
  prefixSecond = second;
  const text = formatUtcMicros(second * 1e6);
  for (let k = 0; k < 19; k++) prefixBytes[k] = text.charCodeAt(k);
}

/**
 * Writes Python's `repr` of `value` at `offset` as bytes: integral values
 * below 2^31 as digits and `.0`, most others through
 * {@link writeShortestRepr} (no string at all), and the rest (`nan`, `inf`,
 * `-0.0`, values it declines) as `formatPyFloat`'s text. Python and
 * JavaScript choose the same shortest digits; only the notation differs.
 *
 * @param buf - the destination
 * @param offset - where to write
 * @param value - the value
 * @returns the offset after the text
 */
export function writePyFloat(buf: Buffer, offset: number, value: number): number {
  const abs = value < 0 ? -value : value;
  if (abs >= 1e-4 && abs < 2147483648 && value === Math.floor(value)) {
    offset = writeInt(buf, offset, value);
    buf[offset] = 46;
    buf[offset + 1] = ASCII_0;
    return offset + 2;
  }
  if (abs > 0) {
    const end = writeShortestRepr(buf, value < 0 ? offset + 1 : offset, abs);
    if (end >= 0) {
      if (value < 0) buf[offset] = 45;
      return end;
    }
  }
  return writeOtherFloat(buf, offset, value);
}

/** `formatPyFloat`'s text of the values {@link writePyFloat} leaves to it (kept apart so the common case stays small). */
function writeOtherFloat(buf: Buffer, offset: number, value: number): number {
  const text = formatPyFloat(value);
  for (let k = 0; k < text.length; k++) buf[offset++] = text.charCodeAt(k);
  return offset;
}

/**
 * Counts the summaries need, which {@link formatMetricRows} adds to as it
 * writes (saves them a second pass). Updated inside the row loop rather than
 * returned, so the loop's optimised code has nothing left to learn after it.
 */
export class RowCounts {
  /** Rows with a step. */
  withStep = 0;
  /** Rows whose value is not NaN. */
  numeric = 0;
}

/**
 * Formats metric rows straight into `buf` as bytes (no intermediate strings
 * except the float text): `\n<step>|<YYYY-MM-DD HH:MM:SS[.ffffff]+00:00>|<float>`.
 * Byte loops instead of `Buffer#write`/`Buffer#copy`: a native call per row
 * costs more than the few bytes it copies.
 *
 * @param chunk - the buffered events
 * @param from - first row
 * @param to - end row (exclusive)
 * @param buf - the destination, at least `(to - from) * MAX_ROW_BYTES` long
 * @param counts - incremented for each row with a step and each numeric value
 * @returns the bytes written at the start of `buf`
 */
export function formatMetricRows(chunk: MetricChunk, from: number, to: number, buf: Buffer, counts: RowCounts): number {
  if (!primed) primeRowPaths();
  return formatRows(chunk, from, to, buf, counts);
}

function formatRows(chunk: MetricChunk, from: number, to: number, buf: Buffer, counts: RowCounts): number {
  const { steps, ts, values } = chunk;
  let o = 0;
  for (let i = from; i < to; i++) {
    buf[o++] = 10;
    const step = steps[i]!;
    if (step === step) {
      o = writeInt(buf, o, step);
      counts.withStep++;
    }
    buf[o++] = 124;
    const micros = ts[i]!;
    const second = Math.floor(micros / 1e6);
    if (second !== prefixSecond) cachePrefix(second);
    buf.set(prefixBytes, o);
    o += 19;
    const frac = (micros - second * 1e6) | 0;
    if (frac !== 0) {
      // .ffffff, two digits at a time
      const high = (frac / 10000) | 0;
      const rest = frac - high * 10000;
      const mid = (rest / 100) | 0;
      const low = rest - mid * 100;
      buf[o] = 46;
      buf[o + 1] = TENS[high]!;
      buf[o + 2] = ONES[high]!;
      buf[o + 3] = TENS[mid]!;
      buf[o + 4] = ONES[mid]!;
      buf[o + 5] = TENS[low]!;
      buf[o + 6] = ONES[low]!;
      o += 7;
    }
    // +00:00|
    buf[o] = 43;
    buf[o + 1] = 48;
    buf[o + 2] = 48;
    buf[o + 3] = 58;
    buf[o + 4] = 48;
    buf[o + 5] = 48;
    buf[o + 6] = 124;
    const value = values[i]!;
    if (value === value) counts.numeric++;
    o = writePyFloat(buf, o + 7, value);
  }
  return o;
}

let primed = false;

/**
 * Runs the row loop over rows that take every path (no step, zero, -0,
 * nan, inf, negative, integral, scientific, declined by the fast path...)
 * before the first real rows, so the engine has seen each path before it
 * optimises the loop. A path first met in optimised code throws that code
 * away, and a fresh process pays for compiling the loop again (measured:
 * ~15 ms per deoptimisation in the cold profile). Costs 60 rows' time once.
 */
function primeRowPaths(): void {
  primed = true;
  const values = [0.5, 1 / 3, 0.1 + 0.2, 1e-5, 2.5e-7, 0, -0, Number.NaN, Infinity, -Infinity, -1.25, 7, 3e15, 2 ** 40, 1e16, 1e-9, 1e300, 5e-324, 123456.789, 0.001];
  const chunk = new MetricChunk(values.length);
  for (const [i, value] of values.entries()) {
    chunk.steps[i] = i % 4 === 3 ? Number.NaN : i * 1_000_003;
    // One second (whole or with microseconds): the prefix cache is used, not made hot.
    chunk.ts[i] = 1_795_393_816_000_000 + (i % 3 === 0 ? 0 : i * 37);
    chunk.values[i] = value;
  }
  chunk.n = values.length;
  const buf = Buffer.allocUnsafe(values.length * MAX_ROW_BYTES);
  // Three passes: the first lets the engine allocate the functions' feedback, the others record every path.
  for (let pass = 0; pass < 3; pass++) formatRows(chunk, 0, chunk.n, buf, new RowCounts());
}

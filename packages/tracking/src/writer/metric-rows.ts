import { formatPyFloat } from '@px/client';
import { formatUtcMicros } from '../serialization/py-datetime';
import { wasmMetricRows } from './wasm-metric-rows';

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

/**
 * Bytes one metric row can take at most: a safe-integer step (≤ 17), the
 * time of a year up to 9999 (32), Python's repr of a double (≤ 24) and separators.
 */
export const MAX_ROW_BYTES = 96;

/**
 * Counts the summaries need, which {@link formatMetricRows} adds to as it
 * writes (saves them a second pass).
 */
export class RowCounts {
  /** Rows with a step. */
  withStep = 0;
  /** Rows whose value is not NaN. */
  numeric = 0;
}

/**
 * Formats metric rows as bytes: `\n<step>|<YYYY-MM-DD HH:MM:SS[.ffffff]+00:00>|<float>`,
 * with the WebAssembly formatter (see `wasm-metric-rows.ts`) where the
 * engine runs WebAssembly, else in JavaScript into `scratch`; the rows the
 * WebAssembly formatter declines are formatted in JavaScript too.
 *
 * @param chunk - the buffered events (steps are safe integers or NaN, times within years 1 to 9999)
 * @param from - first row
 * @param to - end row (exclusive)
 * @param scratch - room for the JavaScript formatter, at least `(to - from) * MAX_ROW_BYTES` long
 * @param counts - incremented for each row with a step and each numeric value
 * @returns the bytes, valid until the next call
 */
export function formatMetricRows(chunk: MetricChunk, from: number, to: number, scratch: Buffer, counts: RowCounts): Buffer {
  const wasm = wasmFailed ? undefined : wasmMetricRows();
  if (wasm !== undefined && to - from <= wasm.capacity) {
    const declined = new RowCounts();
    try {
      const out = wasm.format(chunk, from, to, (row, into) => formatRows(chunk, row, row + 1, into, declined));
      counts.withStep += out.withStep + declined.withStep;
      counts.numeric += out.numeric + declined.numeric;
      return out.bytes;
    } catch {
      // Never expected (the module cannot trap on any row); were it to, JavaScript writes this and every later row.
      wasmFailed = true;
    }
  }
  return scratch.subarray(0, formatRows(chunk, from, to, scratch, counts));
}

let wasmFailed = false;

/** The JavaScript formatter: rows `[from, to)` at the start of `buf`, returning the bytes written. */
function formatRows(chunk: MetricChunk, from: number, to: number, buf: Buffer, counts: RowCounts): number {
  const { steps, ts, values } = chunk;
  let o = 0;
  for (let i = from; i < to; i++) {
    const step = steps[i]!;
    const value = values[i]!;
    if (step === step) counts.withStep++;
    if (value === value) counts.numeric++;
    o += buf.write(`\n${step === step ? step : ''}|${formatUtcMicros(ts[i]!)}|${formatPyFloat(value)}`, o, 'latin1');
  }
  return o;
}

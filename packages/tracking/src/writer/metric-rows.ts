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

/** Metric rows as bytes, with the counts the summaries need (saves them a second pass). */
export interface FormattedRows {
  /** The rows' bytes. */
  readonly bytes: Buffer;
  /** Rows with a step. */
  readonly withStep: number;
  /** Rows whose value is not NaN. */
  readonly numeric: number;
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
 * @returns the rows, whose bytes are valid until the next call
 */
export function formatMetricRows(chunk: MetricChunk, from: number, to: number, scratch: Buffer): FormattedRows {
  const wasm = wasmFailed ? undefined : wasmMetricRows();
  if (wasm !== undefined && to - from <= wasm.capacity) {
    try {
      return wasm.format(chunk, from, to, (row, into) => formatRows(chunk, row, row + 1, into));
    } catch {
      // Never expected (the module cannot trap on any row); were it to, JavaScript writes this and every later row.
      wasmFailed = true;
    }
  }
  return formatRows(chunk, from, to, scratch);
}

let wasmFailed = false;

/** The JavaScript formatter: rows `[from, to)` at the start of `buf`. */
function formatRows(chunk: MetricChunk, from: number, to: number, buf: Buffer): FormattedRows {
  const { steps, ts, values } = chunk;
  let o = 0;
  let withStep = 0;
  let numeric = 0;
  for (let i = from; i < to; i++) {
    const step = steps[i]!;
    const value = values[i]!;
    if (step === step) withStep++;
    if (value === value) numeric++;
    o += buf.write(`\n${step === step ? step : ''}|${formatUtcMicros(ts[i]!)}|${formatPyFloat(value)}`, o, 'latin1');
  }
  return { bytes: buf.subarray(0, o), withStep, numeric };
}

import { lazyWasm } from '../wasm/load-wasm';
import type { FormattedRows } from './metric-rows';
import { METRIC_ROWS_WASM } from './metric-rows-wasm-binary';

/** What assembly/metric-rows.ts exports. */
interface MetricRowsExports {
  readonly memory: WebAssembly.Memory;
  layout(field: number): number;
  format(from: number, to: number, at: number): number;
  stoppedAt(): number;
  rowsWithStep(): number;
  numericRows(): number;
  resetCounts(): void;
}

/** Metric rows as three columns: steps (NaN: none), epoch microseconds and values (a `MetricChunk` is one). */
export interface RowColumns {
  readonly steps: Float64Array;
  readonly ts: Float64Array;
  readonly values: Float64Array;
}

/**
 * The metric-row formatter compiled to WebAssembly (assembly/metric-rows.ts):
 * the same bytes as the JavaScript formatter, without its warm-up in a fresh
 * process. Rows it declines (a step that is not a safe integer, a time
 * outside years 1970-9999, a value its shortest-digits proof gives up on)
 * are handed back to the caller.
 */
export class WasmMetricRows {
  /** Rows one {@link WasmMetricRows.format} call takes at most. */
  readonly capacity: number;
  private readonly exports: MetricRowsExports;
  private readonly columns: Float64Array;
  private readonly bytes: Buffer;
  private readonly steps: number;
  private readonly ts: number;
  private readonly values: number;
  private readonly out: number;

  /** @param exports - the instance's exports */
  constructor(exports: MetricRowsExports) {
    this.exports = exports;
    const { buffer } = exports.memory;
    if (exports.layout(5) > buffer.byteLength) throw new Error('metric-rows: the module memory is smaller than its layout');
    this.columns = new Float64Array(buffer);
    this.bytes = Buffer.from(buffer);
    this.steps = exports.layout(0) / 8;
    this.ts = exports.layout(1) / 8;
    this.values = exports.layout(2) / 8;
    this.out = exports.layout(3);
    this.capacity = exports.layout(4);
  }

  /**
   * Formats rows `[from, to)` of `source` (at most {@link WasmMetricRows.capacity}).
   *
   * @param source - the columns
   * @param from - first row
   * @param to - end row (exclusive)
   * @param declined - formats one declined row (its index in `source`) at the start of `into`
   * @returns the rows, whose bytes are a view of the module's memory that the next call overwrites
   */
  format(source: RowColumns, from: number, to: number, declined: (row: number, into: Buffer) => FormattedRows): FormattedRows {
    const n = to - from;
    const { columns, exports } = this;
    columns.set(source.steps.subarray(from, to), this.steps);
    columns.set(source.ts.subarray(from, to), this.ts);
    columns.set(source.values.subarray(from, to), this.values);
    exports.resetCounts();
    let at = 0;
    let withStep = 0;
    let numeric = 0;
    for (let i = 0; ; i++) {
      at = exports.format(i, n, at);
      i = exports.stoppedAt();
      if (i >= n) break;
      const row = declined(from + i, this.bytes.subarray(this.out + at));
      at += row.bytes.length;
      withStep += row.withStep;
      numeric += row.numeric;
    }
    return { bytes: this.bytes.subarray(this.out, this.out + at), withStep: withStep + exports.rowsWithStep(), numeric: numeric + exports.numericRows() };
  }
}

/**
 * The process's {@link WasmMetricRows}, instantiated on first use; `undefined`
 * where WebAssembly is not available, and the caller formats in JavaScript.
 */
export const wasmMetricRows = lazyWasm(METRIC_ROWS_WASM, (exports) => new WasmMetricRows(exports as unknown as MetricRowsExports));

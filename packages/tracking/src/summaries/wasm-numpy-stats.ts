import { lazyWasm } from '../wasm/load-wasm';
import { NUMPY_STATS_WASM } from './numpy-stats-wasm-binary';

/** What assembly/numpy-stats.ts exports. */
interface NumpyStatsExports {
  readonly memory: WebAssembly.Memory;
  column(): number;
  pairwiseSum(n: number, shift: number): number;
  toKeys(n: number): void;
  select(n: number, from: number, k: number): number;
}

const PAGE = 65_536;

/**
 * numpy's pairwise sums and exact order statistics of one float64 column,
 * compiled to WebAssembly (assembly/numpy-stats.ts): the same numbers as
 * the JavaScript in `numpy-stats.ts` and a full sort, without their warm-up
 * in a fresh process.
 */
export class WasmNumpyStats {
  private readonly exports: NumpyStatsExports;

  /** @param exports - the instance's exports */
  constructor(exports: NumpyStatsExports) {
    this.exports = exports;
  }

  /**
   * Room for `n` values in the module's memory (grown as needed), to fill
   * before {@link WasmNumpyStats.sum} and {@link WasmNumpyStats.orderStatistics}.
   *
   * @param n - values
   * @returns a view that later calls of this method may detach
   */
  column(n: number): Float64Array {
    const { memory } = this.exports;
    const start = this.exports.column();
    const needed = start + n * 8;
    if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    return new Float64Array(memory.buffer, start, n);
  }

  /**
   * numpy's pairwise sum of the column's first `n` values, or of
   * `(value - shift)^2` when `shift` is given.
   *
   * @param n - values
   * @param shift - subtracted before squaring (variance), or NaN for the plain sum
   * @returns the sum
   */
  sum(n: number, shift = Number.NaN): number {
    return this.exports.pairwiseSum(n, shift);
  }

  /**
   * The values an ascending sort of the column's first `n` values (no NaN)
   * puts at `ranks`, -0 before +0 as `Float64Array#sort`. The column is
   * reordered: sum first.
   *
   * @param n - values
   * @param ranks - the ranks, in any order, each in `[0, n)`
   * @returns the value at each rank, in the order of `ranks`
   */
  orderStatistics(n: number, ranks: readonly number[]): number[] {
    this.exports.toKeys(n);
    const found = new Map<number, number>();
    let from = 0;
    for (const rank of [...new Set(ranks)].sort((a, b) => a - b)) {
      found.set(rank, this.exports.select(n, from, rank));
      from = rank;
    }
    return ranks.map((rank) => found.get(rank)!);
  }
}

/**
 * The process's {@link WasmNumpyStats}, instantiated on first use;
 * `undefined` where WebAssembly is not available, and the caller computes
 * in JavaScript.
 */
export const wasmNumpyStats = lazyWasm(NUMPY_STATS_WASM, (exports) => new WasmNumpyStats(exports as unknown as NumpyStatsExports));

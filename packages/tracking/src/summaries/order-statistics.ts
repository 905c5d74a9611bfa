import type { ValueStore } from './value-store';

/** Values read per block while scanning a store. */
const BLOCK = 1 << 14;
/** Candidates small enough to collect and sort instead of refining by another 16 bits. */
const COLLECT_LIMIT = 1 << 15;
/** Stores up to this many values (2 MiB) are sorted in one go: faster than several passes. */
const SORT_LIMIT = 1 << 18;

/**
 * Calls `visit(hi, lo, value)` for every non-NaN value of `store`, where
 * `(hi, lo)` is the value's order-preserving 64-bit key as two unsigned
 * 32-bit halves (negative numbers have every bit flipped, others the sign
 * bit): unsigned key order is numeric order with -0 before +0, like
 * `Float64Array.prototype.sort`.
 */
function scanKeys(store: ValueStore, visit: (hi: number, lo: number, value: number) => void): void {
  const block = new Float64Array(BLOCK);
  const words = new Uint32Array(block.buffer);
  const reader = store.reader();
  for (let left = store.length; left > 0; ) {
    const n = Math.min(left, BLOCK);
    reader.read(block, n);
    for (let i = 0; i < n; i++) {
      const value = block[i]!;
      if (value !== value) continue;
      const hi = words[2 * i + 1]!;
      const lo = words[2 * i]!;
      if (hi >= 0x80000000) visit(~hi >>> 0, ~lo >>> 0, value);
      else visit((hi | 0x80000000) >>> 0, lo, value);
    }
    left -= n;
  }
}

/** The 16-bit digit of a key at `level` (0: the highest). */
function digit(hi: number, lo: number, level: number): number {
  switch (level) {
    case 0:
      return hi >>> 16;
    case 1:
      return hi & 0xffff;
    case 2:
      return lo >>> 16;
    default:
      return lo & 0xffff;
  }
}

/** Values whose key starts with the same `level` digits, holding some of the wanted ranks. */
interface Group {
  level: number;
  hi: number;
  lo: number;
  /** Rank of the group's first value among all values. */
  base: number;
  size: number;
  ranks: number[];
  counts: Uint32Array | undefined;
  collected: Float64Array | undefined;
  filled: number;
}

function matches(group: Group, hi: number, lo: number): boolean {
  switch (group.level) {
    case 0:
      return true;
    case 1:
      return hi >>> 16 === group.hi >>> 16;
    case 2:
      return hi === group.hi;
    case 3:
      return hi === group.hi && lo >>> 16 === group.lo >>> 16;
    default:
      return hi === group.hi && lo === group.lo;
  }
}

function keyToValue(hi: number, lo: number): number {
  const words = new Uint32Array(2);
  if (hi >= 0x80000000) {
    words[1] = hi & 0x7fffffff;
    words[0] = lo;
  } else {
    words[1] = ~hi >>> 0;
    words[0] = ~lo >>> 0;
  }
  return new Float64Array(words.buffer)[0]!;
}

/**
 * The values at the given ranks (0-based, ascending order, NaN left out) of
 * the values in `store`, without sorting or holding them: radix selection on
 * the float bits, 16 bits per pass over the store, until the candidates of
 * each rank are few enough to sort (at most 32,768) or share one value. Up to
 * five passes; memory is one 256 KiB histogram per distinct candidate bucket.
 * Stores of at most 262,144 values are simply copied and sorted.
 *
 * @param store - the values
 * @param count - how many of them are not NaN
 * @param ranks - wanted ranks, each in `[0, count)`
 * @returns the value at each rank, in the order of `ranks`
 */
export function orderStatistics(store: ValueStore, count: number, ranks: readonly number[]): number[] {
  if (store.length <= SORT_LIMIT) return sortedRanks(store, ranks);
  const found = new Map<number, number>();
  let groups: Group[] = [newGroup(0, 0, 0, 0, count, [...new Set(ranks)].sort((a, b) => a - b))];
  while (groups.length > 0) {
    const active = groups;
    scanKeys(store, (hi, lo, value) => {
      for (const group of active) {
        if (!matches(group, hi, lo)) continue;
        if (group.collected !== undefined) group.collected[group.filled++] = value;
        else {
          const counts = group.counts!;
          const d = digit(hi, lo, group.level);
          counts[d] = counts[d]! + 1;
        }
      }
    });
    groups = [];
    for (const group of active) {
      if (group.collected !== undefined) {
        const sorted = group.collected.sort();
        for (const rank of group.ranks) found.set(rank, sorted[rank - group.base]!);
        continue;
      }
      groups.push(...split(group, found));
    }
  }
  return ranks.map((rank) => found.get(rank)!);
}

/** Small stores: one native sort of the non-NaN values (same order as the selection). */
function sortedRanks(store: ValueStore, ranks: readonly number[]): number[] {
  const all = new Float64Array(store.length);
  store.reader().read(all, store.length);
  let n = 0;
  for (let i = 0; i < all.length; i++) {
    const v = all[i]!;
    if (v === v) all[n++] = v;
  }
  const sorted = all.subarray(0, n).sort();
  return ranks.map((rank) => sorted[rank]!);
}

function newGroup(level: number, hi: number, lo: number, base: number, size: number, ranks: number[]): Group {
  const collect = size <= COLLECT_LIMIT;
  return {
    level, hi, lo, base, size, ranks,
    counts: collect ? undefined : new Uint32Array(1 << 16),
    collected: collect ? new Float64Array(size) : undefined,
    filled: 0,
  };
}

/** Narrows a counted group to the buckets holding its ranks; a bucket of one key resolves its ranks. */
function split(group: Group, found: Map<number, number>): Group[] {
  const counts = group.counts!;
  const out: Group[] = [];
  let bucket = 0;
  let before = group.base;
  let current: Group | undefined;
  for (const rank of group.ranks) {
    while (before + counts[bucket]! <= rank) before += counts[bucket++]!;
    const level = group.level + 1;
    const hi = level === 1 ? (bucket << 16) >>> 0 : level === 2 ? (group.hi | bucket) >>> 0 : group.hi;
    const lo = level === 3 ? (bucket << 16) >>> 0 : level === 4 ? (group.lo | bucket) >>> 0 : group.lo;
    if (level === 4) {
      found.set(rank, keyToValue(hi, lo));
      continue;
    }
    if (current !== undefined && current.hi === hi && current.lo === lo) {
      current.ranks.push(rank);
      continue;
    }
    current = newGroup(level, hi, lo, before, counts[bucket]!, [rank]);
    out.push(current);
  }
  return out;
}

// numpy's pairwise sums and exact order statistics of a float64 column, compiled to
// WebAssembly by ../scripts/build-wasm.mjs and loaded by src/summaries/wasm-numpy-stats.ts.
// The same sums as the JavaScript in src/summaries/numpy-stats.ts (numpy's block
// order, so means and standard deviations match pandas bit for bit), and the values a
// full ascending sort would put at the ranks asked for (-0 before +0, as
// Float64Array#sort), found by selection instead of a sort. WebAssembly because the
// end-of-run summaries of a fresh process otherwise run before the engine has
// optimised them. Nothing here allocates: the column starts where the heap would,
// and the caller grows the memory to fit it.

/** numpy's pairwise block size. */
const LEAF: i32 = 128;
/** Where the column starts. */
const COLUMN: usize = (__heap_base + 15) & ~(15 as usize);
const SIGN: u64 = 0x8000000000000000;

/** Byte offset of the column (float64 values; the caller writes them there). */
export function column(): i32 {
  return <i32>COLUMN;
}

/**
 * numpy's pairwise sum of the first `n` values of the column, or of
 * `(value - shift)^2` when `shift` is a number (numpy's variance step).
 */
export function pairwiseSum(n: i32, shift: f64): f64 {
  return sumBlock(COLUMN, n, shift, shift == shift);
}

function term(p: usize, i: i32, shift: f64, squares: bool): f64 {
  const v = load<f64>(p + (<usize>i << 3));
  if (!squares) return v;
  const d = v - shift;
  return d * d;
}

function sumBlock(p: usize, n: i32, shift: f64, squares: bool): f64 {
  if (n < 8) {
    let res: f64 = 0;
    for (let i = 0; i < n; i++) res += term(p, i, shift, squares);
    return res;
  }
  if (n <= LEAF) {
    let r0 = term(p, 0, shift, squares);
    let r1 = term(p, 1, shift, squares);
    let r2 = term(p, 2, shift, squares);
    let r3 = term(p, 3, shift, squares);
    let r4 = term(p, 4, shift, squares);
    let r5 = term(p, 5, shift, squares);
    let r6 = term(p, 6, shift, squares);
    let r7 = term(p, 7, shift, squares);
    const blocks = n - (n % 8);
    let i = 8;
    for (; i < blocks; i += 8) {
      r0 += term(p, i, shift, squares);
      r1 += term(p, i + 1, shift, squares);
      r2 += term(p, i + 2, shift, squares);
      r3 += term(p, i + 3, shift, squares);
      r4 += term(p, i + 4, shift, squares);
      r5 += term(p, i + 5, shift, squares);
      r6 += term(p, i + 6, shift, squares);
      r7 += term(p, i + 7, shift, squares);
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += term(p, i, shift, squares);
    return res;
  }
  let n2 = n / 2;
  n2 -= n2 % 8;
  return sumBlock(p, n2, shift, squares) + sumBlock(p + (<usize>n2 << 3), n - n2, shift, squares);
}

/**
 * Turns the first `n` values (no NaN) into sort keys in place: unsigned
 * order of the keys is the ascending order of the values, -0 before +0.
 */
export function toKeys(n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = COLUMN + (<usize>i << 3);
    const bits = load<u64>(p);
    store<u64>(p, (bits & SIGN) != 0 ? ~bits : bits | SIGN);
  }
}

/**
 * The value at rank `k` of the keys `[from, n)` (after {@link toKeys}),
 * leaving smaller keys before it and larger ones after, so the next larger
 * rank can start its search at `k`.
 */
export function select(n: i32, from: i32, k: i32): f64 {
  let lo = from;
  let hi = n - 1;
  // Quickselect with a median of three; past this many rounds the range is sorted outright (introselect).
  let budget = 2 * (32 - clz<i32>(n)) + 8;
  while (hi > lo) {
    if (hi - lo < 16 || budget-- == 0) {
      heapSort(lo, hi);
      break;
    }
    const mid = lo + ((hi - lo) >> 1);
    if (key(mid) < key(lo)) swap(mid, lo);
    if (key(hi) < key(lo)) swap(hi, lo);
    if (key(hi) < key(mid)) swap(hi, mid);
    const pivot = key(mid);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (key(i) < pivot) i++;
      while (key(j) > pivot) j--;
      if (i <= j) {
        swap(i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  const found = key(k);
  return reinterpret<f64>((found & SIGN) != 0 ? found ^ SIGN : ~found);
}

function key(i: i32): u64 {
  return load<u64>(COLUMN + (<usize>i << 3));
}

function swap(a: i32, b: i32): void {
  const t = key(a);
  store<u64>(COLUMN + (<usize>a << 3), key(b));
  store<u64>(COLUMN + (<usize>b << 3), t);
}

/** Sorts keys `[lo, hi]` ascending in O(n log n). */
function heapSort(lo: i32, hi: i32): void {
  const n = hi - lo + 1;
  for (let start = (n >> 1) - 1; start >= 0; start--) siftDown(lo, start, n);
  for (let end = n - 1; end > 0; end--) {
    swap(lo, lo + end);
    siftDown(lo, 0, end);
  }
}

function siftDown(lo: i32, root: i32, n: i32): void {
  for (;;) {
    let child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && key(lo + child + 1) > key(lo + child)) child++;
    if (key(lo + root) >= key(lo + child)) return;
    swap(lo + root, lo + child);
    root = child;
  }
}

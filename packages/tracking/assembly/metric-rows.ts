// Metric rows as bytes, compiled to WebAssembly by ../scripts/build-wasm.mjs:
// `\n<step>|<YYYY-MM-DD HH:MM:SS[.ffffff]+00:00>|<Python repr of the value>`,
// the rows of upstream's metric event files. Loaded by src/writer/wasm-metric-rows.ts;
// the rows it declines are written by src/writer/metric-rows.ts instead.
//
// WebAssembly rather than JavaScript because a fresh process runs JavaScript
// unoptimised until the engine has compiled it, and formatting is most of the
// work of a run's last flush; WebAssembly runs compiled from its first call.
// AssemblyScript, not TypeScript: i32/i64/f64 are machine types, and f64
// arithmetic is IEEE-754 exactly as in JavaScript (WebAssembly never fuses or
// reorders float operations). Nothing here allocates: the layout below starts
// where the heap would.

/** Rows per call: the size of the input columns. */
const ROWS: i32 = 4096;
/** Bytes one row can take at most (as MAX_ROW_BYTES in metric-rows.ts). */
const ROW_BYTES: i32 = 96;

// Layout above the static data: three input columns of ROWS float64, then the output.
const BASE: usize = (__heap_base + 15) & ~(15 as usize);
const STEPS: usize = BASE;
const TS: usize = STEPS + ROWS * 8;
const VALUES: usize = TS + ROWS * 8;
const OUT: usize = VALUES + ROWS * 8;
/** Bytes of memory the layout needs. */
const END: usize = OUT + ROWS * ROW_BYTES;

const ASCII_0: u8 = 48;
const EPS: f64 = 1e-9;
const SPLIT: f64 = 134217729;
const LOG10_2: f64 = 0.30102999566398120;

const P10: StaticArray<f64> = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const NEAR_P10: StaticArray<f64> = [1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17];

let stopped: i32 = 0;
let withStep: i32 = 0;
let numeric: i32 = 0;
let prefixSecond: f64 = NaN;
/** `YYYY-MM-DD HH:MM:SS` of `prefixSecond` (static, below the layout). */
const PREFIX: usize = memory.data(19);
/** "00" to "99" as 200 bytes. */
const PAIRS: usize = memory.data<u8>([
  48, 48, 48, 49, 48, 50, 48, 51, 48, 52, 48, 53, 48, 54, 48, 55, 48, 56, 48, 57,
  49, 48, 49, 49, 49, 50, 49, 51, 49, 52, 49, 53, 49, 54, 49, 55, 49, 56, 49, 57,
  50, 48, 50, 49, 50, 50, 50, 51, 50, 52, 50, 53, 50, 54, 50, 55, 50, 56, 50, 57,
  51, 48, 51, 49, 51, 50, 51, 51, 51, 52, 51, 53, 51, 54, 51, 55, 51, 56, 51, 57,
  52, 48, 52, 49, 52, 50, 52, 51, 52, 52, 52, 53, 52, 54, 52, 55, 52, 56, 52, 57,
  53, 48, 53, 49, 53, 50, 53, 51, 53, 52, 53, 53, 53, 54, 53, 55, 53, 56, 53, 57,
  54, 48, 54, 49, 54, 50, 54, 51, 54, 52, 54, 53, 54, 54, 54, 55, 54, 56, 54, 57,
  55, 48, 55, 49, 55, 50, 55, 51, 55, 52, 55, 53, 55, 54, 55, 55, 55, 56, 55, 57,
  56, 48, 56, 49, 56, 50, 56, 51, 56, 52, 56, 53, 56, 54, 56, 55, 56, 56, 56, 57,
  57, 48, 57, 49, 57, 50, 57, 51, 57, 52, 57, 53, 57, 54, 57, 55, 57, 56, 57, 57,
]);

/** The layout: 0-3 where the step, time and value columns and the output start, 4 the rows they hold, 5 the bytes used. */
export function layout(field: i32): i32 {
  if (field == 0) return <i32>STEPS;
  if (field == 1) return <i32>TS;
  if (field == 2) return <i32>VALUES;
  if (field == 3) return <i32>OUT;
  if (field == 4) return ROWS;
  return <i32>END;
}

/** The row the last {@link format} stopped at (`to` when it formatted every row). */
export function stoppedAt(): i32 {
  return stopped;
}

/** Rows formatted with a step since the last {@link resetCounts}. */
export function rowsWithStep(): i32 {
  return withStep;
}

/** Rows formatted whose value is not NaN since the last {@link resetCounts}. */
export function numericRows(): i32 {
  return numeric;
}

/** Zeroes the counts. */
export function resetCounts(): void {
  withStep = 0;
  numeric = 0;
}

/**
 * Formats input rows `[from, to)` at output offset `at`, up to the first row
 * it declines (a step that is not a safe integer, a time outside years
 * 1970-9999, a value the shortest-digits proof gives up on). Returns the
 * output offset after the last complete row; {@link stoppedAt} tells where it stopped.
 */
export function format(from: i32, to: i32, at: i32): i32 {
  let o: usize = OUT + <usize>at;
  let i = from;
  for (; i < to; i++) {
    const rowStart = o;
    const step = load<f64>(STEPS + (<usize>i << 3));
    const micros = load<f64>(TS + (<usize>i << 3));
    const value = load<f64>(VALUES + (<usize>i << 3));
    store<u8>(o++, 10);
    let stepped = false;
    if (step == step) {
      if (!(step == Math.floor(step) && Math.abs(step) <= 9007199254740991)) {
        o = rowStart;
        break;
      }
      o = writeInt(o, <i64>step);
      stepped = true;
    }
    store<u8>(o++, 124);
    const second = Math.floor(micros / 1e6);
    if (!(second >= 0 && second < 253402300800)) {
      o = rowStart;
      break;
    }
    if (second != prefixSecond) cachePrefix(second);
    // 19 bytes as 8 + 8 + 2 + 1 (memory.copy is a call into the engine)
    store<u64>(o, load<u64>(PREFIX));
    store<u64>(o + 8, load<u64>(PREFIX + 8));
    store<u16>(o + 16, load<u16>(PREFIX + 16));
    store<u8>(o + 18, load<u8>(PREFIX + 18));
    o += 19;
    const frac = <i32>(micros - second * 1e6);
    if (frac != 0) {
      const high = frac / 10000;
      const rest = frac - high * 10000;
      const mid = rest / 100;
      const low = rest - mid * 100;
      store<u8>(o, 46);
      o = writePair(o + 1, high);
      o = writePair(o, mid);
      o = writePair(o, low);
    }
    // +00:00|
    store<u32>(o, 0x30302b | (0x3a << 24));
    store<u16>(o + 4, 0x3030);
    store<u8>(o + 6, 124);
    const end = writePyFloat(o + 7, value);
    if (end == 0) {
      o = rowStart;
      break;
    }
    o = end;
    if (stepped) withStep++;
    if (value == value) numeric++;
  }
  stopped = i;
  return <i32>(o - OUT);
}

function writePair(o: usize, v: i32): usize {
  store<u16>(o, load<u16>(PAIRS + (<usize>v << 1)));
  return o + 2;
}

function writeInt(o: usize, value: i64): usize {
  if (value < 0) {
    store<u8>(o++, 45);
    value = -value;
  }
  if (value >= 100000000) {
    // The digits above the last 8, then those 8.
    const high = value / 100000000;
    o = writeInt(o, high);
    return writeDigits(o, 8, <u32>(value - high * 100000000));
  }
  const v = <u32>value;
  const digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : 8;
  return writeDigits(o, digits, v);
}

/** The last `digits` decimal digits of `v`, zero-padded, two at a time. */
function writeDigits(o: usize, digits: i32, v: u32): usize {
  let p = o + <usize>digits;
  while (p - o >= 2) {
    const q = v / 100;
    p -= 2;
    store<u16>(p, load<u16>(PAIRS + ((<usize>(v - q * 100)) << 1)));
    v = q;
  }
  if (p > o) store<u8>(o, ASCII_0 + <u8>v);
  return o + <usize>digits;
}

function cachePrefix(second: f64): void {
  prefixSecond = second;
  const s = <i64>second;
  const days = <i32>(s / 86400);
  const daySecond = <i32>(s - <i64>days * 86400);
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  const z = days + 719468;
  const era = z / 146097;
  const doe = z - era * 146097;
  const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const mp = (5 * doy + 2) / 153;
  const day = doy - (153 * mp + 2) / 5 + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const p = PREFIX;
  writePair(p, year / 100);
  writePair(p + 2, year % 100);
  store<u8>(p + 4, 45);
  writePair(p + 5, month);
  store<u8>(p + 7, 45);
  writePair(p + 8, day);
  store<u8>(p + 10, 32);
  writePair(p + 11, daySecond / 3600);
  store<u8>(p + 13, 58);
  writePair(p + 14, (daySecond / 60) % 60);
  store<u8>(p + 16, 58);
  writePair(p + 17, daySecond % 60);
}

function writeText(o: usize, text: u64, length: i32): usize {
  // Little-endian: the first byte is the lowest.
  for (let k = 0; k < length; k++) store<u8>(o + k, <u8>(text >> (<u64>k * 8)));
  return o + length;
}

/** Python's repr of `value` at `o`; 0 when declined. */
function writePyFloat(o: usize, value: f64): usize {
  const abs = Math.abs(value);
  if (abs >= 1e-4 && abs < 2147483648 && value == Math.floor(value)) {
    o = writeInt(o, <i64>value);
    store<u16>(o, 0x302e);
    return o + 2;
  }
  if (value != value) return writeText(o, 0x6e616e, 3); // nan
  const negative = (reinterpret<u64>(value) >> 63) != 0;
  if (abs == 0) return writeText(o, negative ? 0x302e302d : 0x302e30, negative ? 4 : 3); // -0.0 / 0.0
  if (abs == Infinity) return writeText(o, negative ? 0x666e692d : 0x666e69, negative ? 4 : 3); // -inf / inf
  const end = writeShortestRepr(negative ? o + 1 : o, abs);
  if (end == 0) return 0;
  if (negative) store<u8>(o, 45);
  return end;
}

/** JavaScript's Math.round on [0, 200): ties towards +infinity. */
function roundHalfUp(t: f64): f64 {
  const r = Math.floor(t);
  return t - r >= 0.5 ? r + 1 : r;
}

/**
 * Python's repr of a positive finite double `x` at `offset`, or 0 when it
 * cannot prove the digits. Python prints the shortest digit string that
 * reads back as the same double (the nearest one when several are as
 * short). Here `x` is scaled by an exact power of ten into S in [1e14, 1e15)
 * held exactly as hi + lo (Dekker's product); the integer nearest S is the
 * 15-digit answer when it lies inside the double's rounding interval, else
 * one or two more digits are tried. Every comparison keeps a guard band
 * around boundaries and ties, and values outside about [1e-8, 1e15) are
 * declined: the caller then uses the engine's text.
 */
function writeShortestRepr(offset: usize, x: f64): usize {
  const bits = reinterpret<u64>(x);
  const e2 = <i32>(bits >> 52) - 1023;
  // Subnormals, huge values and infinities are declined.
  if (e2 < -64 || e2 > 64) return 0;
  // Decimal exponent: floor(e2 log10 2), or one more.
  let e10 = <i32>Math.floor(<f64>e2 * LOG10_2);
  const near = e10 + 11;
  if (near >= 0 && near < 28 && x >= unchecked(NEAR_P10[near])) e10++;
  // S = x * 10^k = hi + lo exactly (Dekker's TwoProduct, with the halves of x and of 10^k).
  const c = SPLIT * x;
  const xh = c - (c - x);
  const xl = x - xh;
  let k = 14 - e10;
  let hi: f64 = 0;
  let lo: f64 = 0;
  for (let attempt = 0; ; attempt++) {
    if (k < 0 || k > 22) return 0;
    const p = unchecked(P10[k]);
    const pc = SPLIT * p;
    const ph = pc - (pc - p);
    const pl = p - ph;
    hi = x * p;
    lo = xh * ph - hi + xh * pl + xl * ph + xl * pl;
    if (hi >= 1e14 && !(hi == 1e14 && lo < 0)) break;
    // x = fl(10^e10) just below 10^e10: one decade lower.
    if (attempt > 0) return 0;
    e10--;
    k++;
  }
  if (hi > 1e15 || (hi == 1e15 && lo >= 0)) return 0;
  // Half the gap to the next double above, scaled: 2^(e2 - 53) * 10^k, exact.
  const up = reinterpret<f64>(<u64>(e2 - 53 + 1023) << 52) * unchecked(P10[k]);
  // A mantissa of exactly 1.0: the gap below is half the gap above.
  const down = (bits & 0xfffffffffffff) == 0 ? up / 2 : up;
  // S = int + frac, int = floor(S), frac in [0, 1).
  let int = Math.floor(hi);
  let frac = lo;
  if (int != hi) frac = hi - int + lo;
  else if (lo < 0) {
    int -= 1;
    frac = 1 + lo;
  }
  // 15 digits when the integer nearest S is inside (S - down, S + up): the interval is narrower than 1.
  const below = frac < 0.5;
  const dist = below ? frac : 1 - frac;
  const limit = below ? down : up;
  let tail: i32 = 0;
  let tailLength: i32 = 0;
  if (dist < limit - EPS) {
    if (!below) int++;
    if (int == 1e15) {
      int = 1e14;
      e10++;
    }
  } else {
    if (dist <= limit + EPS || down != up) return 0;
    // 16 digits, else 17: the multiple of 1/10 (1/100) nearest S, if inside the interval. An exact
    // tie (S a short binary fraction held whole in hi, lo 0) goes to the even digit, as the engine's does.
    for (let scale: f64 = 10; ; scale = 100) {
      const t = frac * scale;
      let rounded = roundHalfUp(t);
      if (rounded - t == 0.5 && lo == 0 && (<i32>rounded & 1) == 1) rounded -= 1;
      tail = <i32>rounded;
      const d = t > rounded ? t - rounded : rounded - t;
      if (d > 0.5 - EPS && !(d == 0.5 && lo == 0)) return 0;
      tailLength++;
      if (d < scale * up - EPS) break;
      if (d <= scale * up + EPS || scale == 100) return 0;
    }
    // A carry or a trailing zero would mean a shorter candidate was missed.
    if (tail % 10 == 0 || tail >= (tailLength == 1 ? 10 : 100)) return 0;
  }
  if (e10 > 14) return 0;

  // Digits (int's 15, then the tail's) are written backwards from the end, starting at `start`: after
  // `0.000` for -4 <= e10 < 0, else one byte right so the integer digits can move left of a point.
  const start: usize = e10 < 0 && e10 >= -4 ? offset + 1 - <usize>e10 : offset + 1;
  let p: usize = start + 15 + <usize>tailLength;
  if (tailLength == 2) {
    p -= 2;
    writePair(p, tail);
  } else if (tailLength == 1) store<u8>(--p, ASCII_0 + <u8>tail);
  // 15 digits: 8 from the low part and 7 from the high one, two at a time.
  const upper = Math.floor(int / 1e8);
  let half = <i32>(int - upper * 1e8);
  for (let i = 0; i < 7; i++) {
    if (i == 4) half = <i32>upper;
    const q = half / 100;
    p -= 2;
    writePair(p, half - q * 100);
    half = q;
  }
  store<u8>(--p, ASCII_0 + <u8>half);
  let end: usize = start + 15 + <usize>tailLength;
  while (load<u8>(end - 1) == ASCII_0) end--;
  if (start != offset + 1) {
    // 0.000ddd
    store<u8>(offset, ASCII_0);
    store<u8>(offset + 1, 46);
    for (let i = offset + 2; i < start; i++) store<u8>(i, ASCII_0);
    return end;
  }
  if (e10 >= 0) {
    // ddd.ddd: the first e10 + 1 digits move left of the point.
    for (let i = offset; i <= offset + <usize>e10; i++) store<u8>(i, load<u8>(i + 1));
    const point = offset + <usize>e10 + 1;
    store<u8>(point, 46);
    if (end > point + 1) return end;
    store<u8>(point + 1, ASCII_0);
    return point + 2;
  }
  // d.ddde-XX
  store<u8>(offset, load<u8>(offset + 1));
  if (end > offset + 2) store<u8>(offset + 1, 46);
  else end = offset + 1;
  const exp = e10 < 0 ? -e10 : e10;
  store<u8>(end, 101);
  store<u8>(end + 1, e10 < 0 ? 45 : 43);
  writePair(end + 2, exp);
  return end + 4;
}

/**
 * Python's `repr` of a positive double, written as bytes without building a
 * string, for the common case only. Both Python and JavaScript print the
 * shortest digit string that reads back as the same double (the nearest one
 * when several are as short); this module finds those digits with exact
 * double-double arithmetic (Dekker's product) instead of the engine's
 * `Number#toString`, which costs ~300 ns a value in a cold process.
 *
 * It proves its answer or gives up: values outside about [1e-8, 1e15),
 * subnormals, and every case where a compared distance falls within a
 * guard band of a rounding boundary or a tie return -1, and the caller uses
 * the engine's text. Hand-written because no npm package writes Python's
 * notation straight into a buffer.
 */

const ASCII_0 = 48;
/** Guard band, in scaled units (the computed distances are exact to ~1e-15). */
const EPS = 1e-9;
/** Dekker's split constant for doubles: 2^27 + 1. */
const SPLIT = 134217729;
/** log10(2), to estimate the decimal exponent from the binary one. */
const LOG10_2 = 0.30102999566398120;

/** Exact powers of ten 10^0..10^22, with their Dekker halves. */
const P10 = new Float64Array(23);
const P10_HI = new Float64Array(23);
const P10_LO = new Float64Array(23);
for (let k = 0; k <= 22; k++) {
  const p = Number(`1e${k}`);
  const c = SPLIT * p;
  const hi = c - (c - p);
  P10[k] = p;
  P10_HI[k] = hi;
  P10_LO[k] = p - hi;
}

/** `fl(10^j)` for j in [-10, 17] (index j + 10), to refine the decimal exponent estimate. */
const NEAR_P10 = Float64Array.from({ length: 28 }, (_, i) => Number(`1e${i - 10}`));
/** 2^(e - 53) (half an ulp of a double of binary exponent e) for e in [-64, 64] (index e + 64). */
const HALF_ULP = Float64Array.from({ length: 129 }, (_, i) => 2 ** (i - 64 - 53));

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the high 32-bit word of a double in `words`. */
const HI = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;

/** ASCII tens and ones digits of 0..99. */
const TENS = Uint8Array.from({ length: 100 }, (_, i) => ASCII_0 + Math.floor(i / 10));
const ONES = Uint8Array.from({ length: 100 }, (_, i) => ASCII_0 + (i % 10));

/** Writes the 4 ASCII digits of `v` (an int in [0, 1e4)) at `o`. */
function fourDigits(buf: Uint8Array, o: number, v: number): void {
  const a = (v / 100) | 0;
  const b = v - a * 100;
  buf[o] = TENS[a]!;
  buf[o + 1] = ONES[a]!;
  buf[o + 2] = TENS[b]!;
  buf[o + 3] = ONES[b]!;
}

/** Writes the 15 ASCII digits of `n` (an integer in [1e14, 1e15)) at `o`. */
function fifteenDigits(buf: Uint8Array, o: number, n: number): void {
  const high = Math.floor(n / 1e8);
  const low = (n - high * 1e8) | 0;
  const h = high | 0;
  const h1 = (h / 10000) | 0;
  const l1 = (low / 10000) | 0;
  const a = (h1 / 100) | 0;
  buf[o] = ASCII_0 + a;
  const b = h1 - a * 100;
  buf[o + 1] = TENS[b]!;
  buf[o + 2] = ONES[b]!;
  fourDigits(buf, o + 3, h - h1 * 10000);
  fourDigits(buf, o + 7, l1);
  fourDigits(buf, o + 11, low - l1 * 10000);
}

/** `lo` of Dekker's TwoProduct: `x * 10^k - hi` exactly, with `x = xh + xl` split and `hi = fl(x * 10^k)`. */
function productError(xh: number, xl: number, k: number, hi: number): number {
  const ph = P10_HI[k]!;
  const pl = P10_LO[k]!;
  return xh * ph - hi + xh * pl + xl * ph + xl * pl;
}

/**
 * Writes Python's `repr` of `x` (a positive finite double) at `offset`,
 * when the fast path can prove the digits.
 *
 * @param buf - the destination (at least 24 bytes free at `offset`)
 * @param offset - where to write
 * @param x - the value, greater than 0
 * @returns the offset after the text, or -1 when the caller must format `x` another way (bytes at `offset` may have been overwritten)
 */
export function writeShortestRepr(buf: Uint8Array, offset: number, x: number): number {
  bits[0] = x;
  const high = words[HI]!;
  const biased = high >>> 20;
  if (biased === 0 || biased >= 0x7ff) return -1;
  const e2 = biased - 1023;
  if (e2 < -64 || e2 > 64) return -1;
  // Decimal exponent: floor(e2 log10 2) or one more.
  let e10 = Math.floor(e2 * LOG10_2);
  if (x >= NEAR_P10[e10 + 11]!) e10++;
  let k = 14 - e10;
  if (k < 0 || k > 22) return -1;
  // S = x * 10^k = hi + lo exactly (Dekker's TwoProduct), S in [1e14, 1e15].
  const c = SPLIT * x;
  const xh = c - (c - x);
  const xl = x - xh;
  let hi = x * P10[k]!;
  let lo = productError(xh, xl, k, hi);
  if (hi < 1e14 || (hi === 1e14 && lo < 0)) {
    // x = fl(10^e10) just below 10^e10: one decade lower (S just below 1e15).
    e10--;
    k++;
    if (k > 22) return -1;
    hi = x * P10[k]!;
    lo = productError(xh, xl, k, hi);
    if (hi < 1e14 || hi > 1e15 || (hi === 1e15 && lo >= 0)) return -1;
  } else if (hi >= 1e15) {
    return -1;
  }
  // Half the gap to the next double above, scaled (exact: 2^m * 10^k).
  const up = HALF_ULP[e2 + 64]! * P10[k]!;
  // A mantissa of exactly 1.0: the gap below is half the gap above.
  const down = (high & 0xfffff) === 0 && words[1 - HI] === 0 ? up / 2 : up;
  // S = int + frac with int = floor(S), frac in [0, 1) (error ~1e-16).
  let int = Math.floor(hi);
  let frac: number;
  if (int !== hi) frac = hi - int + lo;
  else if (lo < 0) {
    int -= 1;
    frac = 1 + lo;
  } else frac = lo;

  // At most 15 digits: the rounding interval (S - down, S + up) is narrower
  // than 1, so it holds at most one integer, the one nearest S.
  // (Both gaps are below 0.12: near frac = 0.5 neither integer is inside.)
  const below = frac < 0.5;
  const dist = below ? frac : 1 - frac;
  const limit = below ? down : up;
  let tail = 0;
  let tailLength = 0;
  if (dist < limit - EPS) {
    if (!below) int++;
    if (int === 1e15) {
      int = 1e14;
      e10++;
      if (e10 > 14) return -1;
    }
  } else {
    if (dist <= limit + EPS || down !== up) return -1;
    // 16 digits: the multiple of 1/10 nearest S, if inside the interval.
    const t = frac * 10;
    tail = nearest(t, lo === 0);
    const d = t > tail ? t - tail : tail - t;
    if (d > 0.5 - EPS && !(d === 0.5 && lo === 0)) return -1;
    tailLength = 1;
    if (d >= 10 * up - EPS) {
      if (d <= 10 * up + EPS) return -1;
      // 17 digits always read back: the multiple of 1/100 nearest S is within 0.005 < up.
      const t2 = frac * 100;
      tail = nearest(t2, lo === 0);
      const d2 = t2 > tail ? t2 - tail : tail - t2;
      if ((d2 > 0.5 - EPS && !(d2 === 0.5 && lo === 0)) || d2 >= 100 * up - EPS) return -1;
      tailLength = 2;
    }
    // A carry into the integer part or a trailing zero would mean a shorter candidate was missed.
    if (tail % 10 === 0 || tail >= 10 ** tailLength) return -1;
  }
  return emit(buf, offset, int, tail, tailLength, e10);
}

/**
 * The integer nearest `t` (a scaled fractional part); an exact tie (`exact`:
 * S is a short binary fraction held whole in `hi`, so `t` is exact) goes to
 * the even neighbour, as the engine's shortest digits do.
 */
function nearest(t: number, exact: boolean): number {
  const g = Math.round(t);
  return exact && g - t === 0.5 && g % 2 === 1 ? g - 1 : g;
}

/**
 * Writes the digits of `head` (15 digits) then `tail` (`tailLength` digits),
 * trailing zeros removed, as a number of decimal exponent `e` (at most 14)
 * in Python's notation: fixed for `-4 <= e`, else `d.ddde-XX`.
 */
function emit(buf: Uint8Array, o: number, head: number, tail: number, tailLength: number, e: number): number {
  if (e < 0 && e >= -4) {
    // 0.000ddd
    buf[o++] = ASCII_0;
    buf[o++] = 46;
    for (let i = -1; i > e; i--) buf[o++] = ASCII_0;
    return stripZeros(buf, o, writeTail(buf, o + 15, tail, tailLength, head, o));
  }
  // Digits one byte to the right, then the first e + 1 of them (or the first) moved left around the point.
  const end = stripZeros(buf, o + 1, writeTail(buf, o + 16, tail, tailLength, head, o + 1));
  if (e >= 0) {
    for (let i = 0; i <= e; i++) buf[o + i] = buf[o + 1 + i]!;
    const point = o + e + 1;
    buf[point] = 46;
    if (end > point + 1) return end;
    buf[point + 1] = ASCII_0;
    return point + 2;
  }
  buf[o] = buf[o + 1]!;
  let p = end;
  if (end > o + 2) buf[o + 1] = 46;
  else p = o + 1;
  buf[p++] = 101;
  let exp = e;
  if (exp < 0) {
    buf[p++] = 45;
    exp = -exp;
  } else buf[p++] = 43;
  buf[p] = TENS[exp]!;
  buf[p + 1] = ONES[exp]!;
  return p + 2;
}

/** Writes the 15 digits of `head` at `at`, then the tail digits at `o`; returns the end. */
function writeTail(buf: Uint8Array, o: number, tail: number, tailLength: number, head: number, at: number): number {
  fifteenDigits(buf, at, head);
  if (tailLength === 0) return o;
  if (tailLength === 1) {
    buf[o] = ASCII_0 + tail;
    return o + 1;
  }
  buf[o] = TENS[tail]!;
  buf[o + 1] = ONES[tail]!;
  return o + 2;
}

/** Moves `end` back over ASCII zeros, never before `start`. */
function stripZeros(buf: Uint8Array, start: number, end: number): number {
  while (end > start && buf[end - 1] === ASCII_0) end--;
  return end;
}

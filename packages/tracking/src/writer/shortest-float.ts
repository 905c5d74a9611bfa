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

/** ASCII tens digits of 0..99. */
export const TENS = Uint8Array.from({ length: 100 }, (_, i) => ASCII_0 + Math.floor(i / 10));
/** ASCII ones digits of 0..99. */
export const ONES = Uint8Array.from({ length: 100 }, (_, i) => ASCII_0 + (i % 10));

/**
 * Writes Python's `repr` of `x` (a positive finite double) at `offset`,
 * when the fast path can prove the digits. One function with loops rather
 * than helpers and unrolled stores: a cold process runs it unoptimised for a
 * while and then compiles it once, and both cost less for less code.
 *
 * @param buf - the destination (at least 24 bytes free at `offset`)
 * @param offset - where to write
 * @param x - the value, greater than 0
 * @returns the offset after the text, or -1 when the caller must format `x` another way (bytes at `offset` may have been overwritten)
 */
export function writeShortestRepr(buf: Uint8Array, offset: number, x: number): number {
  bits[0] = x;
  const high = words[HI]!;
  const e2 = (high >>> 20) - 1023;
  // Subnormals, huge values and infinities are left to the caller.
  if (e2 < -64 || e2 > 64) return -1;
  // Decimal exponent: floor(e2 log10 2) or one more.
  let e10 = Math.floor(e2 * LOG10_2);
  if (x >= NEAR_P10[e10 + 11]!) e10++;
  // S = x * 10^k = hi + lo exactly (Dekker's TwoProduct), S in [1e14, 1e15].
  const c = SPLIT * x;
  const xh = c - (c - x);
  const xl = x - xh;
  let k = 14 - e10;
  let hi = 0;
  let lo = 0;
  for (let attempt = 0; ; attempt++) {
    if (k < 0 || k > 22) return -1;
    const ph = P10_HI[k]!;
    const pl = P10_LO[k]!;
    hi = x * P10[k]!;
    lo = xh * ph - hi + xh * pl + xl * ph + xl * pl;
    if (hi >= 1e14 && !(hi === 1e14 && lo < 0)) break;
    // x = fl(10^e10) just below 10^e10: one decade lower, S just below 1e15.
    if (attempt > 0) return -1;
    e10--;
    k++;
  }
  if (hi > 1e15 || (hi === 1e15 && lo >= 0)) return -1;
  // Half the gap to the next double above, scaled (exact: 2^m * 10^k).
  const up = HALF_ULP[e2 + 64]! * P10[k]!;
  // A mantissa of exactly 1.0: the gap below is half the gap above.
  const down = (high & 0xfffff) === 0 && words[1 - HI] === 0 ? up / 2 : up;
  // S = int + frac with int = floor(S), frac in [0, 1) (error ~1e-16).
  let int = Math.floor(hi);
  let frac = lo;
  if (int !== hi) frac = hi - int + lo;
  else if (lo < 0) {
    int -= 1;
    frac = 1 + lo;
  }

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
    }
  } else {
    if (dist <= limit + EPS || down !== up) return -1;
    // 16 digits, else 17: the multiple of 1/10 (1/100) nearest S, if inside
    // the interval; 17 digits always are (0.005 < up). An exact tie (S a
    // short binary fraction held whole in hi, so lo is 0) goes to the even
    // digit, as the engine's shortest digits do.
    for (let scale = 10; ; scale = 100) {
      const t = frac * scale;
      tail = Math.round(t);
      if (tail - t === 0.5 && lo === 0 && tail % 2 === 1) tail--;
      const d = t > tail ? t - tail : tail - t;
      if (d > 0.5 - EPS && !(d === 0.5 && lo === 0)) return -1;
      tailLength++;
      if (d < scale * up - EPS) break;
      if (d <= scale * up + EPS || scale === 100) return -1;
    }
    // A carry or a trailing zero would mean a shorter candidate was missed.
    if (tail % 10 === 0 || tail >= (tailLength === 1 ? 10 : 100)) return -1;
  }
  if (e10 > 14) return -1;

  // Digits: int's 15 then the tail's, written backwards from `end`, at
  // `start` = where the first digit goes (after `0.000` for -4 <= e10 < 0,
  // else one byte right so the integer digits can move left of a point).
  const start = e10 < 0 && e10 >= -4 ? offset + 1 - e10 : offset + 1;
  let p = start + 15 + tailLength;
  if (tailLength === 2) {
    buf[--p] = ONES[tail]!;
    buf[--p] = TENS[tail]!;
  } else if (tailLength === 1) buf[--p] = ASCII_0 + tail;
  // 15 digits: 8 from the low int32 half and 7 from the high one, two at a time.
  const upper = Math.floor(int / 1e8);
  let half = (int - upper * 1e8) | 0;
  for (let i = 0; i < 7; i++) {
    if (i === 4) half = upper | 0;
    const q = (half / 100) | 0;
    const r = half - q * 100;
    buf[--p] = ONES[r]!;
    buf[--p] = TENS[r]!;
    half = q;
  }
  buf[--p] = ASCII_0 + half;
  let end = start + 15 + tailLength;
  while (buf[end - 1] === ASCII_0) end--;
  if (start !== offset + 1) {
    // 0.000ddd
    buf[offset] = ASCII_0;
    buf[offset + 1] = 46;
    for (let i = offset + 2; i < start; i++) buf[i] = ASCII_0;
    return end;
  }
  if (e10 >= 0) {
    // ddd.ddd: the first e10 + 1 digits move left of the point.
    for (let i = offset; i <= offset + e10; i++) buf[i] = buf[i + 1]!;
    const point = offset + e10 + 1;
    buf[point] = 46;
    if (end > point + 1) return end;
    buf[point + 1] = ASCII_0;
    return point + 2;
  }
  // d.ddde-XX
  buf[offset] = buf[offset + 1]!;
  if (end > offset + 2) buf[offset + 1] = 46;
  else end = offset + 1;
  const exp = e10 < 0 ? -e10 : e10;
  buf[end] = 101;
  buf[end + 1] = e10 < 0 ? 45 : 43;
  buf[end + 2] = ASCII_0 + ((exp / 10) | 0);
  buf[end + 3] = ASCII_0 + (exp % 10);
  return end + 4;
}

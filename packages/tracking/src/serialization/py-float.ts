/**
 * A number that must be written as a Python `float` (`1.0`, not `1`) by the
 * JSON encoders of this package. Plain numbers are written as integers when
 * they are integral, like Python `int`s.
 */
export class PyFloat {
  constructor(readonly value: number) {}

  /** The Python `repr` text of the value. */
  toString(): string {
    return formatPyFloat(this.value);
  }
}

/**
 * Formats a number exactly like Python's `repr(float(x))`: shortest
 * round-trip digits, `1.0` for integral values, `1e-05` / `1e+16` outside
 * `[1e-4, 1e16)`, and `nan`, `inf`, `-inf`, `-0.0`.
 *
 * @param x - the number to format
 * @returns the Python text
 * @example
 * ```ts
 * formatPyFloat(1e-5); // '1e-05'
 * formatPyFloat(3); // '3.0'
 * ```
 */
export function formatPyFloat(x: number): string {
  const abs = x < 0 ? -x : x;
  if (abs >= 1e-4 && abs < 1e16) {
    // JS and Python agree on the digits and on fixed notation in this range.
    return Number.isInteger(x) ? `${x}.0` : `${x}`;
  }
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  if (Number.isNaN(x)) return 'nan';
  if (abs === Infinity) return x < 0 ? '-inf' : 'inf';
  // toExponential() without an argument yields the shortest round-trip digits.
  const exp = abs.toExponential();
  const eAt = exp.indexOf('e');
  const mantissa = exp.slice(0, eAt);
  const power = Number(exp.slice(eAt + 1));
  const sign = x < 0 ? '-' : '';
  if (power < -4 || power >= 16) {
    const digits = Math.abs(power) < 10 ? `0${Math.abs(power)}` : `${Math.abs(power)}`;
    return `${sign}${mantissa}e${power < 0 ? '-' : '+'}${digits}`;
  }
  // Not reachable for finite values outside [1e-4, 1e16); kept for safety.
  return `${sign}${abs}`;
}

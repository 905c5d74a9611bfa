/**
 * A number that must be written as a Python `float` (`1.0`, not `1`) in the
 * files upstream writes with float fields (offline `run.plx.json` and
 * `lineages.plx.json`, event files). JavaScript numbers carry no float-ness,
 * so {@link compactJson} writes plain integral numbers as integers, like
 * Python `int`s; wrap a value in `PyFloat` to keep upstream's float text.
 * Everywhere else it behaves as its number: `JSON.stringify` (request bodies)
 * writes the plain number and arithmetic uses {@link PyFloat.valueOf}.
 *
 * @example
 * ```ts
 * run.logOutputs({ loss: new PyFloat(3) }); // run.plx.json: "loss":3.0; API body: "loss":3
 * ```
 */
export class PyFloat {
  constructor(readonly value: number) {}

  /** The Python `repr` text of the value (`3.0`, `1e-05`, `nan`). */
  toString(): string {
    return formatPyFloat(this.value);
  }

  /** The number, so comparisons and arithmetic work. */
  valueOf(): number {
    return this.value;
  }

  /** The number, for `JSON.stringify` (non-finite values become `null` there). */
  toJSON(): number {
    return this.value;
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
  // JS and Python produce the same shortest round-trip digits; only the
  // notation differs. Rebuild Python's scientific form from String().
  const text = `${abs}`;
  const sign = x < 0 ? '-' : '';
  let mantissa: string;
  let power: number;
  const eAt = text.indexOf('e');
  if (eAt >= 0) {
    mantissa = text.slice(0, eAt);
    power = Number(text.slice(eAt + 1));
  } else if (abs < 1) {
    // 0.0000123 → digits 123, power -5
    let i = 2;
    while (text.charCodeAt(i) === 48) i++;
    const digits = text.slice(i);
    power = -(i - 1);
    mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  } else {
    // 12300000000000000 → digits 123, power 16
    const digits = text.replace(/0+$/, '');
    power = text.length - 1;
    mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  }
  const absPower = power < 0 ? -power : power;
  return `${sign}${mantissa}e${power < 0 ? '-' : '+'}${absPower < 10 ? '0' : ''}${absPower}`;
}

import * as v from 'valibot';
import { boolOrRef, intOrRef, isPlainObject, model, numberOrRef, opt, strictStr, strListOrRef } from './common';
import { pyStr } from './py-format';

/** IO value rules (V1Validation); numeric bounds accept ints/floats or refs. */
export const ValidationSchema = model({
  delay: opt(boolOrRef),
  gt: opt(numberOrRef),
  ge: opt(numberOrRef),
  lt: opt(numberOrRef),
  le: opt(numberOrRef),
  multipleOf: opt(numberOrRef),
  minDigits: opt(intOrRef),
  maxDigits: opt(intOrRef),
  decimalPlaces: opt(intOrRef),
  regex: opt(strictStr),
  minLength: opt(intOrRef),
  maxLength: opt(intOrRef),
  contains: v.optional(v.unknown()),
  excludes: v.optional(v.unknown()),
  options: v.optional(v.unknown()),
  minItems: opt(intOrRef),
  maxItems: opt(intOrRef),
  keys: opt(strListOrRef),
  containsKeys: opt(strListOrRef),
  excludesKeys: opt(strListOrRef),
});

/** A validated `validation` object. */
export type V1Validation = v.InferOutput<typeof ValidationSchema>;

const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);

function sizeOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  return undefined;
}

function includes(container: unknown, item: unknown): boolean {
  if (typeof container === 'string') return typeof item === 'string' && container.includes(item);
  if (Array.isArray(container)) return container.some((x) => deepEqual(x, item));
  if (isPlainObject(container)) return typeof item === 'string' && item in container;
  return false;
}

/**
 * Structural equality of JSON-like values (Python `==` semantics for numbers/bools kept apart).
 *
 * @param a - First value.
 * @param b - Second value.
 * @param depth - Current nesting depth (comparison gives up, unequal, past 200).
 * @returns True when equal.
 */
export function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 200) return false;
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    // Python: True == 1, False == 0.
    const na = typeof a === 'boolean' ? Number(a) : a;
    const nb = typeof b === 'boolean' ? Number(b) : b;
    return na === nb;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i], depth + 1));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k], depth + 1));
  }
  return false;
}

function digitCount(value: unknown): number {
  return pyStr(value).replace('.', '').length;
}

function checkValue(rules: V1Validation, value: unknown): string | undefined {
  const V = pyStr(value);
  const n = num(value);
  const gt = num(rules.gt);
  if (gt !== undefined && n !== undefined && n <= gt) return `Value \`${V}\` must be greater than \`${pyStr(rules.gt)}\``;
  const ge = num(rules.ge);
  if (ge !== undefined && n !== undefined && n < ge) return `Value \`${V}\` must be greater than or equal to \`${pyStr(rules.ge)}\``;
  const lt = num(rules.lt);
  if (lt !== undefined && n !== undefined && n >= lt) return `Value \`${V}\` must be less than \`${pyStr(rules.lt)}\``;
  const le = num(rules.le);
  if (le !== undefined && n !== undefined && n > le) return `Value \`${V}\` must be less than or equal to \`${pyStr(rules.le)}\``;
  const mo = num(rules.multipleOf);
  if (mo !== undefined && n !== undefined && mo !== 0 && Math.abs(n % mo) > 1e-12 && Math.abs((n % mo) - mo) > 1e-12) {
    return `Value \`${V}\` must be a multiple of \`${pyStr(rules.multipleOf)}\``;
  }
  const minD = num(rules.minDigits);
  if (minD !== undefined && digitCount(value) < minD) return `Value \`${V}\` must have at least \`${minD}\` digits`;
  const maxD = num(rules.maxDigits);
  if (maxD !== undefined && digitCount(value) > maxD) return `Value \`${V}\` must have at most \`${maxD}\` digits`;
  const dp = num(rules.decimalPlaces);
  if (dp !== undefined) {
    const decimals = pyStr(value).split('.')[1];
    if (decimals !== undefined && decimals.length > dp) return `Value \`${V}\` must have at most \`${dp}\` decimal places`;
  }
  if (typeof rules.regex === 'string' && typeof value === 'string') {
    let re: RegExp | undefined;
    try {
      re = new RegExp(`^(?:${rules.regex})`, 'u');
    } catch {
      re = undefined;
    }
    if (re === undefined || !re.test(value)) return `Value \`${V}\` must match the regex \`${rules.regex}\``;
  }
  const minL = num(rules.minLength);
  const len = sizeOf(value);
  if (minL !== undefined && len !== undefined && len < minL) return `Value \`${V}\` must have at least \`${minL}\` characters`;
  const maxL = num(rules.maxLength);
  if (maxL !== undefined && len !== undefined && len > maxL) return `Value \`${V}\` must have at most \`${maxL}\` characters`;
  if (rules.contains !== undefined && rules.contains !== null && !includes(value, rules.contains)) {
    return `Value \`${V}\` must contain one of the values \`${pyStr(rules.contains)}\``;
  }
  if (rules.excludes !== undefined && rules.excludes !== null && includes(value, rules.excludes)) {
    return `Value \`${V}\` must not contain any of the values \`${pyStr(rules.excludes)}\``;
  }
  if (rules.options !== undefined && rules.options !== null && !includes(rules.options, value)) {
    return `Value \`${V}\` must be one of the values \`${pyStr(rules.options)}\``;
  }
  return undefined;
}

/**
 * Upstream `V1Validation.run_validation`: value rules apply item-wise to lists
 * and to dict values; items/keys rules apply to the container.
 *
 * @param rules - The validation rules.
 * @param value - The already converted value.
 * @param isOptional - Whether the IO is optional (null values are then skipped).
 * @returns The first violation message, or undefined.
 */
export function runValidation(rules: V1Validation, value: unknown, isOptional: boolean): string | undefined {
  if ((value === null || value === undefined) && isOptional) return undefined;
  const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [value];
  for (const item of items) {
    const error = checkValue(rules, item);
    if (error !== undefined) return error;
  }
  const V = pyStr(value);
  if (Array.isArray(value) || isPlainObject(value)) {
    const size = sizeOf(value)!;
    const minI = num(rules.minItems);
    if (minI !== undefined && size < minI) return `Value \`${V}\` must have at least \`${minI}\` items`;
    const maxI = num(rules.maxItems);
    if (maxI !== undefined && size > maxI) return `Value \`${V}\` must have at most \`${maxI}\` items`;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (Array.isArray(rules.keys)) {
      const want = new Set(rules.keys);
      if (want.size !== new Set(keys).size || keys.some((k) => !want.has(k))) {
        return `Value \`${V}\` must contain all the keys \`${pyStr(rules.keys)}\``;
      }
    }
    if (Array.isArray(rules.containsKeys) && !rules.containsKeys.every((k) => k in value)) {
      return `Value \`${V}\` must contain all the keys \`${pyStr(rules.containsKeys)}\``;
    }
    if (Array.isArray(rules.excludesKeys) && rules.excludesKeys.some((k) => k in value)) {
      return `Value \`${V}\` must not contain any of the keys \`${pyStr(rules.excludesKeys)}\``;
    }
  }
  return undefined;
}

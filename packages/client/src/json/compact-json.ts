import { PolyaxonClientException } from '../errors/client-error';
import { formatPyFloat, PyFloat } from './py-float';

function numberText(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}`;
  return formatPyFloat(n);
}

function hasToJson(value: object): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function primitive(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return numberText(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      // undefined, functions and symbols have no JSON text
      return undefined;
  }
}

function encode(value: unknown, ancestors: Set<object>): string | undefined {
  if (value === null) return 'null';
  if (typeof value !== 'object') return primitive(value);
  if (value instanceof PyFloat) return Number.isFinite(value.value) ? formatPyFloat(value.value) : 'null';
  if (ancestors.has(value)) throw new PolyaxonClientException('Cannot write a value that contains itself (circular structure) as JSON.');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return `[${(value as unknown[]).map((item) => encode(item, ancestors) ?? 'null').join(',')}]`;
    if (hasToJson(value)) return encode(value.toJSON(), ancestors);
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      const text = encode(item, ancestors);
      if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * Compact JSON as upstream writes its files with `orjson`: no spaces, UTF-8
 * kept as is, `NaN`/`Infinity` as `null`, and floats as Python prints them.
 * A {@link PyFloat} is always written as a float (`0.0`, `1e-05`, `1e+20`);
 * a plain number is written as an integer when it is integral and below
 * 1e16 (a Python `int`), otherwise as a float. Everything else follows
 * `JSON.stringify`: `undefined`, functions and symbols are skipped in objects
 * and become `null` in arrays, `toJSON()` is honoured (dates become ISO
 * strings), and `bigint`s are written as integers.
 *
 * @param value - the value to write
 * @returns the JSON text (`null` for a value JSON cannot hold)
 * @throws {@link PolyaxonClientException} when the value contains itself
 * @example
 * ```ts
 * compactJson({ wait_time: new PyFloat(0), epochs: 5, lr: 1e-5 }); // '{"wait_time":0.0,"epochs":5,"lr":1e-05}'
 * ```
 */
export function compactJson(value: unknown): string {
  return encode(value, new Set()) ?? 'null';
}

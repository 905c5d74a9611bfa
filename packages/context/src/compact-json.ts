/**
 * Compact JSON as upstream writes its config files (orjson): no spaces,
 * raw UTF-8, keys whose value is `null`/`undefined` dropped, and values of
 * float-typed fields written the Python way (`0.0`, `20.0`).
 */

function formatNumber(value: number, isFloat: boolean): string {
  if (!isFloat || !Number.isInteger(value)) return JSON.stringify(value);
  // orjson (ryu) switches to exponent notation from 1e16 and writes no `+`.
  if (Math.abs(value) >= 1e16) return value.toExponential().replace('e+', 'e');
  return `${Object.is(value, -0) ? '-0' : String(value)}.0`;
}

function matches(path: string, floatPaths: ReadonlySet<string>): boolean {
  if (floatPaths.has(path)) return true;
  const dot = path.lastIndexOf('.');
  return dot > 0 && floatPaths.has(`${path.slice(0, dot)}.*`);
}

function write(value: unknown, path: string, floatPaths: ReadonlySet<string>): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return formatNumber(value, matches(path, floatPaths));
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: unknown) => write(item, `${path}[]`, floatPaths)).join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item === null || item === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(item, path === '' ? key : `${path}.${key}`, floatPaths)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return 'null';
}

/**
 * Serializes a value as compact JSON the way upstream's config files are
 * written (see the module comment). `floatPaths` lists dotted key paths
 * (`resources.*` matches every key under `resources`) whose integral numbers
 * are written with a `.0`.
 *
 * @param value - The value to serialize.
 * @param floatPaths - Dotted paths of float-typed fields.
 * @returns The JSON text, without a trailing newline.
 */
export function toCompactJson(value: unknown, floatPaths: ReadonlySet<string> = new Set()): string {
  return write(value, '', floatPaths);
}

/**
 * Returns a copy of `record` whose keys follow `order`; keys not in `order`
 * keep their relative order after the known ones (nothing is dropped).
 *
 * @param record - The object to reorder.
 * @param order - The preferred key order (upstream's schema field order).
 * @returns The reordered copy.
 */
export function orderKeys(record: Readonly<Record<string, unknown>>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(record, key)) out[key] = record[key];
  for (const [key, value] of Object.entries(record)) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

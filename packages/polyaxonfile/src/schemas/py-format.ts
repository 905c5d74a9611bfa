// Python-style `str()` of JSON-like values, used to mirror upstream messages.

/**
 * Formats a value the way Python's `str()` would (`True`, `None`, `{'a': 1}`).
 *
 * @param value - Any JSON-like value.
 * @returns The Python-style text.
 */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  return pyRepr(value);
}

/**
 * Formats a value the way Python's `repr()` would.
 *
 * @param value - Any JSON-like value.
 * @param depth - Current nesting depth (deeper values print as `...`).
 * @returns The Python-style text.
 */
export function pyRepr(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (value instanceof Date) return value.toISOString();
  if (depth > 20) return '...';
  if (Array.isArray(value)) return `[${value.map((x) => pyRepr(x, depth + 1)).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x, depth + 1)}`)
      .join(', ')}}`;
  }
  return typeof value === 'bigint' ? value.toString() : '?';
}

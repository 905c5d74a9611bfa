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
  if (typeof value === 'string') return pyStringRepr(value);
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

// What Python's str.isprintable() refuses (besides the ASCII controls handled first).
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = (width: number): string => code.toString(16).padStart(width, '0');
  if (ch === '\\') return '\\\\';
  if (ch === '\t') return '\\t';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (code < 0x20 || code === 0x7f) return `\\x${hex(2)}`;
  if (code < 0x7f || ch === ' ' || !UNPRINTABLE.test(ch)) return ch;
  return code <= 0xff ? `\\x${hex(2)}` : code <= 0xffff ? `\\u${hex(4)}` : `\\U${hex(8)}`;
}

/**
 * A string the way Python's `repr()` prints it: `'a'`, `"it's"`, `'\\t'`, `'\\x85'`.
 *
 * @param text - the string
 * @returns the quoted, escaped text
 */
export function pyStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of text) out += ch === quote ? `\\${ch}` : escapeChar(ch);
  return quote + out + quote;
}

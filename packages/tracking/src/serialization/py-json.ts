import { formatPyFloat, PyFloat } from '@px/client';

/** A JSON-like value the encoders of this package accept. */
export type JsonInput =
  | string
  | number
  | boolean
  | null
  | undefined
  | PyFloat
  | readonly JsonInput[]
  | { readonly [key: string]: JsonInput };

/** A JSON object as the encoders accept it. */
export type JsonObject = { [key: string]: JsonInput };

const NON_ASCII = /[\u007f-\uffff]/g;

function escapeNonAscii(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A JSON string literal as Python's `json.dumps` writes it with
 * `ensure_ascii=True`: everything outside printable ASCII becomes `\uXXXX`.
 *
 * @param text - the string
 * @returns the quoted, escaped literal
 */
export function pyJsonString(text: string): string {
  return JSON.stringify(text).replace(NON_ASCII, escapeNonAscii);
}

function pyNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}`;
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return formatPyFloat(n);
}

function pyFloatJson(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return formatPyFloat(n);
}

/**
 * Python's `json.dumps(value)` with default options: `", "` and `": "`
 * separators, `ensure_ascii`, `NaN`/`Infinity` literals. Keys keep insertion
 * order; `undefined` object entries are skipped.
 *
 * @param value - the value
 * @returns the JSON text
 */
export function pyJsonDumps(value: JsonInput): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pyJsonString(value);
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof PyFloat) return pyFloatJson(value.value);
  if (Array.isArray(value)) return `[${(value as readonly JsonInput[]).map((v) => pyJsonDumps(v)).join(', ')}]`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, JsonInput>)) {
    if (v === undefined) continue;
    parts.push(`${pyJsonString(k)}: ${pyJsonDumps(v)}`);
  }
  return `{${parts.join(', ')}}`;
}

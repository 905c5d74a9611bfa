/**
 * A small YAML emitter for plain JSON-like data (objects, arrays, strings,
 * numbers, booleans, null). Strings are quoted whenever a YAML 1.1 (PyYAML)
 * or 1.2 reader could read them as something else (`yes`, `1e3`, `null`,
 * `12:30`, `1.2.3`, `=`, `<<`, leading/trailing spaces, special characters)
 * and floats keep a dot and a signed exponent (`1.0e-07`), so the output
 * reads back as the same data with either version.
 */
export function toYaml(value: unknown): string {
  const lines: string[] = [];
  emit(value, 0, lines);
  return `${lines.join('\n')}\n`;
}

const PLAIN_RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|\.nan|\.NaN|\.NAN|[-+]?\.(?:inf|Inf|INF)|=|<<)$/;
const NUMBER_LIKE = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?)$/;
// PyYAML's (YAML 1.1) float resolver also takes `1.2.3`, `.` and `1_0.5` (then fails or reads a number)
const PYYAML_FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?$/;
const DATE_LIKE = /^\d{4}-\d\d?-\d\d?(?:[Tt ].*)?$/;

function needsQuotes(text: string): boolean {
  if (text === '') return true;
  if (PLAIN_RESERVED.test(text) || NUMBER_LIKE.test(text) || PYYAML_FLOAT.test(text) || DATE_LIKE.test(text)) return true;
  if (/^[\s]|[\s]$/.test(text)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return true;
  // eslint-disable-next-line no-control-regex
  if (/: |:$| #|[\n\r\t\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return true;
  return false;
}

/**
 * A number as PyYAML and YAML 1.2 readers both read it back: integers as
 * is, exponents with a mantissa dot and a signed two-digit exponent
 * (`1.0e-07`, as PyYAML writes them; `1e-7` would be a string to PyYAML).
 */
export function formatNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([-+])(\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign, int, frac, expSign, exp] = match;
  return `${sign}${int}.${frac ?? '0'}e${expSign}${exp!.padStart(2, '0')}`;
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return formatNumber(value);
  }
  if (typeof value === 'bigint') return value.toString();
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return needsQuotes(text) ? JSON.stringify(text) : text;
}

function isEmptyContainer(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isPlainObject(value) && Object.keys(value).length === 0) return '{}';
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function key(text: string): string {
  return needsQuotes(text) ? JSON.stringify(text) : text;
}

function emit(value: unknown, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  const empty = isEmptyContainer(value);
  if (empty !== undefined) {
    lines.push(`${pad}${empty}`);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) emitItem(`${pad}- `, item, indent + 2, lines);
    return;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      emitItem(`${pad}${key(k)}:`, v, indent + 2, lines, true);
    }
    return;
  }
  lines.push(`${pad}${value instanceof Date ? value.toISOString() : scalar(value)}`);
}

function emitItem(prefix: string, value: unknown, indent: number, lines: string[], isKey = false): void {
  const sep = isKey ? ' ' : '';
  const empty = isEmptyContainer(value);
  if (empty !== undefined) {
    lines.push(`${prefix}${sep}${empty}`);
  } else if (Array.isArray(value)) {
    if (isKey) {
      lines.push(prefix);
      emit(value, indent - 2, lines);
    } else {
      const nested: string[] = [];
      emit(value, 0, nested);
      lines.push(`${prefix}${nested[0] ?? ''}`);
      for (const line of nested.slice(1)) lines.push(`${' '.repeat(indent)}${line}`);
    }
  } else if (isPlainObject(value)) {
    if (isKey) {
      lines.push(prefix);
      emit(value, indent, lines);
    } else {
      const nested: string[] = [];
      emit(value, 0, nested);
      lines.push(`${prefix}${nested[0] ?? ''}`);
      for (const line of nested.slice(1)) lines.push(`${' '.repeat(indent)}${line}`);
    }
  } else {
    lines.push(`${prefix}${sep}${value instanceof Date ? value.toISOString() : scalar(value)}`);
  }
}

/**
 * Describes a value for error messages: its type and a short rendering,
 * e.g. `number (12)`, `string ("abc")`, `array (3 items)`, `nothing` (a missing value).
 *
 * @param value - any value
 * @returns a short description
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `array (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (value instanceof Date) return `date (${value.toISOString()})`;
  switch (typeof value) {
    case 'string': {
      const text = value.length > 60 ? `${value.slice(0, 57)}...` : value;
      return `string (${JSON.stringify(text)})`;
    }
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} (${String(value)})`;
    case 'object': {
      const keys = Object.keys(value);
      return keys.length === 0 ? 'object (empty)' : `object (keys: ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', ...' : ''})`;
    }
    default:
      return typeof value;
  }
}

/**
 * Describes a value's type without any of its content, for values read from a file that may hold
 * secrets: `string`, `array`, `object`, `null`.
 *
 * @param value - any value
 * @returns the type
 */
export function describeKind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

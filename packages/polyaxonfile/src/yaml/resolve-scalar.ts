import { pad } from '../schemas/common';

// Plain-scalar resolution and scalar construction exactly as PyYAML's
// SafeLoader (YAML 1.1) does them: `yes`/`no`/`on`/`off` are booleans,
// `1:10` is base 60, `010` octal, `1e3` a string (a float needs a dot), and
// timestamps become the ISO text Python's `isoformat()` prints.

const Y = 'tag:yaml.org,2002:';

const IMPLICIT: readonly (readonly [string, RegExp])[] = [
  [`${Y}bool`, /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/],
  [`${Y}float`, /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
  [`${Y}int`, /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/],
  [`${Y}merge`, /^<<$/],
  [`${Y}null`, /^(?:~|null|Null|NULL|)$/],
  [`${Y}timestamp`, /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/],
  [`${Y}value`, /^=$/],
];

const FLOAT = `${Y}float`;
const INT = `${Y}int`;
const STR = `${Y}str`;

/**
 * Whether `text` is `-?[1-9][0-9]{0,14}`: a decimal integer that a double holds exactly, by char codes (the
 * common case, checked once per scalar of a large list, where a regular expression costs more).
 */
function isPlainDecimal(text: string): boolean {
  let at = text[0] === '-' ? 1 : 0;
  const first = text.charCodeAt(at);
  if (!(first > 48 && first < 58) || text.length - at > 15) return false;
  while (++at < text.length) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

// The first characters PyYAML registers each resolver for.
const FIRST_CHARS: Readonly<Record<string, string>> = {
  [`${Y}bool`]: 'yYnNtTfFoO',
  [`${Y}float`]: '-+0123456789.',
  [`${Y}int`]: '-+0123456789',
  [`${Y}merge`]: '<',
  [`${Y}null`]: '~nN',
  [`${Y}timestamp`]: '0123456789',
  [`${Y}value`]: '=',
};

const BY_FIRST_CHAR = new Map<string, (readonly [string, RegExp])[]>();
for (const entry of IMPLICIT) {
  for (const ch of FIRST_CHARS[entry[0]]!) {
    const list = BY_FIRST_CHAR.get(ch);
    if (list === undefined) BY_FIRST_CHAR.set(ch, [entry]);
    else list.push(entry);
  }
}

/**
 * The tag PyYAML gives a plain scalar (or one with the `!` tag).
 *
 * @param value - the scalar's text
 * @returns the resolved tag (`tag:yaml.org,2002:str` when nothing matches)
 */
export function resolveImplicitTag(value: string): string {
  // PyYAML only tries the resolvers registered for the first character; each pattern already implies it,
  // so the table only skips patterns that cannot match.
  if (isPlainDecimal(value)) return INT;
  const candidates = value === '' ? IMPLICIT : (BY_FIRST_CHAR.get(value[0]!) ?? []);
  const dotless = !value.includes('.');
  for (const [tag, pattern] of candidates) {
    // Every float form has a dot: skip its costly pattern for the many integers.
    if (tag === FLOAT && dotless) continue;
    if (pattern.test(value)) return tag;
  }
  return STR;
}

/** A scalar PyYAML cannot construct (Python raises a `ValueError` there). */
export class ScalarValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScalarValueError';
  }
}

function signed(text: string): { sign: number; digits: string } {
  const clean = text.replaceAll('_', '');
  if (clean.startsWith('-')) return { sign: -1, digits: clean.slice(1) };
  return { sign: 1, digits: clean.startsWith('+') ? clean.slice(1) : clean };
}

function base60(digits: string, parse: (part: string) => number): number {
  let value = 0;
  for (const part of digits.split(':')) value = value * 60 + parse(part);
  return value;
}

function parseWhole(text: string, radix: number, original: string): number {
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix as 2 | 8 | 10 | 16];
  if (!valid.test(text)) throw new ScalarValueError(`invalid literal for int() with base ${radix}: '${original}'`);
  return Number.parseInt(text, radix);
}

/** Builds an `int` the way PyYAML's `construct_yaml_int` does. */
export function constructInt(text: string): number {
  // The common case, a plain decimal that a double holds exactly.
  if (isPlainDecimal(text)) return Number(text);
  const { sign, digits } = signed(text.trim());
  if (digits === '0') return 0;
  if (digits.startsWith('0b')) return sign * parseWhole(digits.slice(2), 2, text);
  if (digits.startsWith('0x')) return sign * parseWhole(digits.slice(2), 16, text);
  if (digits.startsWith('0')) return sign * parseWhole(digits, 8, text);
  if (digits.includes(':')) return sign * base60(digits, (part) => parseWhole(part, 10, text));
  return sign * parseWhole(digits, 10, text);
}

const PY_FLOAT = /^[-+]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|inf(?:inity)?|nan)$/i;

/** Builds a `float` the way PyYAML's `construct_yaml_float` does. */
export function constructFloat(text: string): number {
  const { sign, digits } = signed(text.trim().toLowerCase());
  if (digits === '.inf') return sign * Number.POSITIVE_INFINITY;
  if (digits === '.nan') return Number.NaN;
  if (digits.includes(':')) return sign * base60(digits, (part) => constructFloat(part));
  if (!PY_FLOAT.test(digits)) throw new ScalarValueError(`could not convert string to float: '${text}'`);
  if (/^inf/.test(digits)) return sign * Number.POSITIVE_INFINITY;
  if (digits === 'nan') return Number.NaN;
  return sign * Number(digits);
}

const BOOLS: Readonly<Record<string, boolean>> = { yes: true, no: false, true: true, false: false, on: true, off: false };

/** Builds a `bool` the way PyYAML's `construct_yaml_bool` does. */
export function constructBool(text: string): boolean {
  const value = BOOLS[text.toLowerCase()];
  if (value === undefined) throw new ScalarValueError(`'${text.toLowerCase()}' is not a YAML boolean`);
  return value;
}

const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$/;

/** Python's `datetime` range check (`month must be in 1..12`). */
function inRange(value: number, low: number, high: number, name: string): void {
  if (value < low || value > high) throw new ScalarValueError(`${name} must be in ${low}..${high}`);
}

/**
 * Builds a timestamp the way PyYAML's `construct_yaml_timestamp` does, and
 * prints it as Python's `isoformat()` would (a date stays `YYYY-MM-DD`).
 */
export function constructTimestamp(text: string): string {
  const m = TIMESTAMP.exec(text);
  if (m === null) throw new ScalarValueError(`'${text}' is not a YAML timestamp`);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part)));
  if (year! < 1) throw new ScalarValueError(`year ${year!} is out of range`);
  inRange(month!, 1, 12, 'month');
  // Day 0 of the next month is the last day of this one (years 1..99 map to 19xx, which leap alike).
  if (day! < 1 || day! > new Date(Date.UTC(year!, month, 0)).getUTCDate()) throw new ScalarValueError('day is out of range for month');
  const date = `${pad(year!, 4)}-${pad(month!)}-${pad(day!)}`;
  if (hour === undefined) return date;
  inRange(hour, 0, 23, 'hour');
  inRange(minute!, 0, 59, 'minute');
  inRange(second!, 0, 59, 'second');
  let out = `${date}T${pad(hour)}:${pad(minute!)}:${pad(second!)}`;
  const micro = (m[7] ?? '').slice(0, 6).padEnd(6, '0');
  if (Number(micro) !== 0) out += `.${micro}`;
  if (m[8] === 'Z') out += '+00:00';
  else if (m[8] !== undefined) {
    const hours = Number(m[10]);
    const minutes = Number(m[11] ?? 0);
    if (hours * 60 + minutes >= 24 * 60) {
      throw new ScalarValueError('offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)');
    }
    const total = hours * 60 + minutes;
    out += `${total === 0 ? '+' : m[9]!}${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
  }
  return out;
}

import type { ScalarTag, Tags } from 'yaml';

// Scalar resolution exactly as PyYAML's SafeLoader (YAML 1.1) does it. The
// `yaml` package's own 1.1 schema differs: it reads `y`/`n` as booleans,
// `08` as 8, `1e3` as a number and timestamps as JS Dates.

const BOOL_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const BOOL_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const INT_BIN = /^[-+]?0b[01_]+$/;
const INT_OCT = /^[-+]?0[0-7_]+$/;
const INT_DEC = /^[-+]?(?:0|[1-9][0-9_]*)$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const INT_60 = /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/;
const FLOAT_DEC = /^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?$/;
const FLOAT_DOT = /^[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?$/;
const FLOAT_60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/;
const FLOAT_INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const FLOAT_NAN = /^\.(?:nan|NaN|NAN)$/;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$/;

function signOf(text: string): { sign: number; rest: string } {
  const clean = text.replace(/_/g, '');
  if (clean.startsWith('-')) return { sign: -1, rest: clean.slice(1) };
  if (clean.startsWith('+')) return { sign: 1, rest: clean.slice(1) };
  return { sign: 1, rest: clean };
}

function sexagesimal(text: string): number {
  const { sign, rest } = signOf(text);
  let value = 0;
  for (const part of rest.split(':')) value = value * 60 + Number(part);
  return sign * value;
}

function resolveInt(text: string): number {
  const { sign, rest } = signOf(text);
  if (rest.startsWith('0b')) return sign * parseInt(rest.slice(2), 2);
  if (rest.startsWith('0x')) return sign * parseInt(rest.slice(2), 16);
  if (rest.length > 1 && rest.startsWith('0')) return sign * parseInt(rest, 8);
  return sign * parseInt(rest, 10);
}

const pad2 = (n: string): string => n.padStart(2, '0');

/** Formats a YAML timestamp the way Python's `isoformat()` prints the value PyYAML builds. */
export function isoTimestamp(text: string): string {
  if (DATE.test(text)) return text;
  const m = TIMESTAMP.exec(text);
  if (m === null) return text;
  const [, year, month, day, hour, minute, second, fraction, tz] = m as unknown as string[];
  let out = `${year}-${pad2(month!)}-${pad2(day!)}T${pad2(hour!)}:${minute}:${second}`;
  const micro = (fraction ?? '').slice(0, 6).padEnd(6, '0');
  if (fraction !== undefined && Number(micro) !== 0) out += `.${micro}`;
  if (tz !== undefined) {
    if (tz === 'Z') out += '+00:00';
    else {
      const [h, mm] = tz.slice(1).split(':');
      out += `${tz[0]}${pad2(h!)}:${mm ?? '00'}`;
    }
  }
  return out;
}

const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const isNumber = (value: unknown): boolean => typeof value === 'number';

const scalarTags: ScalarTag[] = [
  {
    tag: 'tag:yaml.org,2002:null',
    default: true,
    identify: (value) => value === null || value === undefined,
    test: /^(?:~|null|Null|NULL)?$/,
    resolve: () => null,
  },
  {
    tag: 'tag:yaml.org,2002:bool',
    default: true,
    identify: (value) => typeof value === 'boolean',
    test: BOOL_TRUE,
    resolve: () => true,
  },
  {
    tag: 'tag:yaml.org,2002:bool',
    default: true,
    identify: (value) => typeof value === 'boolean',
    test: BOOL_FALSE,
    resolve: () => false,
  },
  { tag: INT, default: true, identify: isNumber, test: INT_BIN, resolve: resolveInt },
  { tag: INT, default: true, identify: isNumber, test: INT_OCT, resolve: resolveInt },
  { tag: INT, default: true, identify: isNumber, test: INT_DEC, resolve: resolveInt },
  { tag: INT, default: true, identify: isNumber, test: INT_HEX, resolve: resolveInt },
  { tag: INT, default: true, identify: isNumber, test: INT_60, resolve: sexagesimal },
  { tag: FLOAT, default: true, identify: isNumber, test: FLOAT_DEC, resolve: (s) => Number(s.replace(/_/g, '')) },
  { tag: FLOAT, default: true, identify: isNumber, test: FLOAT_DOT, resolve: (s) => Number(s.replace(/_/g, '')) },
  { tag: FLOAT, default: true, identify: isNumber, test: FLOAT_60, resolve: sexagesimal },
  {
    tag: FLOAT,
    default: true,
    identify: isNumber,
    test: FLOAT_INF,
    resolve: (s) => (s.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  },
  { tag: FLOAT, default: true, identify: isNumber, test: FLOAT_NAN, resolve: () => Number.NaN },
  {
    tag: 'tag:yaml.org,2002:timestamp',
    default: true,
    identify: () => false,
    test: TIMESTAMP,
    resolve: isoTimestamp,
  },
  {
    tag: 'tag:yaml.org,2002:timestamp',
    default: true,
    identify: () => false,
    test: DATE,
    resolve: isoTimestamp,
  },
];

const REPLACED = new Set([
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:timestamp',
]);

/**
 * Replaces the scalar tags of the `yaml` package's 1.1 schema with PyYAML's
 * resolvers (pass as the `customTags` option).
 */
export function pyyamlTags(tags: Tags): Tags {
  const kept = tags.filter((tag) => typeof tag === 'string' || !REPLACED.has(tag.tag));
  return [...kept, ...scalarTags];
}

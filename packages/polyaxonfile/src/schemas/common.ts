// Building blocks shared by every schema module: upstream's scalar coercions
// (lax vs strict), `{{ }}` references, alias-aware strict objects and tagged
// unions. Everything here is pure and browser-safe.
import * as v from 'valibot';
import { describeValue } from '../describe-value';
import { lazySchema } from './lazy-schema';
import { pyStr } from './py-format';

/** A string that contains a `{{ ... }}` template anywhere (upstream's `RefField` test). */
export const REF_PATTERN = /\{\{.*?\}\}/s;

/**
 * Whether a string contains a `{{ }}` reference (no type narrowing).
 *
 * @param value - A string.
 * @returns True when it contains `{{ ... }}`.
 */
export function hasRef(value: string): boolean {
  return REF_PATTERN.test(value);
}

/**
 * Whether `value` is a `{{ }}` reference string.
 *
 * @param value - Any value.
 * @returns True when `value` is a string containing `{{ ... }}`.
 */
export function isRef(value: unknown): value is string {
  return typeof value === 'string' && REF_PATTERN.test(value);
}

/**
 * Whether `value` is a plain (non-array, non-date) object.
 *
 * @param value - Any value.
 * @returns True for mapping-like objects.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

const INVALID: unique symbol = Symbol('invalid');
type Invalid = typeof INVALID;

/**
 * Builds a scalar schema from a coercion function; one pass, no union.
 * `convert` returns the output value or `INVALID`.
 */
/** A JSON Schema fragment attached to a schema for editors (see `@valibot/to-json-schema`). */
export type JsonHint = Record<string, unknown>;

/** JSON Schema of a `{{ }}` reference string. */
export const REF_JSON: JsonHint = { type: 'string', pattern: '\\{\\{.*\\}\\}' };

/**
 * JSON Schema hint `X or a reference`.
 *
 * @param hint - The JSON Schema of X.
 * @returns The combined hint.
 */
export function refJson(hint: JsonHint): JsonHint {
  return { anyOf: [hint, REF_JSON] };
}

/**
 * Builds a scalar schema from a coercion function; one pass, no union.
 * `convert` returns the output value or `INVALID`. `json` describes the
 * accepted input for JSON Schema generation (metadata before the transform).
 */
function coerced<TOut>(
  expected: string,
  convert: (input: unknown) => TOut | Invalid,
  json: JsonHint,
  message?: (input: unknown) => string,
): v.GenericSchema<unknown, TOut> {
  return v.pipe(
    v.unknown(),
    v.metadata(json),
    v.rawTransform<unknown, TOut>(({ dataset, addIssue, NEVER }) => {
      const out = convert(dataset.value);
      if (out === INVALID) {
        addIssue({
          message: message ? message(dataset.value) : `Expected ${expected}, received ${describeValue(dataset.value)}.`,
          expected,
          received: describeValue(dataset.value),
        });
        return NEVER;
      }
      return out;
    }),
  );
}

// ---------------------------------------------------------------------------
// Scalar coercions (pydantic v2 lax/strict modes as upstream uses them)

const TRUE_STRINGS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_STRINGS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/**
 * pydantic's lax bool: booleans, 0/1 and the strings yes/no/on/off/true/false/t/f/y/n/1/0.
 *
 * @param input - The raw value.
 * @returns The boolean, or undefined when it is not a lax bool.
 */
export function toLaxBool(input: unknown): boolean | undefined {
  if (typeof input === 'boolean') return input;
  if (typeof input === 'number') return input === 1 ? true : input === 0 ? false : undefined;
  if (typeof input === 'string') {
    const s = input.trim().toLowerCase();
    if (TRUE_STRINGS.has(s)) return true;
    if (FALSE_STRINGS.has(s)) return false;
  }
  return undefined;
}

const INT_STRING = /^\s*[-+]?\d+(?:_\d+)*(?:\.0*)?\s*$/;
const FLOAT_STRING = /^\s*[-+]?(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/**
 * pydantic's lax int: integers, integral floats, booleans and integer strings.
 *
 * @param input - The raw value.
 * @returns The integer, or undefined.
 */
export function toLaxInt(input: unknown): number | undefined {
  if (typeof input === 'boolean') return input ? 1 : 0;
  if (typeof input === 'number') return Number.isInteger(input) ? input : undefined;
  if (typeof input === 'string' && INT_STRING.test(input)) return Number.parseInt(input.replaceAll('_', ''), 10);
  return undefined;
}

/**
 * pydantic's lax float: numbers, booleans and numeric strings (no nan/inf).
 *
 * @param input - The raw value.
 * @returns The number, or undefined.
 */
export function toLaxFloat(input: unknown): number | undefined {
  if (typeof input === 'boolean') return input ? 1 : 0;
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input === 'string' && FLOAT_STRING.test(input)) return Number(input.replaceAll('_', ''));
  return undefined;
}

const orInvalid = <T>(value: T | undefined): T | Invalid => (value === undefined ? INVALID : value);

/** `StrictStr`: a JSON string, no coercion. */
export const strictStr = v.string('Expected a string.');

/** `StrictInt`: an integer number (no "2" strings, no booleans). */
export const strictInt = v.pipe(v.number('Expected an integer.'), v.integer('Expected an integer.'));

/** Lax `int`: `"10"` → 10, `true` → 1, `2.0` → 2. */
export const laxInt = coerced('an integer', (i) => orInvalid(toLaxInt(i)), { type: ['integer', 'string', 'boolean'] });

/** Lax `float`: `"2.2"` → 2.2, `2` → 2. */
export const laxFloat = coerced('a number', (i) => orInvalid(toLaxFloat(i)), { type: ['number', 'string', 'boolean'] });

/** Lax `bool`: `"yes"` → true, `0` → false. */
export const laxBool = coerced('a boolean', (i) => orInvalid(toLaxBool(i)), { type: ['boolean', 'string', 'integer'] });

/** Lax `PositiveInt`. */
export const positiveInt = coerced(
  'a positive integer',
  (i) => {
    const n = toLaxInt(i);
    return n !== undefined && n > 0 ? n : INVALID;
  },
  { type: ['integer', 'string'], minimum: 1 },
);

/** Positive int checked before coercion (upstream pre-validators: no strings, no refs). */
export const strictPositiveInt = coerced(
  'a positive integer',
  (i) => (typeof i === 'number' && Number.isInteger(i) && i > 0 ? i : INVALID),
  { type: 'integer', minimum: 1 },
);

/** A `{{ }}` reference string. */
export const refString = coerced(
  'a `{{ }}` reference',
  (i) => (isRef(i) ? i : INVALID),
  REF_JSON,
  (i) => `Value must be a reference, received \`${typeof i === 'string' ? i : describeValue(i)}\` instead.`,
);

const refOr = <TOut>(expected: string, convert: (input: unknown) => TOut | Invalid, json: JsonHint): v.GenericSchema<unknown, TOut | string> =>
  coerced<TOut | string>(`${expected} or a \`{{ }}\` reference`, (i) => (isRef(i) ? i : convert(i)), json);

/** `BoolOrRef`: a lax bool or a `{{ }}` reference. */
export const boolOrRef = refOr('a boolean', (i) => orInvalid(toLaxBool(i)), { type: ['boolean', 'string', 'integer'] });

/** `IntOrRef`: a strict integer or a `{{ }}` reference. */
export const intOrRef = refOr('an integer', (i) => (typeof i === 'number' && Number.isInteger(i) ? i : INVALID), refJson({ type: 'integer' }));

/** `FloatOrRef`: a lax float or a `{{ }}` reference. */
export const floatOrRef = refOr('a number', (i) => orInvalid(toLaxFloat(i)), { type: ['number', 'string', 'boolean'] });

/** `StrictIntOrFloat | Ref`. */
export const numberOrRef = refOr('a number', (i) => (typeof i === 'number' && Number.isFinite(i) ? i : INVALID), refJson({ type: 'number' }));

/** `PositiveInt | Ref`. */
export const positiveIntOrRef = refOr(
  'a positive integer',
  (i) => {
    const n = toLaxInt(i);
    return n !== undefined && n > 0 ? n : INVALID;
  },
  { type: ['integer', 'string'] },
);


type AnySchema = v.GenericSchema<unknown, unknown>;
type RunFn = (dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) => v.OutputDataset<unknown, v.BaseIssue<unknown>>;

function runOf(schema: v.GenericSchema): RunFn {
  return (dataset, config) => (schema as unknown as { '~run': RunFn })['~run'](dataset, config);
}

/**
 * A union that picks its option by looking at the input (no trial and
 * error): errors come from the one option that applies, with their paths.
 * It is still a `v.union` for introspection (JSON Schema).
 *
 * @param options - `[applies, schema]` pairs, tried in order.
 * @param message - Message when no option applies.
 * @returns The schema.
 */
export function dispatch<const S extends readonly v.GenericSchema[]>(
  options: { readonly [K in keyof S]: readonly [(input: unknown) => boolean, S[K]] },
  message: string,
): v.UnionSchema<S, string> {
  const union = v.union(options.map(([, schema]) => schema) as unknown as S, message);
  const runs = options.map(([test, schema]) => [test, runOf(schema)] as const);
  const self = union as unknown as { '~run': RunFn };
  self['~run'] = (dataset, config) => {
    for (const [test, run] of runs) if (test(dataset.value)) return run({ value: dataset.value }, config);
    v._addIssue(union, 'type', dataset, config, { received: describeValue(dataset.value) });
    return dataset as unknown as v.OutputDataset<unknown, v.BaseIssue<unknown>>;
  };
  return union;
}

/**
 * `X | Ref`: a `{{ }}` reference string is kept as is, anything else must
 * match `schema`.
 *
 * @param schema - The schema for the non-reference form.
 * @returns A schema accepting either.
 */
export function orRef<TOut>(schema: v.GenericSchema<unknown, TOut>): v.GenericSchema<unknown, TOut | string> {
  const union = v.union([refString, schema as AnySchema]);
  const inner = runOf(schema);
  const self = union as unknown as { '~run': RunFn };
  self['~run'] = (dataset, config) => {
    const value = dataset.value;
    if (isRef(value)) return { typed: true, value };
    const out = inner({ value }, config);
    if (out.issues && typeof value === 'string') {
      for (const issue of out.issues) {
        if (!issue.path) (issue as { message: string }).message = `${issue.message} Value must be a reference, received \`${value}\` instead.`;
      }
    }
    return out;
  };
  return union as unknown as v.GenericSchema<unknown, TOut | string>;
}

/** A list of strict strings. */
export const strList = v.array(strictStr, 'Expected a list of strings.');

/** `List[StrictStr] | Ref`. */
export const strListOrRef = orRef(strList);

/** A list of strings where a plain string is split on commas (upstream `to_list(check_str=True)`). */
export const commaList = v.pipe(
  dispatch(
    [
      [(x) => typeof x === 'string', v.string()],
      [(x) => Array.isArray(x), strList],
    ],
    'Expected a list of strings or a comma separated string.',
  ),
  v.transform((value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0)
      : value,
  ),
);

/** Name: `^[-a-zA-Z0-9_]+$` or a `{{ }}` reference. */
export const nameField = coerced(
  'a name matching ^[-a-zA-Z0-9_]+$ or a `{{ }}` reference',
  (i) => (typeof i === 'string' && (/^[-a-zA-Z0-9_]+$/.test(i) || isRef(i)) ? i : INVALID),
  { type: 'string', anyOf: [{ pattern: '^[-a-zA-Z0-9_]+$' }, { pattern: '\\{\\{.*\\}\\}' }] },
  (i) =>
    typeof i === 'string'
      ? `String should match pattern '^[-a-zA-Z0-9_]+\\z', received \`${i}\`.`
      : `Expected a string name, received ${describeValue(i)}.`,
);

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function reservedKeyOf(value: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(value)) if (RESERVED_KEYS.has(key)) return key;
  return undefined;
}

const mappingMessage =
  (message: string) =>
  (issue: v.CheckIssue<unknown>): string => {
    const key = isPlainObject(issue.input) ? reservedKeyOf(issue.input) : undefined;
    return key === undefined ? message : `The key \`${key}\` cannot be used as a name here.`;
  };

/** A plain object whose keys can all be kept (valibot records drop `constructor`/`prototype`). */
function mapping(message: string): v.GenericSchema<unknown, Record<string, unknown>> {
  return v.pipe(
    v.unknown(),
    v.metadata({ type: 'object' }),
    v.check((x) => isPlainObject(x) && reservedKeyOf(x) === undefined, mappingMessage(message)),
  ) as unknown as v.GenericSchema<unknown, Record<string, unknown>>;
}

/**
 * A mapping (plain object, never an array) of string keys to `value`.
 *
 * @param value - Schema of each value.
 * @param message - Message when the input is not a mapping.
 * @returns The schema.
 */
export function dict<TOut>(value: v.GenericSchema<unknown, TOut>, message = 'Expected an object.'): v.GenericSchema<unknown, Record<string, TOut>> {
  return v.pipe(mapping(message), v.record(v.string(), value, message));
}

/** A free-form JSON-like object (`Dict`), kept as given. */
export const anyObject = mapping('Expected an object.');

/** A map whose values are stringified (upstream `GenericStr`). */
export const genericStrMap = dict(
  coerced('a string-like value', (i) => {
    if (typeof i === 'string') return i;
    if (typeof i === 'number' || typeof i === 'boolean' || isPlainObject(i) || Array.isArray(i)) return pyStr(i);
    return INVALID;
  }, { type: ['string', 'number', 'boolean', 'object', 'array'] }),
);

// ---------------------------------------------------------------------------
// Datetimes and durations

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Zero-pads a number: `pad(7)` → `07`, `pad(7, 4)` → `0007`.
 *
 * @param n - The number.
 * @param width - The width (default 2).
 * @returns The padded digits.
 */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Normalises a datetime the way upstream's lax datetime + `isoformat()` would.
 *
 * @param input - A Date, an ISO string or a unix timestamp.
 * @returns The ISO string, or undefined when invalid.
 */
export function toIsoDatetime(input: unknown): string | undefined {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return undefined;
    const ms = input.getUTCMilliseconds();
    const base = `${pad(input.getUTCFullYear(), 4)}-${pad(input.getUTCMonth() + 1)}-${pad(input.getUTCDate())}T${pad(input.getUTCHours())}:${pad(input.getUTCMinutes())}:${pad(input.getUTCSeconds())}`;
    return `${base}${ms ? `.${pad(ms * 1000, 6)}` : ''}+00:00`;
  }
  if (typeof input === 'number' && Number.isFinite(input)) {
    return toIsoDatetime(new Date(Math.abs(input) > 2e10 ? input : input * 1000));
  }
  if (typeof input !== 'string') return undefined;
  const m = ISO_DATETIME.exec(input.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return undefined;
  let out = `${y!}-${mo!}-${d!}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}`;
  if (frac !== undefined && Number(frac) !== 0) out += `.${frac.padEnd(6, '0')}`;
  if (tz !== undefined) {
    if (tz === 'Z') out += '+00:00';
    else out += tz.includes(':') || tz.length === 3 ? (tz.length === 3 ? `${tz}:00` : tz) : `${tz.slice(0, 3)}:${tz.slice(3)}`;
  }
  return out;
}

/** `DatetimeOrRef`: lax datetime (ISO string, Date, timestamp), normalised to an ISO string. */
export const datetimeOrRef = refOr('a datetime', (i) => orInvalid(toIsoDatetime(i)), { type: ['string', 'number'] });

const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const CLOCK_DURATION = /^(?:(-?\d+)\s*(?:d|days?),?\s*)?(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$/i;

/**
 * Lax timedelta in seconds: a number, an ISO-8601 duration or `[D days,] HH:MM:SS`.
 *
 * @param input - The raw value.
 * @returns Seconds, or undefined.
 */
export function toSeconds(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const s = input.trim();
  const iso = ISO_DURATION.exec(s);
  if (iso && s !== 'P' && s.toUpperCase() !== 'PT') {
    const [, w, d, h, m, sec] = iso;
    return Number(w ?? 0) * 604800 + Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(sec ?? 0);
  }
  const clock = CLOCK_DURATION.exec(s);
  if (clock) {
    const [, d, h, m, sec] = clock;
    return Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m) * 60 + Number(sec);
  }
  return undefined;
}

/** `TimeDeltaOrRef`: seconds (number), ISO duration or clock string; output in seconds. */
export const timedeltaOrRef = refOr('a duration (seconds, ISO-8601 or HH:MM:SS)', (i) => orInvalid(toSeconds(i)), { type: ['number', 'string'] });

// ---------------------------------------------------------------------------
// Key spellings

/**
 * Upstream's `to_snake_case` (clipped): `volumeMounts` → `volume_mounts`.
 *
 * @param name - A key.
 * @returns The snake_case spelling.
 */
export function toSnakeCase(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * snake_case → camelCase: `volume_mounts` → `volumeMounts`.
 *
 * @param name - A key.
 * @returns The camelCase spelling.
 */
export function toCamelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Entries of a model: schemas keyed by their camelCase (alias) name. */
export type Entries = Record<string, v.GenericSchema>;

/**
 * Fields of a model: each multi-word camelCase key is also accepted under its
 * snake_case field name (pydantic `populate_by_name`), and `extra` adds odd
 * aliases (`{ path_from: 'from' }`).
 */
function aliasTable(entries: Entries, extra: Record<string, string>): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const key of Object.keys(entries)) {
    const snake = toSnakeCase(key);
    if (snake !== key && !(snake in entries) && !(snake in extra)) aliases[snake] = key;
  }
  // An empty target disables the automatic alias of that snake_case name.
  for (const [alias, key] of Object.entries(extra)) if (key !== '') aliases[alias] = key;
  return aliases;
}

const objectMessage = (issue: v.StrictObjectIssue): string => {
  if (issue.expected === 'never') {
    const key: unknown = issue.path?.[issue.path.length - 1]?.key;
    return `Extra inputs are not permitted: \`${typeof key === 'string' ? key : '?'}\` is not a known field here.`;
  }
  if (issue.kind === 'schema' && issue.expected === 'Object') return `Expected an object, received ${describeValue(issue.input)}.`;
  const key: unknown = issue.path?.[issue.path.length - 1]?.key;
  return typeof key === 'string' ? `Field required: \`${key}\`.` : `Invalid value: ${issue.message}`;
};

/** The `expects` of valibot's object schemas (and of pipes that start with one). */
export const OBJECT = 'Object';

const writtenAs = new WeakMap<object, Map<string, string>>();

/**
 * The spelling a validated model's field had in the document (`is_flag` for
 * `isFlag`), for locating issues found after normalisation.
 *
 * @param out - A validated model output.
 * @param key - The camelCase field name.
 * @returns The key as written.
 */
export function keyAsWritten(out: object, key: string): string {
  return writtenAs.get(out)?.get(key) ?? key;
}

const OPTIONAL_TYPES = new Set(['optional', 'nullish', 'exact_optional', 'undefinedable']);

function isOptionalSchema(schema: v.GenericSchema): boolean {
  return OPTIONAL_TYPES.has((schema as { type: string }).type);
}

/** Adds an issue; used by a model's finishing step. */
export type AddIssue = (info: { message: string; path?: [v.IssuePathItem, ...v.IssuePathItem[]]; expected?: string }) => void;

/** A model's strict object (with alias entries) and its finishing step. */
export interface ModelParts<E extends Entries> {
  /** The strict object accepting both spellings (usable as a `v.variant` option). */
  readonly object: v.StrictObjectSchema<E, undefined>;
  /**
   * Renames alias keys of a validated output to their camelCase names (in
   * place) and reports required fields given under neither spelling.
   * Returns false when a required field is missing.
   */
  readonly finish: (out: Record<string, unknown>, addIssue: AddIssue) => boolean;
}

/**
 * Builds the parts of an upstream model: a strict object accepting both the
 * camelCase alias and the snake_case field name of every field.
 *
 * @param entries - Field schemas keyed by camelCase name.
 * @param extraAliases - Additional alias → field-key pairs.
 * @returns The strict object and its finishing step.
 */
export function modelParts<const E extends Entries>(entries: E, extraAliases?: Record<string, string>): ModelParts<E> {
  return lazySchema(() => buildParts(entries, extraAliases));
}

function buildParts<const E extends Entries>(entries: E, extraAliases: Record<string, string> = {}): ModelParts<E> {
  const aliases = aliasTable(entries, extraAliases);
  const aliasKeys = Object.keys(aliases);
  const all: Entries = { ...entries };
  const requiredAliased = new Set<string>();
  for (const [alias, key] of Object.entries(aliases)) {
    const schema = entries[key]!;
    if (isOptionalSchema(schema)) {
      all[alias] = schema;
    } else {
      all[alias] = v.optional(schema);
      all[key] = v.optional(schema);
      requiredAliased.add(key);
    }
  }
  const object = v.strictObject(all, objectMessage) as unknown as v.StrictObjectSchema<E, undefined>;
  const finish = (out: Record<string, unknown>, addIssue: AddIssue): boolean => {
    let renamed: Map<string, string> | undefined;
    for (const alias of aliasKeys) {
      if (alias in out) {
        const key = aliases[alias]!;
        if (!(key in out) || out[key] === undefined) {
          out[key] = out[alias];
          (renamed ??= new Map()).set(key, alias);
        }
        Reflect.deleteProperty(out, alias);
      }
    }
    if (renamed) writtenAs.set(out, renamed);
    let ok = true;
    for (const key of requiredAliased) {
      if (out[key] === undefined) {
        ok = false;
        addIssue({
          message: `Field required: \`${key}\`.`,
          expected: `"${key}"`,
          path: [{ type: 'object', origin: 'key', input: out, key, value: undefined }],
        });
      }
    }
    return ok;
  };
  return { object, finish };
}

/** Output type of a model built by {@link model}. */
export type ModelSchema<E extends Entries> = v.GenericSchema<unknown, v.InferOutput<v.StrictObjectSchema<E, undefined>>>;

/**
 * A strict upstream model: unknown keys rejected, both key spellings accepted,
 * output keys camelCase.
 *
 * @param entries - Field schemas keyed by camelCase name.
 * @param extraAliases - Additional alias → field-key pairs.
 * @returns The schema.
 */
export function model<const E extends Entries>(entries: E, extraAliases?: Record<string, string>): ModelSchema<E> {
  return lazySchema(() => finished(buildParts(entries, extraAliases)), OBJECT);
}

/**
 * The schema of a model from its parts: its strict object, then its finishing step.
 *
 * @param parts - The parts built by {@link modelParts}.
 * @returns The schema.
 */
export function finished<E extends Entries>(parts: ModelParts<E>): ModelSchema<E> {
  return v.pipe(
    parts.object,
    v.rawTransform(({ dataset, addIssue, NEVER }) => (parts.finish(dataset.value as Record<string, unknown>, addIssue) ? dataset.value : NEVER)),
  );
}

/**
 * `v.pipe(schema, action)` built on first use, for a pipe that starts with an object schema
 * (a model or a tagged union): wrapping it does not build it (see {@link lazySchema}).
 *
 * @param schema - The object schema.
 * @param action - What runs on its output (a check or a transformation).
 * @returns The schema.
 */
export function piped<const S extends v.GenericSchema, const A extends v.PipeItem<v.InferOutput<S>, unknown, v.BaseIssue<unknown>>>(
  schema: S,
  action: A | v.PipeAction<v.InferOutput<S>, v.InferOutput<A>, v.InferIssue<A>>,
): v.SchemaWithPipe<readonly [S, A]> {
  return lazySchema(() => v.pipe(schema, action), OBJECT);
}

/**
 * A tagged union on `kind` over models built with {@link modelParts}; the
 * selected option's keys are normalised to camelCase.
 *
 * @param options - The parts of each option (each has a `kind` literal entry).
 * @param message - Message when `kind` is missing or unknown.
 * @returns The schema.
 */
export function tagged<const P extends readonly ModelParts<Entries & { kind: v.GenericSchema }>[]>(
  options: P,
  message: string,
): v.GenericSchema<unknown, v.InferOutput<P[number]['object']>> {
  return lazySchema(() => {
    const variantMessage = (issue: v.VariantIssue): string =>
      issue.path === undefined
        ? `Expected an object with a \`kind\`, received ${describeValue(issue.input)}.`
        : `${message} Received ${issue.input === undefined ? 'no kind' : describeValue(issue.input)}.`;
    const variant = v.variant('kind', options.map((o) => o.object) as unknown as v.VariantOptions<'kind'>, variantMessage);
    return v.pipe(
      variant,
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const out = dataset.value as Record<string, unknown>;
        const finish = options.find((option) => (option.object.entries.kind as unknown as { literal?: unknown }).literal === out.kind)?.finish;
        return !finish || finish(out, addIssue) ? out : NEVER;
      }),
    );
  }, OBJECT);
}

/**
 * Optional upstream field: absent or null.
 *
 * @param schema - The field's schema.
 * @returns The optional schema.
 */
export function opt<TIn, TOut>(schema: v.GenericSchema<TIn, TOut>): v.NullishSchema<v.GenericSchema<TIn, TOut>, undefined> {
  return v.nullish(schema);
}

/**
 * A list of `item`, or a `{{ }}` reference.
 *
 * @param item - The item schema.
 * @returns The schema.
 */
export function listOrRef<TOut>(item: v.GenericSchema<unknown, TOut>): v.GenericSchema<unknown, TOut[] | string> {
  return orRef(v.array(item, 'Expected a list.'));
}

/**
 * A picklist (enum) with upstream's message.
 *
 * @param values - Allowed values.
 * @param name - What the values are, for the message.
 * @returns The schema.
 */
export function oneOf<const T extends readonly string[]>(values: T, name = 'value'): v.PicklistSchema<T, string> {
  return v.picklist(values, `Expected ${name} to be one of ${values.map((x) => `"${x}"`).join(', ')}.`);
}

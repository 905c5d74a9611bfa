// Upstream's per-type value conversion (`ConfigParser.parse(type)` + pydantic
// lax validation) as pure functions, plus V1Validation rules.
import * as v from 'valibot';
import { PolyaxonSchemaError, type SpecStage } from '../errors';
import { isPlainObject, isRef, toIsoDatetime, toLaxBool, toLaxFloat, toSeconds } from './common';
import { pyStr } from './py-format';
import { runValidation, type V1Validation } from './validation';
import {
  ArtifactsTypeSchema,
  checkImage,
  DockerfileTypeSchema,
  EventTypeSchema,
  FileTypeSchema,
  GitTypeSchema,
  isUuid,
  TensorboardTypeSchema,
} from './value-types';

/** The IO fields that value conversion looks at. */
export interface IOValueSpec {
  readonly name: string;
  readonly type?: string | null;
  readonly isList?: boolean | null;
  readonly isOptional?: boolean | null;
  /** The IO's default value. */
  readonly value?: unknown;
  readonly validation?: V1Validation | null;
}

/** Options of {@link parseIOValue}. */
export interface ParseIOValueOptions {
  /** Values holding `{{ }}` templates are returned untouched (param values). */
  readonly isTemplate?: boolean;
  /** The stage reported by a thrown error (default `params`). */
  readonly stage?: SpecStage;
  /** Field path reported by a thrown error. */
  readonly path?: readonly (string | number)[];
}

/**
 * Every IO type name upstream knows (documented ones plus `file`, `tensorboard`,
 * `uuid`, `email`, `timedelta`, `Any`); typing expressions such as `List[int]`,
 * `Dict[str, int]`, `Optional[X]`, `Union[A, B]` and `StrictInt`/`StrictStr`/
 * `StrictFloat`/`StrictBool` are understood too.
 */
export const IO_TYPES = [
  'any', 'int', 'float', 'bool', 'str', 'dict', 'dict_of_dicts', 'uri', 'auth', 'list', 'gcs', 's3', 'wasb',
  'dockerfile', 'git', 'image', 'event', 'artifacts', 'path', 'metric', 'metadata', 'date', 'datetime', 'file',
  'tensorboard', 'uuid', 'email', 'timedelta', 'Any',
] as const;

const NOT_LOADABLE = new Set([
  'any', 'Any', 'str', 'bool', 'path', 'date', 'datetime', 'timedelta', 'uuid', 'email', 'image', 'uri', 'gcs', 's3', 'wasb',
  'StrictStr', 'StrictBool', 'StrictInt', 'StrictFloat',
]);

const FAIL: unique symbol = Symbol('fail');
type Fail = typeof FAIL;

function objectOf(schema: v.GenericSchema): (value: unknown) => unknown {
  return (value) => {
    if (!isPlainObject(value)) return FAIL;
    const result = v.safeParse(schema, value);
    return result.success ? result.output : FAIL;
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const URI_WITH_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s/]+/;
const URI_USER_HOST = /^[^\s:@/]+:[^\s@/]*@[^\s/]+$/;
const GCS = /^(gs|gcs):\/\/[^\s/]+(\/.*)?$/;
const S3 = /^s3:\/\/[^\s/]+(\/.*)?$/;
const WASB = /^(?:(wasbs?|abfss?):\/\/[^\s@/]+@[^\s/]+\.(?:blob|dfs)\.core\.windows\.net(\/.*)?|az:\/\/[^\s/]+(\/.*)?|https:\/\/[^\s/]+\.(?:blob|dfs)\.core\.windows\.net(\/.*)?)$/;

function toDate(value: unknown): string | Fail {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? FAIL : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return FAIL;
  const m = DATE.exec(value.trim());
  if (!m) return FAIL;
  if (value.trim().length > 10 && toIsoDatetime(value) === undefined) return FAIL;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate()) return FAIL;
  return `${m[1]!}-${m[2]!}-${m[3]!}`;
}

const CONVERTERS: Readonly<Record<string, (value: unknown) => unknown>> = {
  any: (x) => x,
  Any: (x) => x,
  int: (x) => {
    if (typeof x === 'boolean') return x ? 1 : 0;
    if (typeof x === 'number') return Number.isInteger(x) ? x : FAIL;
    if (typeof x === 'string' && /^\s*[-+]?\d+\s*$/.test(x)) return Number.parseInt(x, 10);
    return FAIL;
  },
  StrictInt: (x) => (typeof x === 'number' && Number.isInteger(x) ? x : FAIL),
  StrictFloat: (x) => (typeof x === 'number' && Number.isFinite(x) ? x : FAIL),
  StrictBool: (x) => (typeof x === 'boolean' ? x : FAIL),
  StrictStr: (x) => (typeof x === 'string' ? x : FAIL),
  float: (x) => {
    if (typeof x === 'string' && /^\s*[-+]?(nan|inf|infinity)\s*$/i.test(x)) return FAIL;
    return toLaxFloat(x) ?? FAIL;
  },
  metric: (x) => CONVERTERS.float!(x),
  bool: (x) => toLaxBool(x) ?? FAIL,
  str: (x) => {
    if (typeof x === 'string') return x;
    if (x === null || x === undefined) return FAIL;
    if (x instanceof Date) return x.toISOString();
    try {
      return JSON.stringify(x);
    } catch {
      // cyclic or too deep to serialise
      return FAIL;
    }
  },
  dict: (x) => (isPlainObject(x) ? x : FAIL),
  metadata: (x) => (isPlainObject(x) ? x : FAIL),
  list: (x) => (Array.isArray(x) ? x : FAIL),
  path: (x) => (typeof x === 'string' ? x : FAIL),
  uri: (x) => {
    if (typeof x !== 'string') return FAIL;
    if (URI_WITH_SCHEME.test(x)) {
      try {
        return new URL(x).href;
      } catch {
        return FAIL;
      }
    }
    return URI_USER_HOST.test(x) ? x : FAIL;
  },
  gcs: (x) => (typeof x === 'string' && GCS.test(x) ? x : FAIL),
  s3: (x) => (typeof x === 'string' && S3.test(x) ? x : FAIL),
  wasb: (x) => (typeof x === 'string' && WASB.test(x) ? x : FAIL),
  image: (x) => (typeof x === 'string' && checkImage(x) === undefined ? x : FAIL),
  git: objectOf(GitTypeSchema),
  artifacts: objectOf(ArtifactsTypeSchema),
  dockerfile: objectOf(DockerfileTypeSchema),
  file: objectOf(FileTypeSchema),
  tensorboard: objectOf(TensorboardTypeSchema),
  event: objectOf(EventTypeSchema),
  date: toDate,
  datetime: toDate,
  timedelta: (x) => (typeof x === 'number' || (typeof x === 'string' && x.trim().toUpperCase().startsWith('P')) ? toSeconds(x) ?? FAIL : FAIL),
  uuid: (x) => (typeof x === 'string' && isUuid(x) ? x.trim().replace(/^urn:uuid:/i, '').replace(/[{}-]/g, '').toLowerCase() : FAIL),
  email: (x) => (typeof x === 'string' && EMAIL.test(x.trim()) ? x.trim() : FAIL),
};

function loadJson(loadable: boolean, value: unknown): unknown {
  if (typeof value !== 'string' || !loadable) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

type Converter = (value: unknown) => unknown;

/** Splits `a, B[c, d], e` on top-level commas. */
function splitArgs(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '[') depth += 1;
    else if (c === ']') depth -= 1;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const GENERIC = /^([A-Za-z_][\w.]*)\[(.*)\]$/s;

/**
 * Builds the converter of a type expression: a name (`int`, `StrictInt`...)
 * or a typing form (`List[int]`, `Dict[str, int]`, `Optional[X]`, `Union[A, B]`),
 * as upstream's config parser resolves type strings.
 */
function buildConverter(type: string, depth = 0): Converter | undefined {
  const t = type.trim();
  const named = CONVERTERS[t];
  if (named !== undefined) return (value) => named(loadJson(!NOT_LOADABLE.has(t), value));
  if (t === 'List' || t === 'Dict') return CONVERTERS[t.toLowerCase()];
  const m = GENERIC.exec(t);
  if (!m || depth > 8) return undefined;
  const head = m[1]!.replace(/^typing\./, '');
  const args = splitArgs(m[2]!);
  const inner = args.map((a) => buildConverter(a, depth + 1));
  if (inner.some((c) => c === undefined)) return undefined;
  const convs = inner as Converter[];
  switch (head) {
    case 'List':
    case 'list':
    case 'Sequence':
    case 'Set':
    case 'set':
      return (value) => {
        const list = loadJson(true, value);
        if (!Array.isArray(list) || convs.length !== 1) return FAIL;
        const out: unknown[] = [];
        for (const item of list) {
          const c = convs[0]!(item);
          if (c === FAIL) return FAIL;
          out.push(c);
        }
        return out;
      };
    case 'Dict':
    case 'dict':
    case 'Mapping':
      return (value) => {
        const obj = loadJson(true, value);
        if (!isPlainObject(obj) || convs.length !== 2) return FAIL;
        const out: Record<string, unknown> = {};
        for (const [k, item] of Object.entries(obj)) {
          const c = convs[1]!(item);
          if (c === FAIL) return FAIL;
          out[k] = c;
        }
        return out;
      };
    case 'Optional':
      return (value) => (value === null ? null : convs[0]!(value));
    case 'Union':
      return (value) => {
        for (const conv of convs) {
          const c = conv(value);
          if (c !== FAIL) return c;
        }
        return FAIL;
      };
    default:
      return undefined;
  }
}

const converterCache = new Map<string, Converter | undefined>();

function convertOne(type: string, value: unknown): unknown {
  let converter = converterCache.get(type);
  if (converter === undefined && !converterCache.has(type)) {
    converter = buildConverter(type);
    if (converterCache.size < 500) converterCache.set(type, converter);
  }
  if (converter === undefined) return FAIL;
  return converter(value);
}

/**
 * Converts and validates a value for an IO exactly like upstream's
 * `V1IO.validate_value` (type conversion, then `validation` rules).
 * Untyped IOs pass values through unchanged.
 *
 * @param io - The IO definition (name, type, isList, isOptional, default value, validation).
 * @param value - The raw value (a param value or the IO's own default).
 * @param options - `isTemplate` to let `{{ }}` values through untouched; error stage and path.
 * @returns The converted value (the IO default when `value` is null/undefined and the IO is optional).
 * @throws {@link PolyaxonSchemaError} when the value cannot be converted or breaks a validation rule.
 *
 * @example
 * ```ts
 * parseIOValue({ name: 'lr', type: 'float' }, '0.1'); // 0.1
 * ```
 */
export function parseIOValue(io: IOValueSpec, value: unknown, options: ParseIOValueOptions = {}): unknown {
  const { name } = io;
  const type = io.type ?? undefined;
  const stage = options.stage ?? 'params';
  const path = options.path ?? [];
  const fail = (message: string, expected?: string): never => {
    throw new PolyaxonSchemaError(message, {
      stage,
      issues: [{ path, message, ...(expected !== undefined ? { expected } : {}), received: pyStr(value) }],
    });
  };
  if (type === undefined) return value;
  if (options.isTemplate && isRef(value)) return value;
  if (value === null || value === undefined) {
    if (!io.isOptional) fail(`No value was provided for the non optional key \`${name}\`.`);
    return io.value ?? null;
  }
  const cannot = (): never =>
    fail(
      `Could not parse value \`${pyStr(value)}\` for \`${name}\`, an error was encountered: Cannot convert value \`${pyStr(value)}\` (key: \`${name}\`) to \`${type}\``,
      io.isList ? `a list of ${type}` : type,
    );
  let parsed: unknown;
  if (io.isList) {
    let list: unknown = value;
    if (typeof list === 'string') {
      try {
        list = JSON.parse(list) as unknown;
      } catch {
        cannot();
      }
    }
    if (!Array.isArray(list)) return cannot();
    parsed = list.map((item) => {
      const out = convertOne(type, item);
      return out === FAIL ? cannot() : out;
    });
  } else {
    parsed = convertOne(type, value);
    if (parsed === FAIL) cannot();
  }
  if (io.validation) {
    const error = runValidation(io.validation, parsed, io.isOptional ?? false);
    if (error !== undefined) fail(`Could not parse value \`${pyStr(value)}\` for \`${name}\`, an error was encountered: ${error}`);
  }
  return parsed;
}

import { PolyaxonfileError } from '../errors';

/** How deep objects and arrays may nest (a guard against cycles and stack exhaustion). */
export const MAX_DEPTH = 200;

/** Whether `value` is a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tooDeep(path: readonly (string | number)[]): never {
  throw new PolyaxonfileError(`Cannot read config_value: it is nested deeper than ${MAX_DEPTH} levels (or contains a cycle).`, {
    stage: 'read',
    issues: [{ path: path.slice(0, 20), message: 'nested too deeply', expected: `at most ${MAX_DEPTH} levels`, received: 'more' }],
  });
}

function unsupported(value: unknown, path: readonly (string | number)[]): never {
  const kind = typeof value === 'object' ? (value?.constructor?.name ?? 'object') : typeof value;
  throw new PolyaxonfileError(`Cannot read config_value: a value of type ${kind} cannot be part of a Polyaxonfile.`, {
    stage: 'read',
    issues: [{ path, message: 'unsupported value', expected: 'JSON data (object, array, string, number, boolean, null)', received: kind }],
  });
}

/** Assigns `obj[key] = value` without ever touching the prototype (`__proto__` keys stay data). */
export function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * Copies caller-supplied data into plain JSON-like data: `Date`s become ISO
 * strings, `Map`s objects; functions, symbols, class instances and cycles
 * are rejected.
 *
 * @param value - what the caller passed
 * @param path - where it is (for errors)
 * @returns a plain copy
 * @throws {@link PolyaxonfileError} for data that cannot be part of a Polyaxonfile
 */
export function toPlainData(value: unknown, path: (string | number)[] = []): unknown {
  if (path.length > MAX_DEPTH) tooDeep(path);
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return value;
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      return unsupported(value, path);
  }
  if (Array.isArray(value)) return value.map((item, index) => toPlainData(item, [...path, index]));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? unsupported(value, path) : value.toISOString();
  const entries: [unknown, unknown][] | undefined =
    value instanceof Map ? [...(value as Map<unknown, unknown>).entries()] : undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  if (entries === undefined && proto !== Object.prototype && proto !== null) return unsupported(value, path);
  const out: Record<string, unknown> = {};
  for (const [rawKey, item] of entries ?? Object.entries(value)) {
    const key = typeof rawKey === 'string' ? rawKey : typeof rawKey === 'number' || typeof rawKey === 'boolean' ? String(rawKey) : unsupported(rawKey, path);
    setKey(out, key, toPlainData(item, [...path, key]));
  }
  return out;
}

/**
 * Deep-merges `patch` into `base` the way upstream's config reader merges a
 * list of documents: objects key by key, lists and scalars replaced.
 *
 * @param base - the earlier document
 * @param patch - the later document (wins)
 * @returns a new merged value
 */
export function deepMerge(base: unknown, patch: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) tooDeep([]);
  if (!isRecord(base) || !isRecord(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  if (Object.hasOwn(base, '__proto__')) setKey(out, '__proto__', base.__proto__);
  for (const key of Object.keys(patch)) {
    setKey(out, key, Object.hasOwn(base, key) ? deepMerge(base[key], patch[key], depth + 1) : patch[key]);
  }
  return out;
}

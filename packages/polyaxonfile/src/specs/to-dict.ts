import { isRecord, setKey } from '../read/plain-data';

/** A JSON object as {@link toDict} returns it. */
export type SpecDict = Record<string, unknown>;

function clean(value: unknown, depth: number): unknown {
  if (depth > 400) return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : clean(item, depth + 1)));
  if (isRecord(value)) {
    const out: SpecDict = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === null || item === undefined || typeof item === 'function') continue;
      setKey(out, key, clean(item, depth + 1));
    }
    return out;
  }
  return value;
}

/**
 * Serializes a parsed spec the way upstream's `to_dict()` does: camelCase
 * keys (as the models already hold them), unset and `null` fields omitted,
 * dates as ISO strings. `read(toDict(spec))` gives the same spec back.
 *
 * @param spec - a value returned by a reader
 * @returns a JSON-ready object
 */
export function toDict(spec: object): SpecDict {
  return clean(spec, 0) as SpecDict;
}

/** Methods attached (non-enumerable) to every spec a reader returns. */
export interface SpecMethods {
  /** Upstream's `to_dict()`: see {@link toDict}. */
  toDict(): SpecDict;
}

/** A spec as readers return it: a plain typed object plus {@link SpecMethods}. */
export type Spec<T> = T & SpecMethods;

/**
 * Attaches {@link SpecMethods} as non-enumerable properties, so the object
 * stays plain for `JSON.stringify`, spreading and deep equality.
 *
 * @param value - the parsed spec
 * @returns the same object
 */
export function withSpecMethods<T extends object>(value: T): Spec<T> {
  Object.defineProperty(value, 'toDict', {
    value: function toDictMethod(this: T): SpecDict {
      return toDict(this);
    },
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return value as Spec<T>;
}

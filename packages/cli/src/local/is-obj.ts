// The guard the local-run modules use on parsed Polyaxonfile values.

/** A parsed mapping. */
export type Obj = Record<string, unknown>;

/** Whether `value` is a mapping (not null, not a list). */
export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A shallow copy of `value` without its `null`/`undefined` fields (upstream drops them from bodies). */
export function dropNulls<T extends object>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined && v !== null) out[key] = v;
  return out as Partial<T>;
}

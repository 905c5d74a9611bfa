import { isRecord, setKey } from '../read/plain-data';
import type { PatchStrategy } from '../schemas/patch-strategy';


/** Keys whose values are free-form maps (replaced or kept whole, not merged field by field). */
const FREE_FORM = new Set(['labels', 'annotations', 'nodeSelector', 'runtimeEnv', 'metadata', 'resources', 'value', 'rayStartParams']);

/** Sections merged only when both sides have the same `kind`. */
const SAME_KIND = new Set(['schedule', 'matrix']);

function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => isEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && isEqual(a[key], b[key]));
  }
  return false;
}

function mergeLists(existing: readonly unknown[], patch: readonly unknown[], strategy: PatchStrategy): unknown[] {
  switch (strategy) {
    case 'replace':
      return [...patch];
    case 'isnull':
      return [...existing];
    case 'post_merge':
      return [...existing, ...patch.filter((item) => !existing.some((old) => isEqual(old, item)))];
    case 'pre_merge':
      return [...patch, ...existing.filter((item) => !patch.some((old) => isEqual(old, item)))];
  }
}

function mergeFreeMap(existing: Record<string, unknown>, patch: Record<string, unknown>, strategy: PatchStrategy): Record<string, unknown> {
  switch (strategy) {
    case 'replace':
      return patch;
    case 'isnull':
      return existing;
    case 'post_merge':
      return deepMergeWith(existing, patch, true);
    case 'pre_merge':
      return deepMergeWith(existing, patch, false);
  }
}

function deepMergeWith(existing: Record<string, unknown>, patch: Record<string, unknown>, patchWins: boolean, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(patch)) {
    const old = existing[key];
    if (old === undefined || old === null) setKey(out, key, value);
    else if (isRecord(old) && isRecord(value) && depth < 200) setKey(out, key, deepMergeWith(old, value, patchWins, depth + 1));
    else if (patchWins && value !== null && value !== undefined) setKey(out, key, value);
  }
  return out;
}

/**
 * Patches one value with another using a patch strategy, as upstream does
 * for presets, overrides and `runPatch`: nested spec objects are patched
 * field by field, lists merged (post/pre) or replaced, scalars chosen.
 *
 * @param existing - the current value
 * @param patch - the patch value
 * @param strategy - the strategy (default `post_merge`)
 * @param key - the field name (some fields have special rules)
 * @returns the patched value
 */
export function patchValue(existing: unknown, patch: unknown, strategy: PatchStrategy = 'post_merge', key?: string, depth = 0): unknown {
  if (patch === undefined || patch === null) return existing;
  if (existing === undefined || existing === null) return patch;
  if (key === 'params' && isRecord(existing) && isRecord(patch)) {
    const out: Record<string, unknown> = { ...existing };
    for (const [name, value] of Object.entries(patch)) {
      if (!Object.hasOwn(existing, name) || strategy === 'post_merge' || strategy === 'replace') setKey(out, name, value);
    }
    return out;
  }
  if (key !== undefined && SAME_KIND.has(key) && isRecord(existing) && isRecord(patch) && existing.kind !== patch.kind) {
    return strategy === 'pre_merge' || strategy === 'isnull' ? existing : patch;
  }
  if (Array.isArray(existing) && Array.isArray(patch)) return mergeLists(existing, patch, strategy);
  if (isRecord(existing) && isRecord(patch)) {
    if (key !== undefined && FREE_FORM.has(key)) return mergeFreeMap(existing, patch, strategy);
    if (depth > 200) return strategy === 'pre_merge' || strategy === 'isnull' ? existing : patch;
    return patchObject(existing, patch, strategy, depth + 1);
  }
  return strategy === 'pre_merge' || strategy === 'isnull' ? existing : patch;
}

/**
 * Patches every field set on `patch` into `existing` (see {@link patchValue}).
 *
 * @returns a new object
 */
export function patchObject(
  existing: Record<string, unknown>,
  patch: Record<string, unknown>,
  strategy: PatchStrategy = 'post_merge',
  depth = 0,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(patch)) {
    const patched = patchValue(existing[key], value, strategy, key, depth);
    if (patched !== undefined) setKey(out, key, patched);
  }
  return out;
}

import { compactJson } from '../json/compact-json';
import { PyFloat } from '../json/py-float';

/** V1Run fields in schema (serialization) order. */
export const RUN_FIELDS = [
  'uuid', 'name', 'description', 'tags', 'user', 'owner', 'project', 'schedule_at', 'created_at', 'updated_at',
  'started_at', 'finished_at', 'wait_time', 'duration', 'managed_by', 'is_managed', 'is_approved', 'pending',
  'content', 'raw_content', 'status', 'bookmarked', 'live_state', 'readme', 'meta_info', 'kind', 'runtime',
  'inputs', 'outputs', 'original', 'pipeline', 'status_conditions', 'role', 'contributors', 'settings',
  'resources', 'graph', 'merge',
] as const;

/** V1StatusCondition fields in serialization order. */
export const CONDITION_FIELDS = ['type', 'status', 'reason', 'message', 'last_update_time', 'last_transition_time', 'meta_info'] as const;

/** V1RunArtifact fields in serialization order. */
export const ARTIFACT_FIELDS = ['name', 'kind', 'path', 'state', 'summary', 'meta_info', 'run', 'connection', 'is_input'] as const;

/**
 * Copies `value` with its known keys first in `order`, then any other keys,
 * dropping `null`/`undefined` values (as upstream's `to_json` does).
 */
export function ordered(value: object, order: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order) if (source[key] != null) out[key] = source[key];
  for (const [key, v] of Object.entries(source)) if (!(key in out) && v != null && !order.includes(key)) out[key] = v;
  return out;
}

/** V1Run fields that upstream holds as Python floats (written `0.0`, never `0`). */
export const RUN_FLOAT_FIELDS = ['wait_time', 'duration'] as const;

/** `meta_info` keys that upstream holds as Python floats (`progress`, from `log_progress`). */
export const META_FLOAT_KEYS = ['progress'] as const;

function asFloat(value: unknown): unknown {
  return typeof value === 'number' ? new PyFloat(value) : value;
}

/**
 * A run as upstream writes `run.plx.json`: compact JSON (see
 * {@link compactJson}) in schema order, nulls dropped, conditions ordered
 * too, and the fields upstream holds as floats (`wait_time`, `duration`,
 * `meta_info.progress`) written as floats (`0.0`).
 *
 * @param run - a `V1Run` (free-form values may hold {@link PyFloat}s)
 * @returns the file text
 * @example
 * ```ts
 * runToJson({ uuid: 'u', wait_time: 0, duration: 1e-5 }); // '{"uuid":"u","wait_time":0.0,"duration":1e-05}'
 * ```
 */
export function runToJson(run: object): string {
  const out = ordered(run, RUN_FIELDS);
  for (const field of RUN_FLOAT_FIELDS) if (field in out) out[field] = asFloat(out[field]);
  const meta = out.meta_info;
  if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) {
    const floats: Record<string, unknown> = { ...meta };
    for (const key of META_FLOAT_KEYS) if (key in floats) floats[key] = asFloat(floats[key]);
    out.meta_info = floats;
  }
  if (Array.isArray(out.status_conditions)) {
    out.status_conditions = (out.status_conditions as object[]).map((c) => ordered(c, CONDITION_FIELDS));
  }
  return compactJson(out);
}

/**
 * Lineage records as upstream writes `lineages.plx.json`: a compact JSON
 * array in schema order, nulls dropped, {@link PyFloat} summary values as floats.
 *
 * @param lineages - `V1RunArtifact` records
 * @returns the file text
 */
export function lineagesToJson(lineages: readonly object[]): string {
  return compactJson(lineages.map((l) => ordered(l, ARTIFACT_FIELDS)));
}

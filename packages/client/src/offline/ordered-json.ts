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

/** A run as compact JSON in schema order, nulls dropped, conditions ordered too. */
export function runToJson(run: object): string {
  const out = ordered(run, RUN_FIELDS);
  if (Array.isArray(out.status_conditions)) {
    out.status_conditions = (out.status_conditions as object[]).map((c) => ordered(c, CONDITION_FIELDS));
  }
  return JSON.stringify(out);
}

/** Lineage records as a compact JSON array in schema order. */
export function lineagesToJson(lineages: readonly object[]): string {
  return JSON.stringify(lineages.map((l) => ordered(l, ARTIFACT_FIELDS)));
}

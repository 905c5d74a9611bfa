/**
 * Known gaps between the official OpenAPI and what the real server and the
 * upstream Python client put on the wire. Each one is tolerated on purpose
 * (and only these): anything else that does not match is a violation.
 */

/**
 * 1. Nulls. The schema declares no field nullable, yet the server returns
 *    `null` for every unset field and the client may send them. Null-valued
 *    object properties are treated as absent.
 */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== null) out[key] = stripNulls(v);
    return out;
  }
  return value;
}

/**
 * 2. Condition `status`. `V1StatusCondition.status`/`V1StageCondition.status`
 *    are declared as strings, but the client sends a JSON boolean and the
 *    server answers booleans. Both are accepted.
 */
export function patchDefinitions(definitions: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const copy = structuredClone(definitions);
  for (const name of ['v1StatusCondition', 'v1StageCondition']) {
    const properties = copy[name]?.properties as Record<string, Record<string, unknown>> | undefined;
    if (properties?.status) properties.status = { type: ['string', 'boolean'] };
  }
  patchManagedBy(copy);
  return copy;
}

/**
 * 3. `managed_by`. `V1ManagedBy` lists `client, cli, agent`, but the server
 *    and the upstream client use `user` for runs tracked from code (see
 *    api-samples 08). `user` is accepted too.
 */
function patchManagedBy(definitions: Record<string, Record<string, unknown>>): void {
  const managedBy = definitions.v1ManagedBy;
  if (managedBy && Array.isArray(managedBy.enum) && !managedBy.enum.includes('user')) {
    managedBy.enum = [...(managedBy.enum as unknown[]), 'user'];
  }
}

/**
 * 4. Query booleans. The generated Python client sends `True`/`False`
 *    (Python's `str(bool)`); the server accepts them.
 */
export const QUERY_BOOLEANS: ReadonlySet<string> = new Set(['true', 'false', 'True', 'False', '1', '0']);

/**
 * 5. Query parameters the upstream client sends that the specification does
 *    not declare, by operation id.
 */
export const EXTRA_QUERY_PARAMS: Readonly<Record<string, readonly string[]>> = {
  GetRunArtifacts: ['check_path'],
  GetRunArtifact: ['check_path'],
  GetRunEvents: ['pkg_assets', 'path'],
  GetMultiRunEvents: ['pkg_assets', 'path'],
};

/**
 * 6. Status codes. The specification lists only `200` for successes; the
 *    server answers `201` on creation and `204` on deletion. Those are checked
 *    against the `200` schema (`204` must have an empty body).
 */
export const SUCCESS_ALIASES: readonly number[] = [201, 204];

/**
 * 7. Error bodies. Every operation declares `default: runtimeError`, a
 *    gRPC-gateway shape the Django server never sends; its errors are
 *    `{"detail": ...}`, `{"field": ["..."]}` or `["..."]`. Error responses are
 *    checked only against explicitly declared codes (403/404: any body);
 *    see `OpenApiValidator.response`.
 */

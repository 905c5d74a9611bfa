/** Context sections a ref value may name alone. */
export const CONTEXTS = ['inputs', 'outputs', 'io', 'artifacts'] as const;
/** Context sections a ref value may name with one nested key. */
export const CONTEXTS_WITH_NESTING = ['inputs', 'outputs', 'artifacts', 'globals'] as const;

/** Keys of the `globals` context (all typed `str` for compatibility checks). */
export const GLOBALS_KEYS = [
  'owner_name', 'project_name', 'project_unique_name', 'project_uuid', 'run_info', 'name', 'uuid', 'status',
  'namespace', 'iteration', 'context_path', 'artifacts_path', 'created_at', 'compiled_at', 'schedule_at',
  'started_at', 'finished_at', 'duration', 'cloning_kind', 'original_uuid', 'is_independent',
] as const;

const TEMPLATE = /\{\{\s*(.*?)\s*\}\}/s;
const UUID = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

/** A parsed param `ref`. */
export type ParamRef = { kind: 'dag' } | { kind: 'ops'; name: string } | { kind: 'runs'; uuid: string };

/**
 * Parses a param `ref` (`dag`, `ops.<name>`, `runs.<uuid>`).
 *
 * @returns the ref, or an error message (upstream's wording)
 */
export function parseParamRef(ref: string, param: string): ParamRef | { error: string } {
  if (ref === 'dag') return { kind: 'dag' };
  const parts = ref.split('.');
  if (parts.length !== 2) return { error: `Could not parse ref \`${ref}\` for param \`${param}\`.` };
  const [entity, value] = parts as [string, string];
  if (entity === 'ops') return { kind: 'ops', name: value };
  if (entity === 'runs') {
    if (!UUID.test(value)) return { error: `Param value \`${value}\` should reference a valid run uuid.` };
    return { kind: 'runs', uuid: value };
  }
  return { error: `Could not parse ref \`${ref}\` for param \`${param}\`. Operation ref must be one of \`{'ops', 'runs'}\`` };
}

/** Whether a value contains a `{{ }}` template. */
export function isTemplate(value: unknown): value is string {
  return typeof value === 'string' && /\{\{.*?\}\}/s.test(value);
}

/** The dotted parts of a ref value, with any `{{ }}` removed. */
export function refValueParts(value: string): string[] {
  const match = TEMPLATE.exec(value);
  return (match === null ? value : match[1]!).split('.').map((part) => part.trim());
}

/**
 * Checks a ref value's shape (`outputs.loss`, `inputs`, `artifacts.x.y`, `globals.uuid`).
 *
 * @returns an error message, or undefined when it is well formed
 */
export function checkRefValue(value: string, param: string, isDag: boolean): string | undefined {
  const parts = refValueParts(value);
  if (parts.length > 3) return `Could not parse value \`${value}\` for param \`${param}\`.`;
  if (parts.length === 1 && !(CONTEXTS as readonly string[]).includes(parts[0]!)) {
    return `Received an invalid value \`${value}\` for param \`${param}\`. Value must be one of \`${JSON.stringify(CONTEXTS)}\``;
  }
  if (parts.length === 1 && isDag && parts[0] === 'outputs') {
    return `Received an invalid value \`${value}\` for param \`${param}\`. You can not use \`outputs\` of current dag`;
  }
  if (parts.length === 2 && !(CONTEXTS_WITH_NESTING as readonly string[]).includes(parts[0]!)) {
    return `Received an invalid value \`${value}\` for param \`${param}\`. Value \`${parts[0]!}\` must be one of \`${JSON.stringify(CONTEXTS_WITH_NESTING)}\``;
  }
  if (parts.length === 3 && parts[0] !== 'artifacts') {
    return `Received an invalid value \`${value}\` for param \`${param}\`. Value \`${parts[0]!}\` must can only be equal to \`artifacts\``;
  }
  return undefined;
}

const STR_LIKE = new Set(['str', 'path', 's3', 'gcs', 'wasb']);
const FLOAT_LIKE = new Set(['float', 'metric']);

/** Upstream's IO type compatibility for refs: equal, both path-like strings, or both floats. */
export function typesCompatible(a: string | undefined | null, b: string | undefined | null): boolean {
  if (a === undefined || a === null || b === undefined || b === null || a === 'any' || b === 'any') return true;
  if (a === b) return true;
  return (STR_LIKE.has(a) && STR_LIKE.has(b)) || (FLOAT_LIKE.has(a) && FLOAT_LIKE.has(b));
}

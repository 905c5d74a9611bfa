/**
 * The three boolean parsers of upstream, each kept where upstream uses it.
 * They return `undefined` for a value they do not accept; callers turn that
 * into a {@link ContextError} naming the variable or file.
 */

const LAX_TRUE = new Set(['1', 'true', 't', 'yes', 'y', 'on']);
const LAX_FALSE = new Set(['0', 'false', 'f', 'no', 'n', 'off']);

/**
 * The lax boolean of upstream's config model (pydantic), used for every
 * client-config field read from the environment or a file, such as
 * `POLYAXON_IS_OFFLINE`, `POLYAXON_NO_OP`, `POLYAXON_DEBUG` and
 * `POLYAXON_VERIFY_SSL`. Accepts JSON booleans, the numbers 0 and 1, and the
 * strings `1 true t yes y on` / `0 false f no n off` in any case.
 *
 * @param value - A raw value from the environment or a JSON file.
 * @returns The boolean, or `undefined` when the value is not accepted.
 */
export function parseLaxBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (LAX_TRUE.has(lower)) return true;
  if (LAX_FALSE.has(lower)) return false;
  return undefined;
}

const STRICT_TRUE = new Set(['y', 'yes', 't', 'true', 'on', '1']);
const STRICT_FALSE = new Set(['n', 'no', 'f', 'false', 'off', '0']);

/**
 * Upstream's `strtobool` (through `to_bool`), used for
 * `POLYAXON_COLLECT_ARTIFACTS`, `POLYAXON_COLLECT_RESOURCES`,
 * `POLYAXON_NO_CONFIG` and `POLYAXON_SET_AGENT`. Accepts
 * `y yes t true on 1` / `n no f false off 0`, case-insensitive.
 *
 * @param value - The raw string.
 * @returns The boolean, or `undefined` when the string is not accepted.
 */
export function strToBool(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  if (STRICT_TRUE.has(lower)) return true;
  if (STRICT_FALSE.has(lower)) return false;
  return undefined;
}

/**
 * Raw truthiness of an environment string, as upstream reads
 * `POLYAXON_HAS_PROCESS_SIDECAR` and `POLYAXON_USE_GIT_REGISTRY`: any
 * non-empty string is true, **including `"false"` and `"0"`**.
 *
 * @param value - The raw string, or `undefined` when unset.
 * @returns Whether the string is non-empty.
 */
export function isTruthyString(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

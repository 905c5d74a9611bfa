const INT_RE = /^\s*[+-]?\d+\s*$/;
const FLOAT_RE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * Parses an integer config value as upstream does for `POLYAXON_WATCH_INTERVAL`,
 * `POLYAXON_RETRIES`, `POLYAXON_CONNECTION_POOL_MAXSIZE` and
 * `POLYAXON_INTERVALS_COMPATIBILITY_CHECK`: a decimal integer string such as
 * `"5"` (surrounding spaces allowed) or an integral JSON number.
 *
 * @param value - A raw value from the environment or a JSON file.
 * @returns The integer, or `undefined` when the value is not accepted.
 */
export function parseIntValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string' || !INT_RE.test(value)) return undefined;
  const parsed = Number(value.trim());
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}

/**
 * Parses a float config value as upstream does for `POLYAXON_TIMEOUT`,
 * `POLYAXON_TRACKING_TIMEOUT` and `POLYAXON_INTERVAL` (`"3"` gives `3`,
 * `"0.5"` gives `0.5`). Unlike upstream, `nan` and `inf` are refused.
 *
 * @param value - A raw value from the environment or a JSON file.
 * @returns The finite number, or `undefined` when the value is not accepted.
 */
export function parseFloatValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !FLOAT_RE.test(value)) return undefined;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : undefined;
}

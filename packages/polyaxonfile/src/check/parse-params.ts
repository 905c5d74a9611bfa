import { PolyaxonfileError } from '../errors';
import { describeValue } from '../describe-value';
import { isRecord } from '../read/plain-data';

function paramsError(message: string, received: unknown): never {
  throw new PolyaxonfileError(message, {
    stage: 'params',
    issues: [{ path: ['params'], message, expected: 'a mapping or `name=value` strings', received: describeValue(received) }],
  });
}

/**
 * Upstream `parse_params` for CLI `-P name=value` strings: split at the
 * first `=`, values kept as strings (converted later by the IO type).
 *
 * @throws {@link PolyaxonfileError} for a missing `=` or a repeated name
 */
export function parseCliParams(values: readonly string[]): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const item of values) {
    const at = item.indexOf('=');
    if (at <= 0) paramsError(`Invalid format for -P parameter: '${item}'. Use -P name=value.`, item);
    const name = item.slice(0, at).trim();
    if (Object.hasOwn(out, name)) paramsError(`Repeated parameter: '${name}'`, item);
    out[name] = { value: item.slice(at + 1) };
  }
  return out;
}

/**
 * Params given to `checkPolyaxonfile`: `name=value` strings (CLI) or a
 * mapping of name to value / full param.
 *
 * @throws {@link PolyaxonfileError} when they are neither
 */
export function normalizeCheckParams(params: unknown): Record<string, unknown> | undefined {
  if (params === undefined || params === null) return undefined;
  if (Array.isArray(params) && params.every((p) => typeof p === 'string')) return parseCliParams(params);
  if (!isRecord(params)) paramsError(`Params: \`${typeof params === 'string' ? params : describeValue(params)}\` must be a valid mapping`, params);
  return params;
}

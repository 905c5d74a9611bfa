import { PolyaxonfileError } from '../errors';
import { describeValue } from '../describe-value';
import { isRecord } from '../read/plain-data';
import { parseYaml } from '../yaml/parse-yaml';

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

function hparamError(message: string, received: unknown): never {
  throw new PolyaxonfileError(message, {
    stage: 'params',
    issues: [{ path: ['matrix', 'params'], message, expected: '`name=kind:value` strings or a mapping', received: describeValue(received) }],
  });
}

/**
 * Upstream `parse_hparams` for CLI `-HP name=kind:value` strings: split at
 * the first `=` then at the first `:`; the value is read as YAML 1.1 (so
 * `choice:[0.1,0.2]` gives a list and, as upstream, unquoted `range:1:10:1`
 * gives the base-60 integer 4201). A mapping is used as is.
 *
 * @returns the hyper-parameters as `name → {kind, value}`
 * @throws {@link PolyaxonfileError} for a malformed entry or a repeated name
 */
export function parseHparams(hparams: unknown): Record<string, unknown> | undefined {
  if (hparams === undefined || hparams === null) return undefined;
  if (isRecord(hparams)) return hparams;
  if (!Array.isArray(hparams) || !hparams.every((h) => typeof h === 'string')) return hparamError('Hyper-params must be a mapping or a list of `name=kind:value` strings', hparams);
  const out: Record<string, unknown> = {};
  for (const item of hparams) {
    const at = item.indexOf('=');
    if (at <= 0) hparamError(`Invalid format for -HP parameter: '${item}'. Use -HP name=kind:value.`, item);
    const name = item.slice(0, at).trim();
    const rest = item.slice(at + 1);
    const colon = rest.indexOf(':');
    if (colon <= 0) hparamError(`Hyper-parameter: \`${name}\` received an incorrect value format \`${rest}\``, item);
    if (Object.hasOwn(out, name)) hparamError(`Repeated parameter: '${name}'`, item);
    const text = rest.slice(colon + 1);
    let value: unknown = text;
    try {
      value = parseYaml(`v: ${text}`).value;
      value = isRecord(value) ? value.v : text;
    } catch {
      value = text;
    }
    out[name] = { kind: rest.slice(0, colon).trim(), value };
  }
  return out;
}

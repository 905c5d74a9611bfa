import { CLIENT_CONFIG_FIELDS, type ClientConfigData } from './client-config-fields';
import { parseClientConfigRecord } from './client-config-file';
import { envValue, type Env } from './config-paths';
import { parseConfigValue } from './config-values';
import { ContextError } from './context-error';
import { readJsonObjectFile } from './json-file';
import type { ContextOptions, Resolved, ValueSource } from './resolved-context';
import { resolved } from './resolved-value';

type Values = Partial<Record<keyof ClientConfigData, unknown>>;

/** One source of client-config values, highest precedence first in a list. */
export interface Layer {
  readonly source: ValueSource;
  readonly origin: (key: keyof ClientConfigData) => string | undefined;
  readonly values: Values;
}

/**
 * The explicit options as a layer, type-checked.
 *
 * @param options - The options.
 * @returns The layer.
 * @throws {@link ContextError} for an option of the wrong type.
 */
export function explicitLayer(options: ContextOptions): Layer {
  const values: Values = {};
  const strings = ['host', 'sslCaCert', 'certFile', 'keyFile'] as const;
  for (const key of strings) {
    const value = options[key];
    if (value !== undefined) values[key] = parseConfigValue('string', value, { kind: 'option', name: key });
  }
  const bools = ['verifySsl', 'isOffline', 'noOp', 'isManaged'] as const;
  for (const key of bools) {
    const value = options[key];
    if (value !== undefined) {
      if (typeof value !== 'boolean') throw new ContextError(`Invalid option \`${key}\`: expected a boolean, got ${typeof value}.`);
      values[key] = value;
    }
  }
  if (options.timeout !== undefined) {
    if (typeof options.timeout !== 'number' || !Number.isFinite(options.timeout) || options.timeout < 0) {
      throw new ContextError(`Invalid option \`timeout\`: expected a non-negative number of seconds, got ${String(options.timeout)}.`);
    }
    values.timeout = options.timeout;
  }
  return { source: 'explicit', origin: () => undefined, values };
}

/**
 * The `POLYAXON_*` client-config variables as a layer.
 *
 * @param env - The environment.
 * @returns The layer.
 * @throws {@link ContextError} naming the variable of an invalid value.
 */
export function envLayer(env: Env): Layer {
  const values: Values = {};
  for (const field of CLIENT_CONFIG_FIELDS) {
    if (field.alias === undefined) continue;
    const raw = envValue(env, field.alias);
    if (raw !== undefined) values[field.key] = parseConfigValue(field.kind, raw, { kind: 'env', name: field.alias });
  }
  return { source: 'env', origin: (key) => CLIENT_CONFIG_FIELDS.find((f) => f.key === key)?.alias, values };
}

/**
 * A `.client` file as a layer.
 *
 * @param path - The file.
 * @returns The layer, or `undefined` when the file does not exist.
 * @throws {@link ContextError} naming the file when it is unreadable or invalid.
 */
export function fileLayer(path: string): Layer | undefined {
  const record = readJsonObjectFile(path, '.client');
  if (record === undefined) return undefined;
  return { source: 'cli-config', origin: () => path, values: parseClientConfigRecord(record, path) };
}

/**
 * The value of `key` from the first layer that has it, else `fallback`.
 *
 * @param layers - Layers, highest precedence first.
 * @param key - The field.
 * @param fallback - The default.
 * @returns The resolved value.
 */
export function pickField<T>(layers: readonly Layer[], key: keyof ClientConfigData, fallback: Resolved<T>): Resolved<T> {
  for (const layer of layers) {
    const value = layer.values[key];
    if (value !== undefined) return resolved(value as T, layer.source, layer.origin(key));
  }
  return fallback;
}

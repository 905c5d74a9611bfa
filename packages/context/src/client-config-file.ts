import { CLIENT_CONFIG_FIELDS, type ClientConfigData } from './client-config-fields';
import { toCompactJson } from './compact-json';
import { configFilePaths } from './config-paths';
import { parseConfigValue } from './config-values';
import { removeFileIfExists, SECRET_DIR_MODE, SECRET_FILE_MODE, writeFileAtomic } from './fs-io';
import { readJsonObjectFile } from './json-file';
import { pickKey } from './record-keys';
import type { ContextOptions } from './resolved-context';

/**
 * Parses the content of a `.client` file: keys are the env-var aliases
 * (`POLYAXON_HOST`, ...) or the plain field names (`host`, ...); values are
 * parsed like upstream (lax booleans, integers, floats, strict strings);
 * unknown keys such as `client_header` are ignored.
 *
 * @param record - The JSON object.
 * @param path - The file, named in errors.
 * @returns The config.
 * @throws {@link ContextError} naming the file and key of an invalid value.
 */
export function parseClientConfigRecord(record: Record<string, unknown>, path: string): ClientConfigData {
  const out: Record<string, unknown> = {};
  for (const field of CLIENT_CONFIG_FIELDS) {
    const found = pickKey(record, field.alias, field.field);
    if (found === undefined) continue;
    out[field.key] = parseConfigValue(field.kind, found[1], { kind: 'file', path, key: found[0] }, field.key === 'token');
  }
  return out;
}

/**
 * Formats a client config exactly as upstream writes `.client`: compact JSON,
 * alias keys in upstream's field order, only set fields, float fields as
 * `20.0`, and `client_header` last (holding the service header when both
 * `header` and `headerService` are set).
 *
 * @param config - The config to write.
 * @returns The file content (no trailing newline).
 * @throws {@link ContextError} when a value has the wrong type (a token is never shown).
 */
export function formatClientConfig(config: ClientConfigData): string {
  const out: Record<string, unknown> = {};
  const floats = new Set<string>();
  for (const field of CLIENT_CONFIG_FIELDS) {
    const value = config[field.key];
    if (value === undefined || value === null) continue;
    const key = field.alias ?? field.field;
    out[key] = parseConfigValue(field.kind, value, { kind: 'option', name: field.key }, field.key === 'token');
    if (field.kind === 'float') floats.add(key);
  }
  out.client_header =
    config.header !== undefined && config.headerService !== undefined && config.header !== '' && config.headerService !== ''
      ? { header_name: config.header, header_value: config.headerService }
      : {};
  return toCompactJson(out, floats);
}

function readClientAt(path: string): ClientConfigData | undefined {
  const record = readJsonObjectFile(path, '.client');
  return record === undefined ? undefined : parseClientConfigRecord(record, path);
}

/**
 * Reads the global `.client` file (or `/tmp/.polyaxon/.client` with `tmp`).
 *
 * @param options - Where to look (`env`, `homeDir`, `cwd`, `fsRoot`).
 * @param where - `{ tmp: true }` to read the `/tmp/.polyaxon` copy.
 * @returns The config, or `undefined` when the file does not exist.
 * @throws {@link ContextError} naming the file when it is unreadable or invalid.
 */
export function readClientConfigFile(options: ContextOptions = {}, where: { tmp?: boolean } = {}): ClientConfigData | undefined {
  const paths = configFilePaths(options);
  return readClientAt(where.tmp === true ? paths.tmpClient : paths.client);
}

/**
 * Writes the global `.client` file atomically (mode 0644, or 0600 when it
 * holds a token).
 *
 * @param config - The whole config to store (not merged with the old file).
 * @param options - Where to write.
 * @returns The path written.
 * @throws {@link ContextError} naming the file when it cannot be written.
 */
export function writeClientConfigFile(config: ClientConfigData, options: ContextOptions = {}): string {
  const path = configFilePaths(options).client;
  const secret = config.token !== undefined;
  writeFileAtomic(path, formatClientConfig(config), secret ? { mode: SECRET_FILE_MODE, dirMode: SECRET_DIR_MODE } : {});
  return path;
}

/** A change to `.client`: a value sets the field, `null` removes it, absent keys are kept. */
export type ClientConfigPatch = { [K in keyof ClientConfigData]?: ClientConfigData[K] | null };

/**
 * Read-modify-write of the global `.client` file, as `config set` does:
 * fields in `patch` replace the stored ones, `null` removes a field.
 *
 * @param patch - The fields to change.
 * @param options - Where to write.
 * @returns The config now stored.
 * @throws {@link ContextError} naming the file when it is invalid or cannot be written.
 */
export function updateClientConfigFile(patch: ClientConfigPatch, options: ContextOptions = {}): ClientConfigData {
  const merged = new Map<string, unknown>(Object.entries(readClientConfigFile(options) ?? {}));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else if (value !== undefined) merged.set(key, value);
  }
  const config: ClientConfigData = Object.fromEntries(merged);
  writeClientConfigFile(config, options);
  return config;
}

/**
 * Deletes the global `.client` file.
 *
 * @param options - Where to look.
 * @returns Whether a file was deleted.
 */
export function purgeClientConfigFile(options: ContextOptions = {}): boolean {
  return removeFileIfExists(configFilePaths(options).client);
}

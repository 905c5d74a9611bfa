import { toCompactJson } from './compact-json';
import { configFilePaths } from './config-paths';
import { ContextError } from './context-error';
import { parseConfigValue } from './config-values';
import { removeFileIfExists, writeFileAtomic } from './fs-io';
import { malformed, readJsonObjectFile } from './json-file';
import type { ContextOptions } from './resolved-context';

/** The content of a `.cli` file (version checks and the installation). */
export interface CliConfigData {
  /** ISO-8601 time of the last version check. */
  lastCheck?: string;
  currentVersion?: string;
  /** `V1Installation`: `key, version, dist, host, hmac, mode, org, auth, singleUrl, defaultStreamsUrl`. */
  installation?: Readonly<Record<string, unknown>>;
  compatibility?: Readonly<Record<string, unknown>>;
  logHandler?: Readonly<Record<string, unknown>>;
}

function objectOrUndefined(value: unknown, path: string, key: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw malformed(path, '.cli', `key "${key}" must be an object`);
  return value as Record<string, unknown>;
}

/**
 * Reads the global `.cli` file (version checks and installation info).
 *
 * @param options - Where to look.
 * @returns The data, or `undefined` when the file does not exist.
 * @throws {@link ContextError} naming the file when it is unreadable or invalid.
 */
export function readCliConfigFile(options: ContextOptions = {}): CliConfigData | undefined {
  const path = configFilePaths(options).cli;
  const record = readJsonObjectFile(path, '.cli');
  if (record === undefined) return undefined;
  const out: CliConfigData = {};
  if (record.last_check !== undefined && record.last_check !== null) {
    out.lastCheck = parseConfigValue('string', record.last_check, { kind: 'file', path, key: 'last_check' }) as string;
  }
  if (record.current_version !== undefined && record.current_version !== null) {
    out.currentVersion = parseConfigValue('string', record.current_version, { kind: 'file', path, key: 'current_version' }) as string;
  }
  const installation = objectOrUndefined(record.installation, path, 'installation');
  if (installation !== undefined) out.installation = installation;
  const compatibility = objectOrUndefined(record.compatibility, path, 'compatibility');
  if (compatibility !== undefined) out.compatibility = compatibility;
  const logHandler = objectOrUndefined(record.log_handler, path, 'log_handler');
  if (logHandler !== undefined) out.logHandler = logHandler;
  return out;
}

/**
 * Formats a `.cli` file exactly as upstream (compact JSON, keys
 * `last_check, current_version, installation, compatibility, log_handler`).
 *
 * @param config - The data.
 * @returns The file content.
 * @throws {@link ContextError} when a value has the wrong type.
 */
export function formatCliConfig(config: CliConfigData): string {
  const text = (value: unknown, name: string) => (value === undefined || value === null ? undefined : parseConfigValue('string', value, { kind: 'option', name }));
  const object = (value: unknown, name: string) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw new ContextError(`Invalid option \`${name}\`: expected an object.`);
    return value;
  };
  return toCompactJson({
    last_check: text(config.lastCheck, 'lastCheck'),
    current_version: text(config.currentVersion, 'currentVersion'),
    installation: object(config.installation, 'installation'),
    compatibility: object(config.compatibility, 'compatibility'),
    log_handler: object(config.logHandler, 'logHandler'),
  });
}

/**
 * Writes the global `.cli` file atomically.
 *
 * @param config - The data.
 * @param options - Where to write.
 * @returns The path written.
 * @throws {@link ContextError} naming the file when it cannot be written.
 */
export function writeCliConfigFile(config: CliConfigData, options: ContextOptions = {}): string {
  const path = configFilePaths(options).cli;
  writeFileAtomic(path, formatCliConfig(config));
  return path;
}

/**
 * Deletes the global `.cli` file.
 *
 * @param options - Where to look.
 * @returns Whether a file was deleted.
 */
export function purgeCliConfigFile(options: ContextOptions = {}): boolean {
  return removeFileIfExists(configFilePaths(options).cli);
}

/**
 * Whether a `.cli` file describes a community installation (no
 * installation, or `dist` unset or one of `local`, `sandbox`, `ce`).
 *
 * @param config - The `.cli` data, or `undefined` when there is none.
 * @returns `true` for community (and for no file at all).
 */
export function isCommunity(config: CliConfigData | undefined): boolean {
  const dist = config?.installation?.dist;
  return dist === undefined || dist === null || dist === 'local' || dist === 'sandbox' || dist === 'ce';
}

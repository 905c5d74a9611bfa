import { toCompactJson } from './compact-json';
import { configFilePaths } from './config-paths';
import { parseConfigValue } from './config-values';
import { removeFileIfExists, writeFileAtomic } from './fs-io';
import { readJsonObjectFile } from './json-file';
import type { ContextOptions } from './resolved-context';

/** The content of a `.user` file (upstream's `V1User`). */
export interface UserData {
  username?: string;
  email?: string;
  name?: string;
  kind?: string;
  theme?: number;
  organization?: string;
}

const USER_KEYS: readonly (keyof UserData)[] = ['username', 'email', 'name', 'kind', 'theme', 'organization'];

function parseUserRecord(record: Record<string, unknown>, path: string): UserData {
  const out: Record<string, unknown> = {};
  for (const key of USER_KEYS) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    out[key] = parseConfigValue(key === 'theme' ? 'int' : 'string', value, { kind: 'file', path, key });
  }
  return out;
}

/**
 * Reads the global `.user` file (`username, email, name, kind, theme, organization`).
 *
 * @param options - Where to look.
 * @returns The user, or `undefined` when the file does not exist.
 * @throws {@link ContextError} naming the file when it is unreadable or invalid.
 */
export function readUserFile(options: ContextOptions = {}): UserData | undefined {
  const path = configFilePaths(options).user;
  const record = readJsonObjectFile(path, '.user');
  return record === undefined ? undefined : parseUserRecord(record, path);
}

/**
 * Formats a `.user` file exactly as upstream (compact JSON, `V1User` key order, unset keys dropped).
 *
 * @param user - The user.
 * @returns The file content.
 * @throws {@link ContextError} when a value has the wrong type.
 */
export function formatUser(user: UserData): string {
  const out: Record<string, unknown> = {};
  for (const key of USER_KEYS) {
    const value = user[key];
    if (value !== undefined && value !== null) out[key] = parseConfigValue(key === 'theme' ? 'int' : 'string', value, { kind: 'option', name: key });
  }
  return toCompactJson(out);
}

/**
 * Writes the global `.user` file atomically.
 *
 * @param user - The user (`config set --owner org` stores `{ organization: 'org' }`).
 * @param options - Where to write.
 * @returns The path written.
 * @throws {@link ContextError} naming the file when it cannot be written.
 */
export function writeUserFile(user: UserData, options: ContextOptions = {}): string {
  const path = configFilePaths(options).user;
  writeFileAtomic(path, formatUser(user));
  return path;
}

/**
 * Deletes the global `.user` file.
 *
 * @param options - Where to look.
 * @returns Whether a file was deleted.
 */
export function purgeUserFile(options: ContextOptions = {}): boolean {
  return removeFileIfExists(configFilePaths(options).user);
}

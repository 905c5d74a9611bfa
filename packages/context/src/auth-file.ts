import { dirname } from 'node:path';
import { toCompactJson } from './compact-json';
import { configFilePaths } from './config-paths';
import { parseConfigValue } from './config-values';
import { removeFileIfExists, removeStaleTempFiles, SECRET_DIR_MODE, SECRET_FILE_MODE, writeFileAtomic } from './fs-io';
import { readJsonObjectFile } from './json-file';
import { pickKey } from './record-keys';
import type { ContextOptions } from './resolved-context';

/** The content of an `.auth` file. Never print `token`. */
export interface AuthData {
  username?: string;
  token?: string;
}

/**
 * Parses the content of an `.auth` file (keys `POLYAXON_AUTH_USERNAME` /
 * `POLYAXON_AUTH_TOKEN`, or `username` / `token`).
 *
 * @param record - The JSON object.
 * @param path - The file, named in errors (the token never is).
 * @returns The username and token.
 * @throws {@link ContextError} when a value is not a string.
 */
export function parseAuthRecord(record: Record<string, unknown>, path: string): AuthData {
  const out: AuthData = {};
  const username = pickKey(record, 'POLYAXON_AUTH_USERNAME', 'username');
  if (username !== undefined) out.username = parseConfigValue('string', username[1], { kind: 'file', path, key: username[0] }) as string;
  const token = pickKey(record, 'POLYAXON_AUTH_TOKEN', 'token');
  if (token !== undefined) out.token = parseConfigValue('string', token[1], { kind: 'file', path, key: token[0] }, true) as string;
  return out;
}

/**
 * Formats an `.auth` file exactly as upstream: compact JSON with the alias
 * keys, unset values dropped.
 *
 * @param auth - Username and token.
 * @returns The file content.
 * @throws {@link ContextError} when a value is not a string (the token is never shown).
 */
export function formatAuth(auth: AuthData): string {
  const username = auth.username ?? undefined;
  const token = auth.token ?? undefined;
  return toCompactJson({
    POLYAXON_AUTH_USERNAME: username === undefined ? undefined : parseConfigValue('string', username, { kind: 'option', name: 'username' }),
    POLYAXON_AUTH_TOKEN: token === undefined ? undefined : parseConfigValue('string', token, { kind: 'option', name: 'token' }, true),
  });
}

/**
 * Reads an `.auth` file at an explicit path (the in-cluster
 * `<contextRoot>/.configs/.auth`, for instance). Temporary files a killed
 * write left beside it are deleted first (see {@link removeStaleTempFiles}).
 *
 * @param path - The file.
 * @returns Username and token, or `undefined` when the file does not exist.
 * @throws {@link ContextError} naming the file when it is unreadable or invalid.
 */
export function readAuthFileAt(path: string): AuthData | undefined {
  removeStaleTempFiles(dirname(path));
  const record = readJsonObjectFile(path, '.auth');
  return record === undefined ? undefined : parseAuthRecord(record, path);
}

/**
 * Reads the global `.auth` file written by `login` (or the `/tmp/.polyaxon` copy with `tmp`).
 *
 * @param options - Where to look.
 * @param where - `{ tmp: true }` to read `/tmp/.polyaxon/.auth`.
 * @returns Username and token, or `undefined` when the file does not exist.
 * @throws {@link ContextError} naming the file when it is unreadable or invalid.
 */
export function readAuthFile(options: ContextOptions = {}, where: { tmp?: boolean } = {}): AuthData | undefined {
  const paths = configFilePaths(options);
  return readAuthFileAt(where.tmp === true ? paths.tmpAuth : paths.auth);
}

/**
 * Writes the global `.auth` file atomically with mode 0600 (its folder is
 * created with mode 0700 when missing).
 *
 * @param auth - Username and token.
 * @param options - Where to write.
 * @returns The path written.
 * @throws {@link ContextError} naming the file when it cannot be written.
 */
export function writeAuthFile(auth: AuthData, options: ContextOptions = {}): string {
  const path = configFilePaths(options).auth;
  writeFileAtomic(path, formatAuth(auth), { mode: SECRET_FILE_MODE, dirMode: SECRET_DIR_MODE });
  return path;
}

/**
 * Deletes the global `.auth` file (`logout`).
 *
 * @param options - Where to look.
 * @returns Whether a file was deleted.
 */
export function purgeAuthFile(options: ContextOptions = {}): boolean {
  return removeFileIfExists(configFilePaths(options).auth);
}

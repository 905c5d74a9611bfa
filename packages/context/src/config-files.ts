import { CLIENT_CONFIG_FIELDS, type ClientConfigData } from './client-config-fields';
import { orderKeys, toCompactJson } from './compact-json';
import { configFilePaths, type ConfigFilePaths } from './config-paths';
import { parseConfigValue } from './config-values';
import { isFile, readTextFileIfExists, removeFileIfExists, writeFileAtomic } from './fs-io';
import { formatHomeYaml, parseHomeYaml } from './home-yaml';
import { malformed, readJsonObjectFile } from './json-file';
import type { ContextOptions } from './resolved-context';

/** Which copy of a cache file: the working directory's or the global one. */
export type CacheVisibility = 'local' | 'global';

/** The content of an `.auth` file. Never print `token`. */
export interface AuthData {
  username?: string;
  token?: string;
}

/** The content of a `.user` file (upstream's `V1User`). */
export interface UserData {
  username?: string;
  email?: string;
  name?: string;
  kind?: string;
  theme?: number;
  organization?: string;
}

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

/** A cached project (`V1Project`, snake_case keys as the API returns them). */
export type ProjectCache = Readonly<Record<string, unknown>> & {
  readonly uuid?: string;
  readonly owner?: string;
  readonly name?: string;
};

/** A cached run (`V1Run`, snake_case keys as the API returns them). */
export type RunCache = Readonly<Record<string, unknown>> & {
  readonly uuid?: string;
  readonly owner?: string;
  readonly project?: string;
};

/** A cache file's content with where it was found. */
export interface CacheEntry<T> {
  readonly data: T;
  readonly path: string;
  readonly visibility: CacheVisibility;
}

const SECRET_FILE_MODE = 0o600;
const SECRET_DIR_MODE = 0o700;

const PROJECT_KEYS = [
  'uuid', 'owner', 'user', 'name', 'description', 'tags', 'created_at', 'updated_at', 'is_public', 'bookmarked', 'readme',
  'excluded_features', 'excluded_runtimes', 'archived_deletion_interval', 'settings', 'role', 'contributors', 'live_state',
];
const RUN_KEYS = [
  'uuid', 'name', 'description', 'tags', 'user', 'owner', 'project', 'schedule_at', 'created_at', 'updated_at', 'started_at',
  'finished_at', 'wait_time', 'duration', 'managed_by', 'is_managed', 'is_approved', 'pending', 'content', 'raw_content',
  'status', 'bookmarked', 'live_state', 'readme', 'meta_info', 'kind', 'runtime', 'inputs', 'outputs', 'original', 'pipeline',
  'status_conditions', 'role', 'contributors', 'settings', 'resources', 'graph', 'merge',
];
const RUN_FLOATS: ReadonlySet<string> = new Set(['wait_time', 'duration', 'resources.*']);
const USER_KEYS: readonly (keyof UserData)[] = ['username', 'email', 'name', 'kind', 'theme', 'organization'];

function pick(record: Record<string, unknown>, alias: string | undefined, field: string): [string, unknown] | undefined {
  if (alias !== undefined && record[alias] !== undefined && record[alias] !== null) return [alias, record[alias]];
  if (record[field] !== undefined && record[field] !== null) return [field, record[field]];
  return undefined;
}

// ---------------------------------------------------------------- .client

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
    const found = pick(record, field.alias, field.field);
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
 */
export function formatClientConfig(config: ClientConfigData): string {
  const out: Record<string, unknown> = {};
  const floats = new Set<string>();
  for (const field of CLIENT_CONFIG_FIELDS) {
    const value = config[field.key];
    if (value === undefined || value === null) continue;
    const key = field.alias ?? field.field;
    out[key] = value;
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

// ---------------------------------------------------------------- .auth

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
  const username = pick(record, 'POLYAXON_AUTH_USERNAME', 'username');
  if (username !== undefined) out.username = parseConfigValue('string', username[1], { kind: 'file', path, key: username[0] }) as string;
  const token = pick(record, 'POLYAXON_AUTH_TOKEN', 'token');
  if (token !== undefined) out.token = parseConfigValue('string', token[1], { kind: 'file', path, key: token[0] }, true) as string;
  return out;
}

/**
 * Formats an `.auth` file exactly as upstream: compact JSON with the alias
 * keys, unset values dropped.
 *
 * @param auth - Username and token.
 * @returns The file content.
 */
export function formatAuth(auth: AuthData): string {
  return toCompactJson({ POLYAXON_AUTH_USERNAME: auth.username, POLYAXON_AUTH_TOKEN: auth.token });
}

/**
 * Reads an `.auth` file at an explicit path (the in-cluster
 * `<contextRoot>/.configs/.auth`, for instance).
 *
 * @param path - The file.
 * @returns Username and token, or `undefined` when the file does not exist.
 * @throws {@link ContextError} naming the file when it is unreadable or invalid.
 */
export function readAuthFileAt(path: string): AuthData | undefined {
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

// ---------------------------------------------------------------- .user

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
 */
export function formatUser(user: UserData): string {
  const out: Record<string, unknown> = {};
  for (const key of USER_KEYS) out[key] = user[key];
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

// ---------------------------------------------------------------- .cli

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
 */
export function formatCliConfig(config: CliConfigData): string {
  return toCompactJson({
    last_check: config.lastCheck,
    current_version: config.currentVersion,
    installation: config.installation,
    compatibility: config.compatibility,
    log_handler: config.logHandler,
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

// ---------------------------------------------------------------- .home

/**
 * Reads `~/.polyaxon/.home` (YAML `POLYAXON_HOME: <path>`).
 *
 * @param options - `homeDir` (and `fsRoot`) locate the file.
 * @returns The home path, or `undefined` when the file is absent or empty.
 * @throws {@link ContextError} naming the file when it is unreadable or malformed.
 */
export function readHomeFile(options: ContextOptions = {}): string | undefined {
  const path = configFilePaths({ ...options, env: {} }).home;
  const text = readTextFileIfExists(path);
  return text === undefined ? undefined : parseHomeYaml(text, path);
}

/**
 * Writes `~/.polyaxon/.home` atomically, exactly as upstream (`config set --home`).
 *
 * @param homePath - The folder whose `.polyaxon` sub-folder holds the global files.
 * @param options - `homeDir` (and `fsRoot`) locate the file.
 * @returns The path written.
 * @throws {@link ContextError} naming the file when it cannot be written.
 */
export function writeHomeFile(homePath: string, options: ContextOptions = {}): string {
  const path = configFilePaths({ ...options, env: {} }).home;
  writeFileAtomic(path, formatHomeYaml(homePath));
  return path;
}

/**
 * Deletes `~/.polyaxon/.home`.
 *
 * @param options - `homeDir` (and `fsRoot`) locate the file.
 * @returns Whether a file was deleted.
 */
export function purgeHomeFile(options: ContextOptions = {}): boolean {
  return removeFileIfExists(configFilePaths({ ...options, env: {} }).home);
}

// ---------------------------------------------------------------- .project / .run

function cachePath(paths: ConfigFilePaths, kind: 'project' | 'run', visibility: CacheVisibility): string {
  if (kind === 'project') return visibility === 'local' ? paths.localProject : paths.globalProject;
  return visibility === 'local' ? paths.localRun : paths.globalRun;
}

function checkStrings(record: Record<string, unknown>, keys: readonly string[], path: string, label: string): void {
  for (const key of keys) {
    const value = record[key];
    if (value !== undefined && value !== null && typeof value !== 'string') throw malformed(path, label, `key "${key}" must be a string`);
  }
}

function readCache<T>(paths: ConfigFilePaths, kind: 'project' | 'run', visibility: CacheVisibility | undefined): CacheEntry<T> | undefined {
  const label = `.${kind}`;
  const order: CacheVisibility[] = visibility === undefined ? ['local', 'global'] : [visibility];
  for (const vis of order) {
    const path = cachePath(paths, kind, vis);
    if (visibility === undefined && vis === 'local' && !isFile(path) && readTextFileIfExists(path) === undefined) continue;
    const record = readJsonObjectFile(path, label);
    if (record === undefined) {
      if (visibility === undefined && vis === 'local') continue;
      return undefined;
    }
    checkStrings(record, kind === 'project' ? ['uuid', 'owner', 'name'] : ['uuid', 'owner', 'project'], path, label);
    const clean: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== null) clean[key] = value;
    return { data: clean as T, path, visibility: vis };
  }
  return undefined;
}

/**
 * Reads the cached project: `<cwd>/.polyaxon/.project` when it exists, else
 * the global `.project` (or exactly one of them with `visibility`).
 *
 * @param options - Where to look.
 * @param visibility - Force the local or the global copy.
 * @returns The project with its path, or `undefined` when none is cached.
 * @throws {@link ContextError} naming the file when it is unreadable or invalid.
 */
export function readProjectCache(options: ContextOptions = {}, visibility?: CacheVisibility): CacheEntry<ProjectCache> | undefined {
  return readCache<ProjectCache>(configFilePaths(options), 'project', visibility);
}

/**
 * Reads the cached run: `<cwd>/.polyaxon/.run` when it exists, else the
 * global `.run` (or exactly one of them with `visibility`).
 *
 * @param options - Where to look.
 * @param visibility - Force the local or the global copy.
 * @returns The run with its path, or `undefined` when none is cached.
 * @throws {@link ContextError} naming the file when it is unreadable or invalid.
 */
export function readRunCache(options: ContextOptions = {}, visibility?: CacheVisibility): CacheEntry<RunCache> | undefined {
  return readCache<RunCache>(configFilePaths(options), 'run', visibility);
}

/**
 * Formats a `.project` cache exactly as upstream (compact JSON, `V1Project`
 * key order, nulls dropped; unknown keys are kept at the end).
 *
 * @param project - The project as the API returned it.
 * @returns The file content.
 */
export function formatProjectCache(project: Readonly<Record<string, unknown>>): string {
  return toCompactJson(orderKeys(project, PROJECT_KEYS));
}

/**
 * Formats a `.run` cache exactly as upstream (compact JSON, `V1Run` key
 * order, nulls dropped, float fields such as `resources.cpu` as `0.0`).
 *
 * @param run - The run as the API returned it.
 * @returns The file content.
 */
export function formatRunCache(run: Readonly<Record<string, unknown>>): string {
  return toCompactJson(orderKeys(run, RUN_KEYS), RUN_FLOATS);
}

function defaultVisibility(paths: ConfigFilePaths): CacheVisibility {
  return isFile(paths.localProject) ? 'local' : 'global';
}

/**
 * Caches a project atomically. Without `visibility`, it goes where a cached
 * project is in effect: `<cwd>/.polyaxon/.project` when that exists (after
 * `init`), else the global folder.
 *
 * @param project - The project as the API returned it.
 * @param options - Where to write.
 * @param visibility - Force the local or the global copy.
 * @returns The path written.
 * @throws {@link ContextError} naming the file when it cannot be written.
 */
export function writeProjectCache(project: Readonly<Record<string, unknown>>, options: ContextOptions = {}, visibility?: CacheVisibility): string {
  const paths = configFilePaths(options);
  const path = cachePath(paths, 'project', visibility ?? defaultVisibility(paths));
  writeFileAtomic(path, formatProjectCache(project));
  return path;
}

/**
 * Caches a run atomically, next to the project cache in effect (local when
 * `<cwd>/.polyaxon/.project` exists, else global) unless `visibility` is given.
 *
 * @param run - The run as the API returned it.
 * @param options - Where to write.
 * @param visibility - Force the local or the global copy.
 * @returns The path written.
 * @throws {@link ContextError} naming the file when it cannot be written.
 */
export function writeRunCache(run: Readonly<Record<string, unknown>>, options: ContextOptions = {}, visibility?: CacheVisibility): string {
  const paths = configFilePaths(options);
  const path = cachePath(paths, 'run', visibility ?? defaultVisibility(paths));
  writeFileAtomic(path, formatRunCache(run));
  return path;
}

/**
 * Deletes the cached project, both copies unless `visibility` is given.
 *
 * @param options - Where to look.
 * @param visibility - Only this copy.
 * @returns The paths deleted.
 */
export function purgeProjectCache(options: ContextOptions = {}, visibility?: CacheVisibility): string[] {
  const paths = configFilePaths(options);
  const which: CacheVisibility[] = visibility === undefined ? ['local', 'global'] : [visibility];
  return which.map((vis) => cachePath(paths, 'project', vis)).filter((path) => removeFileIfExists(path));
}

/**
 * Deletes the cached run, both copies unless `visibility` is given.
 *
 * @param options - Where to look.
 * @param visibility - Only this copy.
 * @returns The paths deleted.
 */
export function purgeRunCache(options: ContextOptions = {}, visibility?: CacheVisibility): string[] {
  const paths = configFilePaths(options);
  const which: CacheVisibility[] = visibility === undefined ? ['local', 'global'] : [visibility];
  return which.map((vis) => cachePath(paths, 'run', vis)).filter((path) => removeFileIfExists(path));
}

/**
 * `config purge`: deletes `.client`, `.cli`, `.auth`, `.user` and both
 * copies of `.project` and `.run`; with `cacheOnly`, only the caches. The
 * `.home` file is kept, like upstream.
 *
 * @param options - Where to look.
 * @param purgeOptions - `{ cacheOnly: true }` keeps the config and auth files.
 * @returns The paths deleted.
 */
export function purgeConfig(options: ContextOptions = {}, purgeOptions: { cacheOnly?: boolean } = {}): string[] {
  const paths = configFilePaths(options);
  const removed: string[] = [];
  if (purgeOptions.cacheOnly !== true) {
    for (const path of [paths.client, paths.cli, paths.auth, paths.user]) if (removeFileIfExists(path)) removed.push(path);
  }
  for (const path of [paths.localProject, paths.globalProject, paths.localRun, paths.globalRun]) {
    if (removeFileIfExists(path)) removed.push(path);
  }
  return removed;
}

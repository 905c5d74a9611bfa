import { orderKeys, toCompactJson } from './compact-json';
import { configFilePaths, type ConfigFilePaths } from './config-paths';
import { ContextError } from './context-error';
import { isFile, readTextFileIfExists, removeFileIfExists, writeFileAtomic } from './fs-io';
import { malformed, readJsonObjectFile } from './json-file';
import type { ContextOptions } from './resolved-context';

/** Which copy of a cache file: the working directory's or the global one. */
export type CacheVisibility = 'local' | 'global';

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
 * @throws {@link ContextError} when it is not an object or `uuid`/`owner`/`name` is not a string.
 */
export function formatProjectCache(project: Readonly<Record<string, unknown>>): string {
  return toCompactJson(orderKeys(checkEntity(project, 'project', ['uuid', 'owner', 'name']), PROJECT_KEYS));
}

/**
 * Formats a `.run` cache exactly as upstream (compact JSON, `V1Run` key
 * order, nulls dropped, float fields such as `resources.cpu` as `0.0`).
 *
 * @param run - The run as the API returned it.
 * @returns The file content.
 * @throws {@link ContextError} when it is not an object or `uuid`/`owner`/`project` is not a string.
 */
export function formatRunCache(run: Readonly<Record<string, unknown>>): string {
  return toCompactJson(orderKeys(checkEntity(run, 'run', ['uuid', 'owner', 'project']), RUN_KEYS), RUN_FLOATS);
}

function checkEntity(value: unknown, what: string, stringKeys: readonly string[]): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ContextError(`Invalid ${what} to cache: expected an object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}.`);
  }
  const record = value as Readonly<Record<string, unknown>>;
  for (const key of stringKeys) {
    const item = record[key];
    if (item !== undefined && item !== null && typeof item !== 'string') throw new ContextError(`Invalid ${what} to cache: \`${key}\` must be a string.`);
  }
  return record;
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

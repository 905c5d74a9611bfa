// Where px keeps V8 code caches of its bundle, and which cache files it trusts (pure; bundle-loader does the I/O).
import { VERSION } from './version';

/** The environment variables that place or turn off the code cache. */
export interface CacheEnv {
  readonly PX_COMPILE_CACHE_DIR?: string | undefined;
  readonly NODE_DISABLE_COMPILE_CACHE?: string | undefined;
  readonly XDG_CACHE_HOME?: string | undefined;
  readonly HOME?: string | undefined;
}

/** The fields of `fs.Stats` the trust check reads. */
export interface CacheStat {
  isFile(): boolean;
  readonly uid: number;
  readonly mode: number;
}

/** 32-bit FNV-1a of `text`, as 8 hex digits (names cache files; not a security boundary). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The cache file for `command`, or `undefined` when caching is off (`NODE_DISABLE_COMPILE_CACHE`, as Node's own
 * compile cache) or no folder can be named. The folder is `PX_COMPILE_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/px/compile-cache`, else `~/.cache/px/compile-cache`. The name is
 * `<command>-<installation>-<content>.bin`: the installation part comes from the bundle's path (so two px
 * installations never replace each other's caches), the content part changes with px's version, V8's version,
 * the CPU architecture and the bundle file (`stamp`), so a stale cache is never offered to V8.
 *
 * @param env - the environment
 * @param command - the first command-line word; anything that is not a plain word shares the `other` cache
 * @param bundle - the bundle's absolute path
 * @param stamp - identifies the bundle file's content (size, mtime, inode)
 * @returns the absolute cache path, or `undefined`
 */
export function cacheFile(env: CacheEnv, command: string, bundle: string, stamp: string): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== '') return undefined;
  const dir = env.PX_COMPILE_CACHE_DIR || (env.XDG_CACHE_HOME ? `${env.XDG_CACHE_HOME}/px/compile-cache` : env.HOME ? `${env.HOME}/.cache/px/compile-cache` : undefined);
  if (dir === undefined || !dir.startsWith('/')) return undefined;
  const name = /^[a-z][a-z0-9-]{0,31}$/.test(command) ? command : 'other';
  return `${dir}/${name}-${fnv1a(bundle)}-${fnv1a(`${VERSION}|${process.versions.v8}|${process.arch}|${stamp}`)}.bin`;
}

/**
 * Whether `other` (a file name in the cache folder) is an older cache of the same command and installation as
 * `current`, which replaces it.
 *
 * @param current - the name of the cache just written
 * @param other - another file name in the folder
 * @returns true when `other` is to be removed
 */
export function isReplacedCache(current: string, other: string): boolean {
  const prefix = current.slice(0, current.lastIndexOf('-') + 1);
  return other !== current && other.startsWith(prefix) && /^[0-9a-f]{8}\.bin$/.test(other.slice(prefix.length));
}

/**
 * The writer's pid of `other` when it is a temporary file of a cache of the same command and installation as
 * `current` (`<cache>.<pid>.tmp`, left by a px process killed between writing and renaming it).
 *
 * @param current - the name of the cache just written
 * @param other - another file name in the folder
 * @returns the pid, or `undefined` when `other` is no such file
 */
export function tempCachePid(current: string, other: string): number | undefined {
  const prefix = current.slice(0, current.lastIndexOf('-') + 1);
  if (!other.startsWith(prefix)) return undefined;
  const match = /^[0-9a-f]{8}\.bin\.([1-9][0-9]{0,9})\.tmp$/.exec(other.slice(prefix.length));
  return match === null ? undefined : Number(match[1]);
}

/**
 * Whether a cache file may be handed to V8: compiled code from it runs as px, so it must be a regular file owned
 * by this user that neither group nor others can write (a planted file would otherwise be code execution).
 *
 * @param stat - the open file's stat
 * @param uid - this process's user id (`undefined` on Windows, where only the file type is checked)
 * @returns true when the file can be trusted
 */
export function isTrustedCache(stat: CacheStat, uid: number | undefined): boolean {
  if (!stat.isFile()) return false;
  if (uid === undefined) return true;
  return stat.uid === uid && (stat.mode & 0o022) === 0;
}

// Loads `dist/px.cjs` (the whole CLI in one script, built beside the ESM modules) with a V8 code cache, so a
// command that ran once skips parsing and compiling on its next runs. Node 20 has no compile cache for modules
// (`module.enableCompileCache` arrived in 22.1), and resolving ~30 ESM files costs as much again; one cached
// script avoids both. Builtins come from `process.getBuiltinModule`: importing `node:fs` as ESM would build its
// facade, whose getters load the stream modules.
import type * as fsTypes from 'node:fs';
import { cacheFile, isReplacedCache, isTrustedCache, tempCachePid, type CacheEnv } from './compile-cache';

type Fs = typeof fsTypes;

/** A loaded bundle: its exports, and `save()` to store the compiled code once the command has run. */
export interface LoadedBundle<T> {
  readonly exports: T;
  /** Writes the code cache when there was none (or V8 rejected it); never throws. */
  save(): void;
}

/**
 * Runs the CommonJS bundle at `path` in this context, with the code cache of command `command` when one is
 * stored and trusted.
 *
 * @param path - absolute path of the bundle
 * @param command - the first command-line word (the cache is kept per command: each compiles other code)
 * @param env - the environment (cache location and opt-out)
 * @returns the bundle's exports and its cache writer
 */
export function loadBundle<T>(path: string, command: string, env: CacheEnv): LoadedBundle<T> {
  const fs = process.getBuiltinModule('node:fs');
  const vm = process.getBuiltinModule('node:vm');
  const fd = fs.openSync(path, 'r');
  let source: string;
  let file: string | undefined;
  try {
    const stat = fs.fstatSync(fd);
    source = fs.readFileSync(fd, 'utf8');
    file = cacheFile(env, command, path, `${String(stat.size)}:${String(stat.mtimeMs)}:${String(stat.ino)}`);
  } finally {
    fs.closeSync(fd);
  }
  const cachedData = file === undefined ? undefined : readCache(fs, file);
  // no `importModuleDynamically`: Node 20 loses it for cached code, so the bundle imports through the entry
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: path, cachedData });
  const module = { exports: {} as T };
  const require = process.getBuiltinModule('node:module').createRequire(path);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, path, process.getBuiltinModule('node:path').dirname(path));
  return {
    exports: module.exports,
    save: () => {
      if (file === undefined || (cachedData !== undefined && !script.cachedDataRejected)) return;
      writeCache(fs, file, script.createCachedData());
    },
  };
}

/** The cache at `file` when it is a regular file of this user that nobody else can write; otherwise nothing. */
function readCache(fs: Fs, file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    const stat = fs.fstatSync(fd);
    return isTrustedCache(stat, process.getuid?.()) ? fs.readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Whether process `pid` exists (signal 0 checks without sending anything; EPERM means it exists as another user).
 * `@px/context`'s `isProcessRunning` is the same check, but this entry must not load a package before the bundle.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Writes `data` to `file` atomically (0600, in a 0700 folder), replacing older caches of the same command and
 * the temporary files that killed writers of it left.
 */
function writeCache(fs: Fs, file: string, data: Buffer): void {
  const path = process.getBuiltinModule('node:path');
  const dir = path.dirname(file);
  const name = path.basename(file);
  const temp = `${file}.${String(process.pid)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, file);
    for (const other of fs.readdirSync(dir)) {
      const pid = tempCachePid(name, other);
      // A temporary file is another writer's until its process is gone.
      if (isReplacedCache(name, other) || (pid !== undefined && !isAlive(pid))) fs.rmSync(path.join(dir, other), { force: true });
    }
  } catch {
    // a cache: a read-only or full disk only costs the next run its compile time
    fs.rmSync(temp, { force: true });
  }
}

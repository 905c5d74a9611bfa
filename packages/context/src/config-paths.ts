import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkOptions } from './check-options';
import { ENV } from './env-keys';
import { readTextFileIfExists } from './fs-io';
import { parseHomeYaml } from './home-yaml';
import type { ContextOptions } from './resolved-context';

/** Where every file of the CLI lives, for one set of options. */
export interface ConfigFilePaths {
  /** `~/.polyaxon/.home` (YAML); always under the real home. */
  readonly home: string;
  /** The global config folder: `~/.polyaxon` or `$POLYAXON_HOME/.polyaxon`. */
  readonly globalDir: string;
  /** Where {@link ConfigFilePaths.globalDir} came from. */
  readonly globalDirSource: 'default' | 'env' | 'home-file';
  /** The home path in effect (`POLYAXON_HOME` or the `.home` file), if any. */
  readonly homePath: string | undefined;
  /** `/tmp/.polyaxon`, read as the lowest-precedence source of `.client` and `.auth`. */
  readonly tmpDir: string;
  /** `<cwd>/.polyaxon`, the local cache of the working directory. */
  readonly localDir: string;
  /** `<globalDir>/.client`. */
  readonly client: string;
  /** `/tmp/.polyaxon/.client`. */
  readonly tmpClient: string;
  /** `<globalDir>/.auth`. */
  readonly auth: string;
  /** `/tmp/.polyaxon/.auth`. */
  readonly tmpAuth: string;
  /** `<contextRoot>/.configs/.auth`, the in-cluster scoped token. */
  readonly contextAuth: string;
  /** `<globalDir>/.user`. */
  readonly user: string;
  /** `<globalDir>/.cli`. */
  readonly cli: string;
  /** `<globalDir>/.project`. */
  readonly globalProject: string;
  /** `<cwd>/.polyaxon/.project`. */
  readonly localProject: string;
  /** `<globalDir>/.run`. */
  readonly globalRun: string;
  /** `<cwd>/.polyaxon/.run`. */
  readonly localRun: string;
  /** The in-cluster context root (`POLYAXON_CONTEXT_ROOT`, default `/plx-context`). */
  readonly contextRoot: string;
  /** Where {@link ConfigFilePaths.contextRoot} came from. */
  readonly contextRootSource: 'env' | 'default';
}

/** An environment: variable names to values. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads a non-empty environment variable (empty strings count as unset).
 *
 * @param env - The environment.
 * @param name - The variable.
 * @returns The value, or `undefined` when unset or empty.
 */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Prefixes an absolute system path with the filesystem root used by tests.
 *
 * @param fsRoot - The root prefix (`''` or `'/'` for the real root).
 * @param path - An absolute path such as `/tmp/.polyaxon`.
 * @returns The path under `fsRoot`.
 */
export function underRoot(fsRoot: string | undefined, path: string): string {
  return fsRoot === undefined || fsRoot === '' || fsRoot === '/' ? path : join(fsRoot, path);
}

function isWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The global folder before any `POLYAXON_HOME` redirection: `~/.polyaxon`,
 * or `/tmp/.polyaxon` when the home is not writable. Reads no file.
 *
 * @param options - `homeDir` and `fsRoot` are used.
 * @returns The folder.
 * @throws {@link ContextError} when an option has the wrong type.
 */
export function defaultGlobalDir(options: ContextOptions = {}): string {
  checkOptions(options);
  const home = options.homeDir ?? homedir();
  return join(isWritable(home) ? home : underRoot(options.fsRoot, '/tmp'), '.polyaxon');
}

/**
 * Where `.home` lives: always `<defaultGlobalDir>/.home`. Reads no file, so a
 * malformed `.home` can still be rewritten or deleted.
 *
 * @param options - `homeDir` and `fsRoot` are used.
 * @returns The path of `.home`.
 */
export function homeFilePath(options: ContextOptions = {}): string {
  return join(defaultGlobalDir(options), '.home');
}

/**
 * Computes where the CLI's files live, like upstream: the global folder is
 * `~/.polyaxon` (or `/tmp/.polyaxon` when the home is not writable), moved to
 * `<P>/.polyaxon` when `POLYAXON_HOME=P` is set or `~/.polyaxon/.home` names
 * `P` (the variable wins). Reads only the `.home` file.
 *
 * @param options - `env`, `homeDir`, `cwd` and `fsRoot` are used.
 * @returns Every path.
 * @throws {@link ContextError} when `.home` exists but cannot be read or parsed.
 */
export function configFilePaths(options: ContextOptions = {}): ConfigFilePaths {
  const env = options.env ?? process.env;
  const fsRoot = options.fsRoot;
  const defaultGlobal = defaultGlobalDir(options);
  const homeFile = homeFilePath(options);
  let homePath = envValue(env, ENV.HOME);
  let globalDirSource: ConfigFilePaths['globalDirSource'] = homePath === undefined ? 'default' : 'env';
  if (homePath === undefined) {
    const text = readTextFileIfExists(homeFile);
    homePath = text === undefined ? undefined : parseHomeYaml(text, homeFile);
    if (homePath !== undefined) globalDirSource = 'home-file';
  }
  const cwd = resolve(options.cwd ?? process.cwd());
  const globalDir = homePath === undefined ? defaultGlobal : join(resolve(cwd, homePath), '.polyaxon');
  const tmpDir = underRoot(fsRoot, '/tmp/.polyaxon');
  const localDir = join(cwd, '.polyaxon');
  const envContextRoot = envValue(env, ENV.CONTEXT_ROOT);
  const contextRoot = envContextRoot ?? underRoot(fsRoot, '/plx-context');
  return {
    home: homeFile,
    globalDir,
    globalDirSource,
    homePath,
    tmpDir,
    localDir,
    client: join(globalDir, '.client'),
    tmpClient: join(tmpDir, '.client'),
    auth: join(globalDir, '.auth'),
    tmpAuth: join(tmpDir, '.auth'),
    contextAuth: join(contextRoot, '.configs', '.auth'),
    user: join(globalDir, '.user'),
    cli: join(globalDir, '.cli'),
    globalProject: join(globalDir, '.project'),
    localProject: join(localDir, '.project'),
    globalRun: join(globalDir, '.run'),
    localRun: join(localDir, '.run'),
    contextRoot,
    contextRootSource: envContextRoot === undefined ? 'default' : 'env',
  };
}

import { homeFilePath } from './config-paths';
import { ContextError } from './context-error';
import { readTextFileIfExists, removeFileIfExists, writeFileAtomic } from './fs-io';
import { formatHomeYaml, parseHomeYaml } from './home-yaml';
import type { ContextOptions } from './resolved-context';

/**
 * Reads `~/.polyaxon/.home` (YAML `POLYAXON_HOME: <path>`).
 *
 * @param options - `homeDir` (and `fsRoot`) locate the file.
 * @returns The home path, or `undefined` when the file is absent or empty.
 * @throws {@link ContextError} naming the file when it is unreadable or malformed.
 */
export function readHomeFile(options: ContextOptions = {}): string | undefined {
  const path = homeFilePath(options);
  const text = readTextFileIfExists(path);
  return text === undefined ? undefined : parseHomeYaml(text, path);
}

/**
 * Writes `~/.polyaxon/.home` atomically, exactly as upstream (`config set --home`).
 *
 * @param homePath - The folder whose `.polyaxon` sub-folder holds the global files.
 * @param options - `homeDir` (and `fsRoot`) locate the file.
 * @returns The path written.
 * @throws {@link ContextError} for an empty path, or naming the file when it cannot be written.
 */
export function writeHomeFile(homePath: string, options: ContextOptions = {}): string {
  if (typeof homePath !== 'string' || homePath === '') throw new ContextError('Invalid home path: expected a non-empty string.');
  const path = homeFilePath(options);
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
  return removeFileIfExists(homeFilePath(options));
}

import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ContextError } from './context-error';

/** Mode of files that hold a token. */
export const SECRET_FILE_MODE = 0o600;
/** Mode of folders px creates for files that hold a token. */
export const SECRET_DIR_MODE = 0o700;

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Reads a text file.
 *
 * @param path - The file to read.
 * @returns The content, or `undefined` when the file does not exist.
 * @throws {@link ContextError} naming the file when it exists but cannot be
 *   read (a directory in its place, no permission, ...).
 */
export function readTextFileIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ContextError(`Cannot read ${path} (${code ?? 'unknown error'}); the file was left untouched.`, { file: path, cause: error });
  }
}

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Mode of the written file (default `0o644`). */
  mode?: number;
  /** Mode of directories created on the way (default `0o755`). */
  dirMode?: number;
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same
 * directory, which is flushed, given its final mode, and renamed over the
 * target. Readers never see a partial file; on failure the old file stays.
 *
 * @param path - The target file.
 * @param content - The exact text to write.
 * @param options - File and directory modes.
 * @throws {@link ContextError} naming the file when it cannot be written.
 */
export function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): void {
  const mode = options.mode ?? 0o644;
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true, mode: options.dirMode ?? 0o755 });
    const fd = openSync(temp, 'wx', mode);
    try {
      fchmodSync(fd, mode);
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created or is already gone
    }
    throw new ContextError(`Cannot write ${path} (${codeOf(error) ?? 'unknown error'}).`, { file: path, cause: error });
  }
}

/**
 * Deletes a file if it exists (a directory in its place is left alone).
 *
 * @param path - The file to delete.
 * @returns Whether a file was deleted.
 * @throws {@link ContextError} naming the file when it exists but cannot be deleted.
 */
export function removeFileIfExists(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    rmSync(path);
    return true;
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw new ContextError(`Cannot delete ${path} (${code ?? 'unknown error'}).`, { file: path, cause: error });
  }
}

/**
 * Whether a regular file exists at `path` (upstream's `os.path.isfile`).
 *
 * @param path - The path to check.
 * @returns `true` for an existing regular file.
 */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether a file may be trusted as a config source in a shared folder such
 * as `/tmp/.polyaxon`: it must belong to the current user. Always `true`
 * where user ids do not exist (Windows) and when the file is missing.
 *
 * @param path - The file.
 * @returns `false` when the file exists and belongs to another user.
 */
export function isOwnedByCurrentUser(path: string): boolean {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid === undefined) return true;
  try {
    return statSync(path).uid === uid;
  } catch {
    return true;
  }
}

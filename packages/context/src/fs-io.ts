import { closeSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ContextError } from './context-error';
import { isProcessRunning } from './process-running';

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
  // a name no other writer picks; `wx` below refuses an existing file or link, so it need not be
  // unguessable (and `node:crypto` costs milliseconds to load)
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0')}.tmp`);
  removeStaleTempFiles(dir);
  try {
    mkdirSync(dir, { recursive: true, mode: options.dirMode ?? 0o755 });
    // created with its final mode (0600 for secrets) from the first byte: the umask can only narrow it
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

/** `.<name>.<pid>.<12 hex>.tmp`: a temporary file of {@link writeFileAtomic}. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;
/** An atomic write takes milliseconds; a temporary file older than this is stale even if its pid was reused. */
const STALE_TEMP_MS = 60_000;

/**
 * Deletes the temporary files that {@link writeFileAtomic} leaves in `dir`
 * when its process is killed mid-write (they may hold a token): those of a
 * process that no longer runs, and any older than a minute. Files that are
 * not the current user's, or cannot be deleted, are left alone; a missing
 * folder is fine. Called before every atomic write and when `.auth` is read.
 *
 * @param dir - The folder to sweep.
 * @returns The names deleted.
 */
export function removeStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  for (const name of names) {
    const match = TEMP_FILE.exec(name);
    if (match === null) continue;
    const path = join(dir, name);
    try {
      const info = lstatSync(path);
      if (!info.isFile() || (uid !== undefined && info.uid !== uid)) continue;
      const pid = Number(match[1]);
      const stale = Date.now() - info.mtimeMs > STALE_TEMP_MS || (pid !== process.pid && !isProcessRunning(pid));
      if (!stale) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to delete
    }
  }
  return removed;
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

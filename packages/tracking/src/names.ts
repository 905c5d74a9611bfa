import { basename } from 'node:path';
import { TrackingError } from './errors';

const NOT_ALLOWED = /[^A-Za-z0-9_\\/.\s-]/g;
const SLASHES = /[\\/]+/g;
const SEPARATORS = /[-.\s]+/g;
const SIMPLE = /^[A-Za-z0-9_]+$/;

/**
 * Upstream's `to_fqn_name`: NFKD to ASCII, drop characters outside
 * `[A-Za-z0-9_\\/.\s-]`, trim, runs of `/` or `\` become `__`, runs of
 * `-`, `.` or whitespace become `-`.
 *
 * @param name - the raw name
 * @returns the sanitised name (`train/loss` → `train__loss`, `ünï` → `uni`)
 * @throws {@link TrackingError} when the name is empty, not a string, or empty after sanitising
 */
export function toFqnName(name: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TrackingError('A name is required to process events.');
  }
  if (SIMPLE.test(name)) return name;
  const ascii = name.normalize('NFKD').replace(/[^\u0020-\u007e\t\n\r\f\v]/g, '');
  const value = ascii.replace(NOT_ALLOWED, '').trim().replace(SLASHES, '__').replace(SEPARATORS, '-');
  if (value.length === 0) {
    throw new TrackingError(`The name ${JSON.stringify(name)} is empty once sanitised; use letters, digits, '_', '-', '.' or '/'.`);
  }
  return value;
}

/**
 * Upstream's `get_base_filename`: the base name up to its first dot (`a.tar.gz` → `a`).
 *
 * @param path - a file path
 * @returns the base file name without extensions
 */
export function getBaseFilename(path: string): string {
  return basename(path).split('.')[0] ?? '';
}

/**
 * Upstream's `get_path_extension`: everything after the first dot of the base
 * name, lower-cased (`a.TAR.gz` → `tar.gz`), or `''`.
 *
 * @param path - a file path
 * @returns the extension without the leading dot
 */
export function getPathExtension(path: string): string {
  return basename(path).split('.').slice(1).join('.').toLowerCase();
}

/**
 * Upstream's `_sanitize_filename`: strips a leading run-context prefix
 * (`<contextRoot>/artifacts/<uuid>/outputs/` …, or the offline run folder)
 * when the name contains the context root, then applies {@link toFqnName}.
 *
 * @param name - the raw name
 * @param prefixes - run-context prefixes, each ending with `/`
 * @param contextRoot - the context root (`/plx-context`)
 * @returns the sanitised name
 */
export function sanitizeFilename(name: string, prefixes: readonly string[], contextRoot: string): string {
  if (typeof name === 'string' && name.includes(contextRoot)) {
    for (const prefix of prefixes) {
      if (name.startsWith(prefix)) return toFqnName(name.slice(prefix.length));
    }
  }
  return toFqnName(name);
}

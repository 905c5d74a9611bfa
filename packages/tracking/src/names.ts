import { basename } from 'node:path';
import { PolyaxonClientException, toFqnName } from '@px/client';
import { TrackingError } from './errors';

/**
 * The event name of a tracking call: `@px/client`'s {@link toFqnName}
 * (upstream's `to_fqn_name`, `train/loss` → `train__loss`), with bad names
 * (not a string, empty, or empty once sanitised) raised as a
 * {@link TrackingError} like every other invalid tracking input.
 *
 * @param name - the raw name
 * @returns the sanitised name
 * @throws {@link TrackingError} for a bad name (the client's error as its `cause`)
 */
export function eventName(name: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TrackingError('A name is required to process events.');
  }
  try {
    return toFqnName(name);
  } catch (error) {
    if (PolyaxonClientException.isInstance(error)) throw new TrackingError(error.message, { cause: error });
    throw error;
  }
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
 * when the name contains the context root, then applies {@link eventName}.
 *
 * @param name - the raw name
 * @param prefixes - run-context prefixes, each ending with `/`
 * @param contextRoot - the context root (`/plx-context`)
 * @returns the sanitised name
 */
export function sanitizeFilename(name: string, prefixes: readonly string[], contextRoot: string): string {
  if (typeof name === 'string' && name.includes(contextRoot)) {
    for (const prefix of prefixes) {
      if (name.startsWith(prefix)) return eventName(name.slice(prefix.length));
    }
  }
  return eventName(name);
}

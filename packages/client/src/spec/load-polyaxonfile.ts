// `@px/polyaxonfile` is an optional peer dependency: it is imported only
// when a `createFrom*` method runs, so tracking users never load it.
import type * as PolyaxonfileNode from '@px/polyaxonfile/node';
import { MissingDependencyError } from '../errors/client-error';

/** The Node entry of `@px/polyaxonfile`. */
export type PolyaxonfileModule = typeof PolyaxonfileNode;

/** The optional peer dependency the `RunClient.createFrom*` methods need. */
export const POLYAXONFILE_PACKAGE = '@px/polyaxonfile';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `error` is a module-not-found error for `packageName` itself
 * (not for one of that package's own dependencies).
 *
 * @param error - what the import threw
 * @param packageName - e.g. `@px/polyaxonfile`
 * @returns true when the package is not installed
 */
export function isMissingPackage(error: unknown, packageName: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if ((code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') || typeof message !== 'string') return false;
  return new RegExp(`Cannot find (?:package|module) ['"]${escapeRegExp(packageName)}['"/]`).test(message);
}

/**
 * Runs `importer`, turning "`packageName` is not installed" into a
 * {@link MissingDependencyError}; other errors pass through.
 *
 * @param packageName - the package `importer` loads
 * @param feature - what needs it (named in the error)
 * @param importer - the dynamic import
 * @returns the module
 * @throws {@link MissingDependencyError} when the package is not installed
 */
export async function importOptional<T>(packageName: string, feature: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    if (isMissingPackage(error, packageName)) throw new MissingDependencyError(packageName, feature, { cause: error });
    throw error;
  }
}

/**
 * Loads `@px/polyaxonfile/node`.
 *
 * @param feature - the method that needs it, e.g. `RunClient.createFromUrl`
 * @returns the module
 * @throws {@link MissingDependencyError} when `@px/polyaxonfile` is not installed
 */
export function loadPolyaxonfile(feature: string): Promise<PolyaxonfileModule> {
  return importOptional(POLYAXONFILE_PACKAGE, feature, () => import('@px/polyaxonfile/node'));
}

import { checkPolyaxonfile as checkCore } from '../check/check-polyaxonfile';
import type { CheckOptions } from '../check/check-polyaxonfile';
import { PolyaxonfileError } from '../errors';
import type { AnySpec } from '../specs/specifications';
import { findDefaultPolyaxonfile, readPath } from './read-file';

/**
 * `checkPolyaxonfile` for Node: file paths are read from disk (`pathRef`s
 * relative to the checked file), and without any source the default file
 * names are looked up in the current directory.
 *
 * @returns the operation (with `toOp`) or the spec as read
 * @throws {@link PolyaxonfileError} when the Polyaxonfile is not valid
 */
export async function checkPolyaxonfile(options: CheckOptions): Promise<AnySpec> {
  let polyaxonfile = options.polyaxonfile;
  if (polyaxonfile === undefined && options.url === undefined && options.hub === undefined) {
    polyaxonfile = findDefaultPolyaxonfile();
  }
  const files = polyaxonfile === undefined ? [] : Array.isArray(polyaxonfile) ? polyaxonfile : [polyaxonfile];
  if (files.length > 0 && options.url === undefined && options.hub === undefined) {
    const first: unknown = files[0];
    if (typeof first === 'string' && !first.includes('\n') && readPath(first) === undefined && !first.includes(':')) {
      throw new PolyaxonfileError('Please pass a valid polyaxonfile, a python module, a url, or a component name', {
        stage: 'read',
        issues: [{ path: [], message: 'no such file', expected: 'an existing file', received: first }],
      });
    }
  }
  return checkCore({ ...options, ...(polyaxonfile === undefined ? {} : { polyaxonfile }), readPath: options.readPath ?? readPath });
}

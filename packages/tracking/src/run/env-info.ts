import { createHash } from 'node:crypto';
import { hostname, arch, release, type, userInfo } from 'node:os';
import { basename } from 'node:path';
import type { JsonInput } from '../serialization/py-json';

declare const __PX_VERSION__: string;

/**
 * The run environment written to `outputs/env.json` by `logEnv`, with
 * upstream's keys where they have a Node equivalent (`python_version*`
 * become `node_version*`; `packages` lists nothing since Node has no global
 * package registry).
 *
 * @returns the environment record
 */
export function getRunEnv(): { readonly [key: string]: JsonInput } {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? '';
  }
  return {
    pid: process.pid,
    hostname: hostname(),
    os: `${type()}-${release()}-${arch()}`,
    system: type(),
    node_version_verbose: `${process.version} (v8 ${process.versions.v8}) [${process.platform}-${process.arch}]`,
    node_version: process.versions.node,
    user,
    'sys.argv': process.argv.slice(1),
    is_notebook: false,
    filename: process.argv[1] ? basename(process.argv[1]) : '',
    module_path: process.cwd(),
    packages: [],
    px_version: __PX_VERSION__,
  };
}

/**
 * First 12 hex characters of the MD5 of `data`, like upstream's `hash_value`/`hash_file`.
 *
 * @param data - bytes or text
 * @returns the short hash
 */
export function shortHash(data: string | Uint8Array): string {
  return createHash('md5').update(data).digest('hex').slice(0, 12);
}

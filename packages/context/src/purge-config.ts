import { configFilePaths } from './config-paths';
import { removeFileIfExists } from './fs-io';
import type { ContextOptions } from './resolved-context';

/**
 * `config purge`: deletes `.client`, `.cli`, `.auth`, `.user` and both
 * copies of `.project` and `.run`; with `cacheOnly`, only the caches. The
 * `.home` file is kept, like upstream.
 *
 * @param options - Where to look.
 * @param purgeOptions - `{ cacheOnly: true }` keeps the config and auth files.
 * @returns The paths deleted.
 */
export function purgeConfig(options: ContextOptions = {}, purgeOptions: { cacheOnly?: boolean } = {}): string[] {
  const paths = configFilePaths(options);
  const removed: string[] = [];
  if (purgeOptions.cacheOnly !== true) {
    for (const path of [paths.client, paths.cli, paths.auth, paths.user]) if (removeFileIfExists(path)) removed.push(path);
  }
  for (const path of [paths.localProject, paths.globalProject, paths.localRun, paths.globalRun]) {
    if (removeFileIfExists(path)) removed.push(path);
  }
  return removed;
}

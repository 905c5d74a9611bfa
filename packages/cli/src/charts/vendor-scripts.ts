import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CliError } from '../errors';

/** The browser builds inlined into HTML reports, in load order. */
const BUILDS = [
  { pkg: 'vega', file: 'build/vega.min.js' },
  { pkg: 'vega-lite', file: 'build/vega-lite.min.js' },
  { pkg: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

/** The folder of an installed package (found from its resolved entry, since `exports` hides `package.json` for some). */
function packageDir(pkg: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(pkg));
  while (!dir.endsWith(`/${pkg}`) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * The minified browser builds of `vega`, `vega-lite` and `vega-embed`, read
 * at run time from the installed packages (never copied into this repo).
 *
 * @throws {@link CliError} when one is missing.
 */
export async function vendorScripts(): Promise<string[]> {
  return Promise.all(
    BUILDS.map(async ({ pkg, file }) => {
      const path = join(packageDir(pkg), file);
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        throw new CliError(`Cannot read the browser build of ${pkg} at ${path}; reinstall @px/cli.`, { cause: error });
      }
    }),
  );
}

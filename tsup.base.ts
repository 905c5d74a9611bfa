import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from 'tsup';

/**
 * Shared tsup options for every published package: ESM with bundled `.d.ts`,
 * the package version baked in as `__PX_VERSION__`, and the private
 * `@px/errors` source inlined so no package depends on it at run time.
 */
export function packageConfig(dir: string, overrides: Options = {}): Options {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: { resolve: ['@px/errors'] },
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: true,
    noExternal: ['@px/errors'],
    define: { __PX_VERSION__: JSON.stringify(pkg.version) },
    ...overrides,
  };
}

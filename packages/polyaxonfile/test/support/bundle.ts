// Builds the browser bundle of the main entry with esbuild (reached through
// tsup, which depends on it), for the browser test and the size benchmark.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface EsbuildResult {
  outputFiles: { text: string }[];
}
interface Esbuild {
  build(options: Record<string, unknown>): Promise<EsbuildResult>;
}

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function loadEsbuild(dir: string): Esbuild {
  const fromTsup = createRequire(createRequire(join(dir, 'package.json')).resolve('tsup'));
  return fromTsup('esbuild') as Esbuild;
}

/** Bundles an entry (default `src/index.ts`) for browsers (ESM, no Node builtins allowed). */
export async function bundleBrowserEntry(
  options: { minify?: boolean; format?: 'esm' | 'iife'; globalName?: string; dir?: string; entry?: string } = {},
): Promise<string> {
  const dir = options.dir ?? packageDir;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const result = await loadEsbuild(dir).build({
    entryPoints: [join(dir, options.entry ?? 'src/index.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: options.format ?? 'esm',
    ...(options.globalName === undefined ? {} : { globalName: options.globalName }),
    target: 'es2022',
    minify: options.minify ?? false,
    treeShaking: true,
    conditions: ['@px/source'],
    define: { __PX_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

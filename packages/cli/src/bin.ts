// The `px` entry point, built as CommonJS (`dist/bin.cjs`: Node's CommonJS
// loader starts faster than its ESM loader). Kept tiny: `--version` answers
// without loading anything else; every other command runs from the
// one-script bundle `dist/px.cjs` with a V8 code cache (bundle-loader.ts).
import { loadBundle } from './bundle-loader';
import type * as Cli from './index';
import { HOST_IMPORT } from './import-module';
import { VERSION } from './version';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // Node >= 22 can cache compiled code between runs; older versions skip this (read synchronously: no import).
  // It serves the modules the bundle imports itself (vega, resvg).
  (process.getBuiltinModule('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // `px ops ls | head -1`: a closed pipe ends the command quietly instead of crashing
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  // the bundle's `import()` of chart renderers goes through this script (see import-module.ts)
  (globalThis as Record<symbol, unknown>)[HOST_IMPORT] = (specifier: string): Promise<unknown> => import(specifier);
  // the package entry holds the router itself (importing main.ts would add a module that only re-exports it)
  const bundle = loadBundle<typeof Cli>(`${__dirname}/px.cjs`, argv[0] ?? '', process.env);
  void bundle.exports.runCli({ argv }).then((code) => {
    process.exitCode = code;
    // only commands that ran cleanly leave a cache, so typos and usage errors never add files
    if (code === 0) bundle.save();
  });
}

// The `px` entry point. Kept tiny: `--version` answers without loading
// anything else; every other command loads the router, which loads the
// command it runs (and only what that command needs).
import { VERSION } from './version';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // Node >= 22 can cache compiled code between runs; older versions skip this (read synchronously: no import).
  (process.getBuiltinModule('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // `px ops ls | head -1`: a closed pipe ends the command quietly instead of crashing
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  // the package entry holds the router itself (importing main.ts would add a module that only re-exports it)
  const { runCli } = await import('./index');
  process.exitCode = await runCli({ argv });
}

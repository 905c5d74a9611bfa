// Init containers px honours on this machine, run before the main container: `file` writes its
// content, `git` clones a URL or a local repository (at a revision), `artifacts` copies files
// and folders of other offline runs (`<uuid>/outputs/...`, relative to `<offline root>/runs`).
import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { CliError } from '../errors';
import { cellText } from '../output/table';
import type { InitPlan } from './local-plan';
import type { LogsWriter } from './logs-writer';

/** Where inits read and write. */
export interface InitPaths {
  /** The run's context folder: the default destination. */
  readonly contextPath: string;
  /** The working directory relative paths resolve against. */
  readonly cwd: string;
  /** Offline runs are copied from here (`<offline root>/runs`). */
  readonly runsRoot: string;
}

function destination(path: string | undefined, paths: InitPaths): string {
  if (path === undefined || path === '') return paths.contextPath;
  return isAbsolute(path) ? path : resolve(paths.contextPath, path);
}

function git(args: readonly string[], cwd: string, logs: LogsWriter): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    void logs.follow(child.stdout, 'stdout', 'polyaxon-init-git');
    void logs.follow(child.stderr, 'stderr', 'polyaxon-init-git');
    child.on('error', (error) => fail(new CliError(`git init container: ${error.message}`)));
    child.on('close', (code) => (code === 0 ? done() : fail(new CliError(`git init container: \`git ${args.join(' ')}\` exited with ${code ?? 'a signal'}.`))));
  });
}

function inside(root: string, rel: string): string {
  const full = resolve(root, rel);
  if (!full.startsWith(`${resolve(root)}/`)) throw new CliError(`artifacts init container: \`${rel}\` is outside ${root}.`);
  return full;
}

/** Runs the inits in order; the first failure throws a {@link CliError} naming it. */
export async function runInits(inits: readonly InitPlan[], paths: InitPaths, logs: LogsWriter): Promise<void> {
  await mkdir(paths.contextPath, { recursive: true });
  for (const init of inits) {
    const dest = destination(init.path, paths);
    if (init.kind === 'file') {
      await mkdir(dest, { recursive: true });
      const target = join(dest, init.filename);
      await writeFile(target, init.content);
      if (init.chmod !== undefined) await chmod(target, Number.parseInt(init.chmod, 8));
      logs.note(`init file: wrote ${target}`, 'polyaxon-init-file');
    } else if (init.kind === 'git') {
      const url = /^[a-z][a-z0-9+.-]*:/i.test(init.url) || init.url.startsWith('git@') ? init.url : resolve(paths.cwd, init.url);
      const target = init.path === undefined ? join(dest, basename(init.url).replace(/\.git$/, '')) : dest;
      await git(['clone', '--quiet', url, target], paths.cwd, logs);
      if (init.revision !== undefined) await git(['-C', target, 'checkout', '--quiet', init.revision], paths.cwd, logs);
      logs.note(`init git: cloned ${init.url}${init.revision === undefined ? '' : `@${init.revision}`} into ${target}`, 'polyaxon-init-git');
    } else {
      await mkdir(dest, { recursive: true });
      for (const rel of [...init.files, ...init.dirs]) {
        const source = inside(paths.runsRoot, rel);
        await cp(source, join(dest, basename(rel)), { recursive: true, errorOnExist: false }).catch((error: unknown) => {
          throw new CliError(`artifacts init container: cannot copy ${source}: ${error instanceof Error ? error.message : cellText(error)}`);
        });
      }
      logs.note(`init artifacts: copied ${[...init.files, ...init.dirs].join(', ')} into ${dest}`, 'polyaxon-init-artifacts');
    }
  }
}

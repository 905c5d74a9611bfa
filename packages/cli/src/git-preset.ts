import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CommandContext } from './command-context';
import { CliError } from './errors';

const exec = promisify(execFile);

/** The git config `px init --git-url/--git-connection` writes, as the Python CLI does. */
export const GIT_CONFIG_FILE = 'polyaxongit.yaml';

async function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
  try {
    const { stdout } = await exec('git', args, { cwd, encoding: 'utf8' });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/**
 * The git initializer `px run --git-preset [--git-revision R]` adds to the
 * operation (upstream `git_init`): the `polyaxongit.yaml` of the working
 * directory with `git.revision` set to `revision`, or else to the current
 * commit (with a warning when the work tree has uncommitted changes, or when
 * there is no git repository at all).
 *
 * @param ctx - the command context (working directory, printer)
 * @param revision - `--git-revision`, when given
 * @returns the initializer (`{ git: { url, revision }, connection }`)
 * @throws {@link CliError} when the working directory has no valid `polyaxongit.yaml`
 */
export async function gitInitPreset(ctx: CommandContext, revision: string | undefined): Promise<Record<string, unknown>> {
  const notInitialized = (): never => {
    throw new CliError(
      "You can't use `--git-preset [--git-revision]`, the current path is not initialized with a valid git connection or a git url, " +
        'please run `px init [--git-connection] [--git-url]` to set a valid git configuration.',
    );
  };
  const file = join(ctx.cwd, GIT_CONFIG_FILE);
  const text = await readFile(file, 'utf8').catch(notInitialized);
  const { parseYaml } = await import('@px/polyaxonfile');
  const config: unknown = parseYaml(text, file).value;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return notInitialized();
  const init = { ...(config as Record<string, unknown>) };
  const gitSection = typeof init.git === 'object' && init.git !== null && !Array.isArray(init.git) ? (init.git as Record<string, unknown>) : {};
  let rev = revision;
  if (rev === undefined) {
    if ((await git(ctx.cwd, ['rev-parse', '--is-inside-work-tree'])) === 'true') {
      if (((await git(ctx.cwd, ['status', '--porcelain'])) ?? '') !== '') ctx.print.warning('px detected uncommitted changes in the current git repo!');
      rev = await git(ctx.cwd, ['rev-parse', 'HEAD']);
    } else ctx.print.warning('px could not find a valid git repo, and will not add the current commit to the git initializer.');
  }
  init.git = rev === undefined ? gitSection : { ...gitSection, revision: rev };
  return init;
}

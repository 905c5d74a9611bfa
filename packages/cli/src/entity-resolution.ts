import type { ResolvedContext } from '@px/context';
import type { CommandContext } from './command-context';
import { contextOptions } from './context-loader';
import { CliError } from './errors';
import { stringOption } from './option-values';

/** An owner and project. */
export interface ProjectTarget {
  readonly owner: string;
  readonly project: string;
}

/** An owner, project and run uuid. */
export interface RunTarget extends ProjectTarget {
  readonly uuid: string;
}

/**
 * The project of a command: `-p/--project` (`project`, `owner/project` or
 * `owner.project`), else the project cached by `px init` / `px project get`.
 *
 * @throws {@link CliError} when there is none, with upstream's message.
 */
export async function resolveProjectTarget(ctx: CommandContext, resolved: ResolvedContext): Promise<ProjectTarget> {
  const { parseProjectRef, readProjectCache } = await import('@px/context');
  const explicit = stringOption(ctx.options, 'project');
  if (explicit !== undefined) {
    const ref = parseProjectRef(explicit, resolved);
    return { owner: ref.owner, project: ref.project };
  }
  const fromContext = resolved.project.value;
  if (fromContext !== undefined) {
    const ref = parseProjectRef(fromContext, resolved);
    return { owner: ref.owner, project: ref.project };
  }
  const cache = readProjectCache(contextOptions(ctx));
  if (cache?.data.name !== undefined) {
    return { owner: cache.data.owner ?? resolved.owner.value ?? 'default', project: cache.data.name };
  }
  throw new CliError('Please provide a valid project or initialize a project in the current path.', {
    details: ['Use `-p owner/project`, or run `px init -p owner/project` in this directory.'],
  });
}

/**
 * The run of a command: `--uid`, else the run cached in this directory (or
 * globally) by the last `px run` / `px ops get`.
 *
 * @throws {@link CliError} when there is no project or no run.
 */
export async function resolveRunTarget(ctx: CommandContext, resolved: ResolvedContext): Promise<RunTarget> {
  const target = await resolveProjectTarget(ctx, resolved);
  const { readRunCache, validateRunUuid } = await import('@px/context');
  const explicit = stringOption(ctx.options, 'uid');
  if (explicit !== undefined) return { ...target, uuid: validateRunUuid(explicit.trim(), '--uid') };
  const cached = readRunCache(contextOptions(ctx))?.data.uuid;
  if (cached !== undefined) return { ...target, uuid: cached };
  throw new CliError('Please provide a valid run uuid with `--uid`, or run a command that caches one (`px run`, `px ops get --uid ...`).');
}

/**
 * Caches `run` next to the project cache in effect, only when a project is
 * cached and it is the run's project (as upstream does).
 */
export async function cacheRun(ctx: CommandContext, target: ProjectTarget, run: Record<string, unknown>): Promise<void> {
  const { readProjectCache, writeRunCache } = await import('@px/context');
  const options = contextOptions(ctx);
  const cached = readProjectCache(options);
  if (cached === undefined || cached.data.name !== target.project) return;
  if (cached.data.owner !== undefined && cached.data.owner !== target.owner) return;
  writeRunCache(run, options, cached.visibility);
}

/** The UI url of a project. */
export function projectUrl(host: string, target: ProjectTarget): string {
  return `${host}/ui/${target.owner}/${target.project}/`;
}

/** The UI url of a run. */
export function runUrl(host: string, target: RunTarget): string {
  return `${host}/ui/${target.owner}/${target.project}/runs/${target.uuid}/`;
}

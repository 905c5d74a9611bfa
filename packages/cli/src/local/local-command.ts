// The `--local` branch of `px run`: reads the local-run options and picks the mode (server-less
// when `--offline`, `px --offline`, POLYAXON_IS_OFFLINE, or no host is configured).
import type { ResolvedContext } from '@px/context';
import type { CommandContext } from '../command-context';
import { resolveProjectTarget } from '../entity-resolution';
import { CliError } from '../errors';
import { flagOption, intOption, parseTags, stringOption } from '../option-values';
// static: this module is itself loaded lazily, and only for local runs (a dynamic import of it would
// be one more module to load)
import { runLocal } from './run-local';

/** Whether `px run --local` runs without a server. */
export function isServerless(ctx: CommandContext, resolved: ResolvedContext): boolean {
  if (flagOption(ctx.options, 'offline') || ctx.globals.offline || resolved.isOffline.value) return true;
  if (resolved.host.source === 'default') {
    ctx.print.warning('No Polyaxon host is configured: running server-less (offline run records; push them later with `px ops push`).');
    return true;
  }
  return false;
}

/** Runs the checked operation `spec` locally; resolves to the exit code. */
export async function runLocalCommand(ctx: CommandContext, resolved: ResolvedContext, spec: Record<string, unknown>): Promise<number> {
  const o = ctx.options;
  const concurrency = intOption(o, 'concurrency', '--concurrency');
  if (concurrency !== undefined && concurrency < 1) throw new CliError('`--concurrency` must be at least 1.');
  for (const option of ['upload', 'uploadFrom', 'uploadTo', 'mount'] as const) {
    const value = o[option];
    if (value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0)) throw new CliError('Uploads (`-u`, `-m`) are for runs on a server; a local run reads this machine\'s files directly.');
  }
  const explicitProject = stringOption(o, 'project') !== undefined || resolved.project.value !== undefined;
  const target = explicitProject ? await resolveProjectTarget(ctx, resolved) : await resolveProjectTarget(ctx, resolved).catch(() => undefined);
  const options = {
    executor: stringOption(o, 'executor'),
    offline: true,
    concurrency,
    dryRun: flagOption(o, 'dryRun'),
    name: stringOption(o, 'name'),
    description: stringOption(o, 'description'),
    tags: parseTags(stringOption(o, 'tags')),
    target,
  };
  if (!isServerless(ctx, resolved) && !options.dryRun) {
    if (target === undefined) throw new CliError('Please provide a valid project (`-p owner/project`) to run locally against the server, or pass `--offline`.');
    const { runFaithful } = await import('./run-faithful');
    return runFaithful(ctx, resolved, spec, { ...options, offline: false, target });
  }
  return runLocal(ctx, spec, resolved, options);
}

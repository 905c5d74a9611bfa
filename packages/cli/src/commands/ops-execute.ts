import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { resolveRunTarget } from '../entity-resolution';
import { stringOption } from '../option-values';

/**
 * `px ops execute [-p] [-uid] [-exc process|docker]`: executes a run that exists on the server on this
 * machine, as upstream's `ops execute` (approved if needed, awaited until compiled, statuses posted back).
 */
export async function execute(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  const target = await resolveRunTarget(ctx, resolved);
  const { executeExisting } = await import('../local/run-faithful');
  return executeExisting(ctx, resolved, target, stringOption(ctx.options, 'executor'));
}

import type { CommandContext } from '../command-context';
import { COMMAND_TREE } from '../command-tree';
import { completionScript, SHELLS, type Shell } from '../completion-scripts';
import { UsageError } from '../errors';

/** `px completion SHELL`: prints the completion script. */
export function completion(ctx: CommandContext): Promise<number> {
  const shell = ctx.args[0];
  if (shell === undefined) throw new UsageError(`Missing argument 'SHELL' (one of ${SHELLS.join(', ')}).`);
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`Invalid value for 'SHELL': '${shell}' is not one of ${SHELLS.join(', ')}.`);
  }
  ctx.io.stdout.write(completionScript(shell as Shell, COMMAND_TREE));
  return Promise.resolve(0);
}

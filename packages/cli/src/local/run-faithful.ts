// Faithful mode of `px run --local` (a server is configured): not implemented yet.
import type { ResolvedContext } from '@px/context';
import type { CommandContext } from '../command-context';
import { CliError } from '../errors';
import type { LocalRunOptions } from './run-local';

/** Runs `spec` locally against the configured server. */
export function runFaithful(_ctx: CommandContext, _resolved: ResolvedContext, _spec: Record<string, unknown>, _options: LocalRunOptions): Promise<number> {
  return Promise.reject(new CliError('`px run --local` against a server is not available yet; pass `--offline` to run server-less and push the run later with `px ops push`.'));
}

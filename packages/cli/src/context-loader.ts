import type { ContextOptions, ResolvedContext } from '@px/context';
import type { CommandContext } from './command-context';
import { registerSecret } from './redact';

/** The context options of a command: its environment, home and working directory. */
export function contextOptions(ctx: CommandContext): ContextOptions {
  return { env: ctx.env, homeDir: ctx.homeDir, cwd: ctx.cwd };
}

/**
 * Resolves the effective context (host, token, project, ...) of a command
 * and registers the token as a secret so nothing printed can contain it.
 */
export async function resolveFor(ctx: CommandContext, overrides: Partial<ContextOptions> = {}): Promise<ResolvedContext> {
  const { resolveContext } = await import('@px/context');
  const resolved = resolveContext({ ...contextOptions(ctx), ...overrides });
  registerSecret(resolved.token.value);
  return resolved;
}

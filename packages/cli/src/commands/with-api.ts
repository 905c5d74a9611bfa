import type { ResolvedContext } from '@px/context';
import type { PxApi } from '../api';
import type { CommandContext } from '../command-context';

/** Runs `fn` with an API client built from the command's context and closes it afterwards. */
export async function withApi<T>(ctx: CommandContext, resolved: ResolvedContext | undefined, fn: (api: PxApi) => Promise<T>): Promise<T> {
  const { createApi } = await import('../api');
  const api = await createApi(ctx, resolved);
  try {
    return await fn(api);
  } finally {
    await api.close();
  }
}

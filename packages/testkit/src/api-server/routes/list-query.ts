import type { RouteContext } from '../route-context';

/** `query` and `sort` of a list request (`undefined` when absent or blank). */
export function listQuery(ctx: RouteContext): { query: string | undefined; sort: string | undefined } {
  const query = ctx.url.searchParams.get('query') ?? undefined;
  const sort = ctx.url.searchParams.get('sort') ?? undefined;
  return { query: query?.trim() ? query : undefined, sort: sort?.trim() ? sort : undefined };
}

import type { V1Run } from '../models/run';
import { paginate, type ListOptions, type Page } from '../pagination/page';

/** Largest page asked for while collecting runs. */
const PAGE_SIZE = 100;

/**
 * Every run matching `options`, page by page, up to `options.limit` runs
 * (all of them when no limit is given), starting at `options.offset`.
 * Upstream stops after the first page of 20.
 *
 * @param listPage - lists one page (`RunClient.list`)
 * @param options - query, sort, limit (the most runs to return), offset
 */
export async function collectRuns(listPage: (options: ListOptions) => Promise<Page<V1Run> | null>, options: ListOptions = {}): Promise<V1Run[]> {
  const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;
  const runs: V1Run[] = [];
  if (limit <= 0) return runs;
  const pageSize = Math.min(PAGE_SIZE, limit);
  for await (const run of paginate(listPage, { ...options, limit: pageSize })) {
    runs.push(run);
    if (runs.length >= limit) break;
  }
  return runs;
}

/** A run's `{ uid, name, values: { ...inputs, ...outputs } }`. */
export function runIo(run: V1Run): { uid: string; name?: string; values: Record<string, unknown> } {
  const io: { uid: string; name?: string; values: Record<string, unknown> } = { uid: run.uuid ?? '', values: { ...run.inputs, ...run.outputs } };
  if (typeof run.name === 'string' && run.name !== '') io.name = run.name;
  return io;
}

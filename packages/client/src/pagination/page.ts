import type { V1ListResponse } from '../models/list-response';

/** Listing options shared by every list method. */
export interface ListOptions {
  /** PQL query, e.g. `status:running, metrics.loss:<0.2`. */
  query?: string | undefined;
  /** Sort, e.g. `-created_at`. */
  sort?: string | undefined;
  /** Page size. */
  limit?: number | undefined;
  /** Items to skip. */
  offset?: number | undefined;
}

/** One page of a listing: the raw list response with `results` always an array. */
export interface Page<T> {
  /** Total number of matching items. */
  count: number;
  /** Items of this page. */
  results: T[];
  /** Absolute URL of the next page, or null. */
  next: string | null;
  /** Absolute URL of the previous page, or null. */
  previous: string | null;
}

/** A page with no items (no-op and offline answers). */
export function emptyPage<T>(): Page<T> {
  return { count: 0, results: [], next: null, previous: null };
}

/** Normalises a list response into a {@link Page}. */
export function toPage<T>(response: V1ListResponse<T> | undefined): Page<T> {
  return {
    count: response?.count ?? 0,
    results: response?.results ?? [],
    next: response?.next ?? null,
    previous: response?.previous ?? null,
  };
}

/**
 * Query pairs as upstream's `get_query_params`: only truthy values, in the
 * order `offset, limit, sort, query`.
 */
export function listQuery(options: ListOptions): Array<[string, string | number | undefined]> {
  return [
    ['offset', options.offset === 0 ? undefined : options.offset],
    ['limit', options.limit === 0 ? undefined : options.limit],
    ['sort', options.sort === '' ? undefined : options.sort],
    ['query', options.query === '' ? undefined : options.query],
  ];
}

/**
 * Iterates over every item of a listing, page by page, starting at
 * `options.offset`, until the server reports no `next` page.
 */
export async function* paginate<T>(
  fetchPage: (options: ListOptions) => Promise<Page<T> | null>,
  options: ListOptions = {},
): AsyncGenerator<T, void, undefined> {
  const limit = options.limit ?? 100;
  let offset = options.offset ?? 0;
  for (;;) {
    const page = await fetchPage({ ...options, limit, offset });
    if (page === null) return;
    for (const item of page.results) yield item;
    offset += page.results.length;
    if (page.next === null || page.results.length === 0 || offset >= page.count) return;
  }
}

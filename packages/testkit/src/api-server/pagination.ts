import type { Json, JsonObject } from './json';

/** Default page size when the request sends no `limit` (upstream REST framework setting). */
export const DEFAULT_PAGE_SIZE = 20;

/** Python's `urllib.parse.quote_plus`, as Django's `urlencode` uses it. */
export function quotePlus(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

function positiveInt(raw: string | null, strict: boolean): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw.trim())) return undefined;
  const n = Number(raw);
  if (strict && n === 0) return undefined;
  return n;
}

/** Rebuilds `url` with `key` set (or removed), keys sorted, as DRF's `replace_query_param` does. */
function withParam(url: URL, key: string, value: string | undefined): string {
  const entries = new Map<string, string[]>();
  for (const [k, v] of url.searchParams) entries.set(k, [...(entries.get(k) ?? []), v]);
  if (value === undefined) entries.delete(key);
  else entries.set(key, [value]);
  const query = [...entries.keys()]
    .sort()
    .flatMap((k) => entries.get(k)!.map((v) => `${quotePlus(k)}=${quotePlus(v)}`))
    .join('&');
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

/**
 * Pages `items` with `limit`/`offset` from `url` (absolute, built from the
 * request's Host header) into `{count, next, previous, results}` with
 * absolute `next`/`previous`, like DRF's LimitOffsetPagination.
 */
export function paginate(items: readonly Json[], url: URL, pageSize = DEFAULT_PAGE_SIZE): JsonObject {
  const count = items.length;
  const limit = positiveInt(url.searchParams.get('limit'), true) ?? pageSize;
  const offset = positiveInt(url.searchParams.get('offset'), false) ?? 0;
  const results = items.slice(offset, offset + limit);
  let next: string | null = null;
  if (offset + limit < count) {
    const withLimit = new URL(withParam(url, 'limit', String(limit)));
    next = withParam(withLimit, 'offset', String(offset + limit));
  }
  let previous: string | null = null;
  if (offset > 0) {
    const withLimit = new URL(withParam(url, 'limit', String(limit)));
    previous = offset - limit <= 0 ? withParam(withLimit, 'offset', undefined) : withParam(withLimit, 'offset', String(offset - limit));
  }
  return { count, next, previous, results };
}

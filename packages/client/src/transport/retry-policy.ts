import type { RetryOptions } from 'ky';

/**
 * Which calls are retried:
 * - `idempotent`: GET/PUT/DELETE/HEAD/OPTIONS on network errors, 408, 429, 500, 502, 503, 504;
 * - `write`: also POST/PATCH, but only on network errors, 408, 429, 502, 503, 504
 *   (fire-and-forget writes: statuses, inputs, outputs, tags, meta, lineage);
 * - `none`: never.
 */
export type RetryMode = 'idempotent' | 'write' | 'none';

const MAX_RETRY_AFTER_MS = 60_000;

/** ky retry options for `mode`: `limit` retries, exponential backoff from `baseDelayMs` with jitter. */
export function retryOptions(mode: RetryMode, limit: number, baseDelayMs = 300): RetryOptions {
  if (mode === 'none' || limit <= 0) return { limit: 0 };
  const delay = (attempt: number): number => baseDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
  const idempotent = ['get', 'put', 'head', 'delete', 'options'];
  if (mode === 'idempotent') {
    return {
      limit,
      methods: idempotent,
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [408, 429, 500, 502, 503, 504],
      maxRetryAfter: MAX_RETRY_AFTER_MS,
      backoffLimit: 10_000,
      delay,
    };
  }
  return {
    limit,
    methods: [...idempotent, 'post', 'patch'],
    statusCodes: [408, 429, 502, 503, 504],
    afterStatusCodes: [408, 429, 502, 503, 504],
    maxRetryAfter: MAX_RETRY_AFTER_MS,
    backoffLimit: 10_000,
    delay,
  };
}

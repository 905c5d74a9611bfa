import type { RetryOptions } from 'ky';
import { ApiError } from '../errors/api-error';
import { ApiConnectionError } from '../errors/client-error';

/**
 * Which calls are retried:
 * - `idempotent`: GET/PUT/DELETE/HEAD/OPTIONS on network errors, 408, 429, 500, 502, 503, 504;
 * - `write`: also POST/PATCH, but only on network errors, 408, 429, 502, 503, 504
 *   (fire-and-forget writes: statuses, inputs, outputs, tags, meta, lineage);
 * - `none`: never.
 */
export type RetryMode = 'idempotent' | 'write' | 'none';

const MAX_RETRY_AFTER_MS = 60_000;
const BACKOFF_LIMIT_MS = 10_000;

/**
 * The wait before retry number `attempt` (1-based): `baseDelayMs` doubled on
 * each retry, with ±20% jitter, capped at 10 s.
 */
export function backoffDelay(attempt: number, baseDelayMs: number): number {
  return Math.min(BACKOFF_LIMIT_MS, baseDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4));
}

/** A `Retry-After` header (seconds or an HTTP date) in milliseconds, capped at 60 s; undefined when absent or invalid. */
export function retryAfterMs(value: string | null | undefined): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.min(Math.max(0, seconds * 1000), MAX_RETRY_AFTER_MS);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - Date.now()), MAX_RETRY_AFTER_MS);
}

/** ky retry options for `mode`: `limit` retries, exponential backoff from `baseDelayMs` with jitter. */
export function retryOptions(mode: RetryMode, limit: number, baseDelayMs = 300): RetryOptions {
  if (mode === 'none' || limit <= 0) return { limit: 0 };
  const delay = (attempt: number): number => backoffDelay(attempt, baseDelayMs);
  const idempotent = ['get', 'put', 'head', 'delete', 'options'];
  if (mode === 'idempotent') {
    return {
      limit,
      methods: idempotent,
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [408, 429, 500, 502, 503, 504],
      maxRetryAfter: MAX_RETRY_AFTER_MS,
      backoffLimit: BACKOFF_LIMIT_MS,
      delay,
    };
  }
  return {
    limit,
    methods: [...idempotent, 'post', 'patch'],
    statusCodes: [408, 429, 502, 503, 504],
    afterStatusCodes: [408, 429, 502, 503, 504],
    maxRetryAfter: MAX_RETRY_AFTER_MS,
    backoffLimit: BACKOFF_LIMIT_MS,
    delay,
  };
}

/** Answers after which the same request may succeed later. */
const TRANSIENT_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

/**
 * Whether a failed call may succeed if sent again: the API could not be
 * reached ({@link ApiConnectionError}: network error or timeout) or answered
 * 408, 429, 500, 502, 503 or 504. Other answers (400, 401, 403, 404, ...)
 * and local errors (a missing file) fail the same way every time.
 */
export function isTransientFailure(error: unknown): boolean {
  if (ApiConnectionError.isInstance(error)) return true;
  return ApiError.isInstance(error) && TRANSIENT_STATUSES.includes(error.status);
}

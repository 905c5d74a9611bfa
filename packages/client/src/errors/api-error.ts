import { PolyaxonException } from '@px/errors';

/** What an {@link ApiError} is built from. */
export interface ApiErrorInit {
  /** HTTP status code. */
  status: number;
  /** HTTP method, upper case. */
  method: string;
  /** Request URL (query included). Never contains credentials. */
  url: string;
  /** The response reason phrase, when known. */
  statusText?: string;
  /** The server's body: parsed JSON when it was JSON, else its text. */
  body?: unknown;
  /** The server's `Retry-After` in milliseconds (capped at 60 s), when it sent one. */
  retryAfterMs?: number | undefined;
  /** The server's `Allow` header, when it sent one (tells a crash from a real 405). */
  allow?: string | undefined;
  /** The underlying error, if any. */
  cause?: unknown;
}

const FRIENDLY: Readonly<Record<number, string>> = {
  400: 'One or more request parameters are incorrect',
  401: 'Authentication failed. Retry by invoking Polyaxon login.',
  403: 'You are not authorized to access this resource on Polyaxon.',
  404: 'The resource you are looking for was not found. Check if the name or uuid is correct.',
  405: 'You made a request with an unsupported method.',
  429: 'Too many requests, please wait and retry later.',
  500: 'Polyaxon server encountered an internal error.',
  502: 'The Polyaxon server is unavailable (bad gateway).',
  503: 'The Polyaxon server is temporarily unavailable.',
  504: 'The Polyaxon server did not answer in time (gateway timeout).',
};

const CRASH_HINT =
  'Polyaxon server encountered an internal error (it answered 405 with an empty page because its error view only serves GET; the server logs have the cause).';

/**
 * Whether a 405 is really a server crash: haupt answers any unhandled error of a non-GET request with its
 * GET-only 500 view, i.e. 405, an empty body and an `Allow` header that does not list the method (api-samples
 * 63, 70). px only calls paths that accept the method it sends, so such an answer is not a method error.
 */
export function isServerCrash(init: Pick<ApiErrorInit, 'status' | 'method' | 'allow' | 'body'>): boolean {
  if (init.status !== 405 || init.allow === undefined) return false;
  if (init.body !== undefined && init.body !== null && init.body !== '') return false;
  const allowed = init.allow.split(',').map((m) => m.trim().toUpperCase());
  return !allowed.includes(init.method.toUpperCase());
}

function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/**
 * A non-2xx answer of the Polyaxon API. It carries the status, method, URL
 * and parsed body, and never the token or any request header.
 *
 * @example
 * ```ts
 * try { await run.refresh(); } catch (error) {
 *   if (ApiError.isInstance(error) && error.isNotFound) console.log('no such run');
 * }
 * ```
 */
export class ApiError extends PolyaxonException {
  static override readonly marker: string = 'px.client.ApiError';

  /** HTTP status code. */
  readonly status: number;
  /** HTTP method, upper case. */
  readonly method: string;
  /** Request URL. */
  readonly url: string;
  /** The response reason phrase (may be empty). */
  readonly statusText: string;
  /** The server's body: parsed JSON when it was JSON, else its text (undefined when empty). */
  readonly body: unknown;
  /** What the status means for a user, e.g. "Authentication failed. Retry by invoking Polyaxon login." */
  readonly hint: string;
  /** The body as one line of at most 500 characters ('' for 404s and empty bodies). */
  readonly detail: string;
  /** How long the server asked to wait before retrying (`Retry-After`, in ms, capped at 60 s), when it said. */
  readonly retryAfterMs: number | undefined;
  /** The server crashed while handling the request (see {@link isServerCrash}); {@link ApiError.isServerError} is then true. */
  readonly serverCrash: boolean;

  constructor(init: ApiErrorInit) {
    const crashed = isServerCrash(init);
    const hint = crashed ? CRASH_HINT : (FRIENDLY[init.status] ?? (init.status >= 500 ? 'Polyaxon server error.' : 'Request failed.'));
    const detail = init.status === 404 ? '' : describeBody(init.body);
    super(`${init.method} ${init.url} failed with status ${init.status}: ${hint}${detail === '' ? '' : ` Body: ${detail}`}`, {
      cause: init.cause,
    });
    this.hint = hint;
    this.detail = detail;
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.statusText = init.statusText ?? '';
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
    this.serverCrash = crashed;
  }

  /** Status 404. */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** Status 401. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  /** Status 403. */
  get isForbidden(): boolean {
    return this.status === 403;
  }

  /** Status 400. */
  get isBadRequest(): boolean {
    return this.status === 400;
  }

  /** Status 5xx, or a server crash reported as 405 (see {@link ApiError.serverCrash}). */
  get isServerError(): boolean {
    return this.status >= 500 || this.serverCrash;
  }

  /** A plain summary (no headers, no token). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, status: this.status, method: this.method, url: this.url, body: this.body, ...(this.serverCrash ? { serverCrash: true } : {}) };
  }
}

/** An {@link ApiError} with status 401. */
export class UnauthorizedError extends ApiError {
  static override readonly marker: string = 'px.client.UnauthorizedError';
}

/** An {@link ApiError} with status 403. */
export class ForbiddenError extends ApiError {
  static override readonly marker: string = 'px.client.ForbiddenError';
}

/** An {@link ApiError} with status 404. */
export class NotFoundError extends ApiError {
  static override readonly marker: string = 'px.client.NotFoundError';
}

/** Builds the most specific {@link ApiError} subclass for `init.status`. */
export function createApiError(init: ApiErrorInit): ApiError {
  if (init.status === 401) return new UnauthorizedError(init);
  if (init.status === 403) return new ForbiddenError(init);
  if (init.status === 404) return new NotFoundError(init);
  return new ApiError(init);
}

import { PolyaxonfileError } from '../errors';

// Remote reads (`urlRef`, `hubRef`, `url`, `hub`) with a deadline: a server that accepts the
// connection and never answers fails after the timeout instead of hanging, and every failure names
// the URL and its cause. Browser-safe: global fetch and AbortSignal only.

/** Seconds a remote read may take by default: the API client's default timeout (`POLYAXON_TIMEOUT`). */
export const DEFAULT_FETCH_TIMEOUT = 20;

/** Options of {@link fetchSpecText}. */
export interface FetchTextOptions {
  /** Seconds the whole read (connection, answer and body) may take; `0` for no limit. Default {@link DEFAULT_FETCH_TIMEOUT}. */
  readonly timeout?: number;
}

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

const DNS = 'DNS lookup failed';
const CAUSES: Readonly<Record<string, string>> = {
  ENOTFOUND: DNS,
  EAI_AGAIN: DNS,
  EAI_NONAME: DNS,
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection closed by the server',
  UND_ERR_SOCKET: 'connection closed by the server',
};
const TLS = /\b(?:ERR_SSL|ERR_TLS|CERT|EPROTO|SSL|TLS)|certificate/i;

/**
 * Why a remote read failed, in a few words: a timeout, DNS, a refused or reset connection, TLS, or
 * the error's own message.
 *
 * @param error - what `fetch` threw
 * @param timeout - the timeout in seconds that applied
 * @returns e.g. `timed out after 20 s`, `connection refused (ECONNREFUSED)`
 */
export function fetchFailureCause(error: unknown, timeout: number): string {
  let root = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  for (let depth = 0; depth < 5 && root.name !== 'TimeoutError' && typeof root.cause === 'object' && root.cause !== null; depth++) root = root.cause;
  if (root.name === 'TimeoutError') return `timed out after ${timeout} s`;
  const code = typeof root.code === 'string' ? root.code : '';
  const message = typeof root.message === 'string' ? root.message : String(error);
  const kind = (Object.hasOwn(CAUSES, code) ? CAUSES[code] : undefined) ?? (TLS.test(`${code} ${message}`) ? 'TLS failed: ' : undefined);
  return kind === undefined || kind.endsWith(' ') ? `${kind ?? ''}${message}${code === '' ? '' : ` (${code})`}` : `${kind} (${code})`;
}

function failure(url: string, message: string, cause?: unknown): never {
  throw new PolyaxonfileError(message, { stage: 'read', issues: [{ path: [], message, file: url }], cause });
}

/**
 * Reads the Polyaxonfile at `url` as text, within a timeout.
 *
 * @param url - an http(s) URL
 * @param options - `timeout` in seconds (default {@link DEFAULT_FETCH_TIMEOUT}; `0`: none)
 * @returns the text
 * @throws {@link PolyaxonfileError} (stage `read`) naming the URL and the cause: timeout, DNS, refused
 *   connection, TLS, or the HTTP status
 * @example
 * ```ts
 * const text = await fetchSpecText('https://example.com/polyaxonfile.yaml', { timeout: 5 });
 * ```
 */
export async function fetchSpecText(url: string, options: FetchTextOptions = {}): Promise<string> {
  const timeout = options.timeout ?? DEFAULT_FETCH_TIMEOUT;
  if (typeof globalThis.fetch !== 'function') failure(url, `Cannot fetch \`${url}\`: no fetch available.`);
  const signal = timeout > 0 ? AbortSignal.timeout(timeout * 1000) : undefined;
  try {
    const response = await globalThis.fetch(url, signal === undefined ? {} : { signal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      failure(url, `Config \`${url}\` was not found, please check that the name and tag are valid (HTTP ${response.status}).`);
    }
    // Inside the try: the timeout covers a body that stalls too. Decoded leniently, as upstream's `requests` does.
    return await response.text();
  } catch (error) {
    if (PolyaxonfileError.isInstance(error)) throw error;
    return failure(url, `Could not read \`${url}\`: ${fetchFailureCause(error, timeout)}.`, error);
  }
}

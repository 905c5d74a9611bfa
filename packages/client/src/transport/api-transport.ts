import type { Readable } from 'node:stream';
import ky, { HTTPError, TimeoutError, type KyInstance, type RetryOptions } from 'ky';
import type { ClientConfig } from '../config/client-config';
import { createApiError } from '../errors/api-error';
import { ApiConnectionError, PolyaxonClientException, ResponseTooLargeError } from '../errors/client-error';
import { MAX_RESPONSE_BYTES } from './byte-limit';
import { createNodeFetch } from './node-fetch';
import { RawNetworkError, readAll, sendRaw, type RawResponse } from './raw-request';
import { backoffDelay, retryAfterMs, retryOptions, type RetryMode } from './retry-policy';
import { createAgents, type Agents } from './tls-agents';
import { buildQuery, cleanHost, type QueryStyle, type QueryValue } from './url';

/** Query parameters in wire order. */
export type Query = ReadonlyArray<readonly [string, QueryValue]>;

/** Options of one JSON API call. */
export interface CallOptions {
  query?: Query | undefined;
  /** JSON body (sent compact with `Content-Type: application/json`). */
  json?: unknown;
  /** Retry policy; default `idempotent`. */
  retry?: RetryMode | undefined;
  /** Send to this origin instead of the configured host (e.g. an agent's streams URL). */
  host?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** Options of one streamed transfer (upload or download). */
export interface StreamOptions {
  /** Send to this origin instead of the configured host (e.g. an agent's streams URL). */
  host?: string | undefined;
  query?: Query | undefined;
  queryStyle?: QueryStyle | undefined;
  headers?: Record<string, string> | undefined;
  body?: Readable | Buffer | ReadonlyArray<Buffer | Readable> | undefined;
  signal?: AbortSignal | undefined;
}

/** The {@link ResponseTooLargeError} behind `error`, which fetch and ky may wrap in `cause`s. */
function tooLargeCause(error: unknown): ResponseTooLargeError | undefined {
  let current = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++, current = current.cause) {
    if (ResponseTooLargeError.isInstance(current)) return current;
  }
  return undefined;
}

function resolveHost(config: ClientConfig): string {
  let host = cleanHost(config.host);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) host = `${config.useHttps === true ? 'https' : 'http'}://${host}`;
  return host;
}

/**
 * The HTTP layer of one client: a ky instance over node http/https with the
 * client's own keep-alive pool, headers as upstream sends them, retries,
 * timeouts and typed errors. Holds the token privately; nothing here ever
 * prints it.
 */
export class ApiTransport {
  readonly host: string;
  readonly #config: ClientConfig;
  readonly #token: string | undefined;
  readonly #agents: Agents;
  readonly #ky: KyInstance;
  /** The headers every JSON call sends after `accept` (built once: they do not change). */
  readonly #callHeaders: Readonly<Record<string, string>>;
  /** ky retry options per mode (built once: ky copies, never mutates, them). */
  readonly #retry = new Map<string, RetryOptions>();

  /**
   * @param config - the client settings
   * @param token - the API token, if any
   * @param maxResponseBytes - the largest JSON answer read, decompressed (tests lower it)
   */
  constructor(config: ClientConfig, token: string | undefined, maxResponseBytes = MAX_RESPONSE_BYTES) {
    this.#config = config;
    this.#token = token === '' ? undefined : token;
    this.host = resolveHost(config);
    this.#agents = createAgents({
      verifySsl: config.verifySsl,
      sslCaCert: config.sslCaCert,
      certFile: config.certFile,
      keyFile: config.keyFile,
      assertHostname: config.assertHostname,
      maxSockets: config.connectionPoolMaxsize,
    });
    this.#ky = ky.create({
      fetch: createNodeFetch(this.#agents, maxResponseBytes),
      timeout: Math.max(1, Math.round(config.timeout * 1000)),
      throwHttpErrors: true,
    });
    this.#callHeaders = { 'accept-encoding': 'gzip, deflate', 'user-agent': config.userAgent, ...this.authHeaders() };
    for (const mode of ['idempotent', 'write', 'none'] as const) this.#retry.set(mode, retryOptions(mode, config.retries, config.retryDelay * 1000));
  }

  /** Whether a token is configured. */
  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  /** Auth and service headers, as upstream's `get_full_headers`. */
  authHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.#token !== undefined) headers.authorization = `${this.#config.authenticationType} ${this.#token}`;
    const { header, headerService } = this.#config;
    if (header !== undefined && header !== '' && headerService !== undefined && headerService !== '') {
      headers[header.replace(/_/g, '-')] = headerService;
    }
    return headers;
  }

  /** The absolute URL of `path` + `query` (on `host` when given). */
  url(path: string, query?: Query, style: QueryStyle = 'sdk', host?: string): string {
    return `${host === undefined ? this.host : cleanHost(host)}${path}${query === undefined ? '' : buildQuery(query, style)}`;
  }

  /**
   * Sends one JSON API call and returns the parsed body (`undefined` when
   * empty).
   *
   * @throws {@link ApiError} on a non-2xx answer
   * @throws {@link PolyaxonClientException} on network errors and timeouts
   */
  async call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const text = await this.callText(method, path, options, 'application/json');
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new PolyaxonClientException(`${method} ${this.url(path, options.query)} returned a body that is not JSON`, {
        cause: error,
      });
    }
  }

  /** Like {@link ApiTransport.call} but returns the body as text. */
  async callText(method: string, path: string, options: CallOptions = {}, accept = 'application/json'): Promise<string> {
    const url = this.url(path, options.query, 'sdk', options.host);
    const headers: Record<string, string> = { accept, ...this.#callHeaders };
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    try {
      const response = await this.#ky(url, {
        method,
        headers,
        body,
        signal: options.signal,
        retry: this.#retry.get(options.retry ?? 'idempotent') ?? retryOptions(options.retry!, this.#config.retries, this.#config.retryDelay * 1000),
      });
      return await response.text();
    } catch (error) {
      throw await this.#convert(error, method, url, options.signal);
    }
  }

  async #convert(error: unknown, method: string, url: string, signal: AbortSignal | undefined): Promise<unknown> {
    if (error instanceof HTTPError) {
      const response = error.response;
      let text = '';
      try {
        text = await response.text();
      } catch {
        // body unreadable: keep it empty
      }
      const retryAfter = retryAfterMs(response.headers.get('retry-after'));
      const allow = response.headers.get('allow') ?? undefined;
      return createApiError({ status: response.status, statusText: response.statusText, method, url, body: parseBody(text), retryAfterMs: retryAfter, allow });
    }
    if (signal?.aborted === true) return signal.reason ?? error;
    const tooLarge = tooLargeCause(error);
    if (tooLarge !== undefined) return new ResponseTooLargeError(tooLarge.limitBytes, `${method} ${url}`);
    if (error instanceof TimeoutError) {
      return new ApiConnectionError(`${method} ${url} timed out after ${this.#config.timeout}s`, { cause: error });
    }
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new ApiConnectionError(`Error connecting to Polyaxon server on \`${url}\`: ${reason}`, { cause });
  }

  /**
   * Sends a streamed request (uploads, downloads) straight over node
   * http/https with back-pressure and an idle timeout. GETs are retried on
   * network errors before a response arrives; 2xx responses are returned
   * with their body unread.
   *
   * @throws {@link ApiError} on a non-2xx answer
   * @throws {@link PolyaxonClientException} on network errors
   */
  async stream(method: string, path: string, options: StreamOptions = {}): Promise<RawResponse> {
    const url = this.url(path, options.query, options.queryStyle ?? 'form', options.host);
    const headers: Record<string, string> = {
      accept: '*/*',
      'accept-encoding': 'gzip, deflate',
      'user-agent': this.#config.userAgent,
      ...this.authHeaders(),
      ...options.headers,
    };
    const attempts = method === 'GET' ? this.#config.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      let response: RawResponse;
      try {
        response = await sendRaw(this.#agents, {
          method,
          url,
          headers,
          body: options.body,
          signal: options.signal,
          idleTimeoutMs: Math.round(this.#config.transferTimeout * 1000),
        });
      } catch (error) {
        if (options.signal?.aborted === true) throw options.signal.reason ?? error;
        if (attempt < attempts && error instanceof RawNetworkError) {
          await sleep(backoffDelay(attempt, this.#config.retryDelay * 1000));
          continue;
        }
        const reason = error instanceof Error ? error.message : String(error);
        throw new ApiConnectionError(`Error connecting to Polyaxon server on \`${url}\`: ${reason}`, { cause: error });
      }
      if (response.status >= 200 && response.status < 300) return response;
      const text = (await readAll(response.body).catch(() => Buffer.alloc(0))).toString('utf8');
      const retryAfter = retryAfterMs(response.headers['retry-after']);
      if (attempt < attempts && [408, 429, 500, 502, 503, 504].includes(response.status)) {
        await sleep(retryAfter ?? backoffDelay(attempt, this.#config.retryDelay * 1000));
        continue;
      }
      throw createApiError({ status: response.status, statusText: response.statusText, method, url, body: parseBody(text), retryAfterMs: retryAfter });
    }
  }

  /** Closes every pooled connection. */
  close(): void {
    this.#agents.destroy();
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

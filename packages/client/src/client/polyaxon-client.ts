import { inspect } from 'node:util';
import type { ClientConfig } from '../config/client-config';
import { PUBLIC_CONFIG_KEYS } from '../config/client-config';
import { loadClientDefaults, resolveEntity, type ContextSource } from '../config/context-defaults';
import { PolyaxonClientException } from '../errors/client-error';
import { WriteQueue, type BackgroundErrorHandler, type EnqueueOptions, type FlushOptions, type QueuedTask } from '../queue/write-queue';
import { ApiTransport, type CallOptions, type StreamOptions } from '../transport/api-transport';
import type { RawResponse } from '../transport/raw-request';

/** Options of {@link PolyaxonClient}. */
export interface PolyaxonClientOptions {
  /** API token; defaults to the resolved context's token (`POLYAXON_AUTH_TOKEN`, `~/.polyaxon/.auth`). */
  token?: string | undefined;
  /** Overrides of the context's client settings. */
  config?: Partial<ClientConfig> | undefined;
  /** Receives each failed background write once (otherwise `flush()` throws them). */
  onError?: BackgroundErrorHandler | undefined;
  /**
   * Keep retrying a background write that failed transiently (network error,
   * timeout, 408, 429, 500, 502, 503, 504), with the client's backoff
   * (`retryDelay` doubled up to 10 s, or the server's `Retry-After`), until it
   * lands, instead of reporting it and moving on. The failure is still
   * reported once (with `retrying: true`), later writes wait behind it so
   * the order is kept, and `flush()`/`close()` wait for it (bound them with
   * `timeoutMs`; writes still queued then stay queued). Default `false`.
   * Each write can also choose with `enqueue(..., { retryUntilFlush })`.
   */
  retryUntilFlush?: boolean | undefined;
  /** Where the context is read from: `env` (default `process.env`), `homeDir`, `cwd`, `fsRoot`. */
  context?: ContextSource | undefined;
}

function checkConfig(config: ClientConfig): void {
  const where = (key: string, what: string): never => {
    throw new PolyaxonClientException(`Invalid client config \`${key}\`: ${what}`);
  };
  if (typeof config.host !== 'string' || config.host.trim() === '') where('host', 'a non-empty URL is required');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(config.host) ? config.host : `http://${config.host}`;
  let parsed: URL | undefined;
  try {
    parsed = new URL(withScheme);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    where('host', `expected an http(s) URL, got \`${config.host}\``);
  }
  for (const key of ['timeout', 'transferTimeout', 'watchInterval', 'retryDelay'] as const) {
    if (typeof config[key] !== 'number' || !Number.isFinite(config[key]) || config[key] < 0) {
      where(key, `expected a non-negative number of seconds, got ${String(config[key])}`);
    }
  }
  if (!Number.isInteger(config.retries) || config.retries < 0) where('retries', `expected a non-negative integer, got ${String(config.retries)}`);
  if (!Number.isInteger(config.connectionPoolMaxsize) || config.connectionPoolMaxsize < 1) {
    where('connectionPoolMaxsize', `expected a positive integer, got ${String(config.connectionPoolMaxsize)}`);
  }
}

function checkPath(path: unknown): void {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new PolyaxonClientException(`Invalid request path \`${String(path)}\`: it must start with \`/\` (e.g. \`/api/v1/...\`).`);
  }
}

/**
 * The connection to a Polyaxon API: settings, one keep-alive connection
 * pool, the token, and the queue of background writes. Share one instance
 * between {@link ProjectClient}s and {@link RunClient}s.
 *
 * @example
 * ```ts
 * const client = new PolyaxonClient({ config: { host: 'http://localhost:8000' } });
 * const run = new RunClient({ owner: 'acme', project: 'demo', client });
 * await run.create({ name: 'exp-1' });
 * await client.close();
 * ```
 */
export class PolyaxonClient {
  /** The effective settings (read-only; never includes the token). */
  readonly config: Readonly<ClientConfig>;
  readonly #token: string | undefined;
  readonly #source: ContextSource;
  readonly #queue: WriteQueue;
  #transport: ApiTransport | undefined;

  constructor(options: PolyaxonClientOptions = {}) {
    this.#source = { ...options.context };
    const defaults = loadClientDefaults(this.#source, options.config ?? {}, options.token);
    const config: ClientConfig = { ...defaults.config };
    for (const [key, value] of Object.entries(options.config ?? {})) {
      if (value !== undefined && key !== 'host') (config as unknown as Record<string, unknown>)[key] = value;
    }
    checkConfig(config);
    this.config = Object.freeze(config);
    const token = options.token ?? defaults.token;
    this.#token = token === '' ? undefined : token;
    this.#queue = new WriteQueue({
      onError: options.onError,
      retryUntilFlush: options.retryUntilFlush,
      retryDelayMs: this.config.retryDelay * 1000,
    });
  }

  /**
   * Resolves owner/project/run against this client's context (explicit
   * values, `POLYAXON_*` env, in-cluster run instance and, with `useCache`,
   * the `.project`/`.run` caches; the owner defaults to `default`).
   *
   * @throws {@link ContextError} on invalid names
   */
  resolveEntity(
    explicit: { owner?: string | undefined; project?: string | undefined; runUuid?: string | undefined; isOffline?: boolean | undefined },
    useCache = true,
  ): { owner: string | undefined; team: string | undefined; project: string | undefined; runUuid: string | undefined; isManaged: boolean } {
    return resolveEntity(this.#source, explicit, useCache);
  }

  /** Whether a token is set (the token itself is never exposed). */
  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  /** The HTTP layer, created on first use (so no-op and offline clients never open files or sockets). */
  get transport(): ApiTransport {
    this.#transport ??= new ApiTransport(this.config, this.#token);
    return this.#transport;
  }

  /** The API host URL with its scheme. */
  get host(): string {
    return this.transport.host;
  }

  /**
   * Sends one JSON API call to `path` (e.g. `/api/v1/acme/demo`) and returns the
   * parsed body. The escape hatch for endpoints without a method.
   *
   * @throws {@link ApiError} on a non-2xx answer
   * @throws {@link PolyaxonClientException} on network errors and timeouts
   */
  async request<T = unknown>(method: string, path: string, options?: CallOptions): Promise<T> {
    checkPath(path);
    return this.transport.call<T>(method.toUpperCase(), path, options);
  }

  /** Sends a streamed request; see `ApiTransport.stream`. */
  async stream(method: string, path: string, options?: StreamOptions): Promise<RawResponse> {
    checkPath(path);
    return this.transport.stream(method.toUpperCase(), path, options);
  }

  /**
   * Queues a fire-and-forget write: it runs after every earlier queued write,
   * is retried on transient failures, and a failure is reported once (to
   * `onError`, else by `flush()`). With `retryUntilFlush` (default: the
   * client's option) a transient failure is retried until the write lands.
   * `task` receives a signal that aborts on {@link PolyaxonClient.abandonPendingWrites}:
   * pass it to the request.
   */
  enqueue(operation: string, runUuid: string | undefined, task: QueuedTask, options?: EnqueueOptions): void {
    this.#queue.enqueue(operation, runUuid, task, options);
  }

  /**
   * Gives up on the background writes still queued or running (the running
   * request is aborted) and closes the connection pool, so nothing the
   * client holds keeps the process alive. The caller keeps what they were
   * meant to send (e.g. in an offline run record) to send it later.
   *
   * @returns the operations given up, oldest first
   */
  abandonPendingWrites(): string[] {
    const dropped = this.#queue.abandon();
    this.#transport?.close();
    this.#transport = undefined;
    return dropped;
  }

  /** Number of background writes still queued or running. */
  get pendingWrites(): number {
    return this.#queue.pending;
  }

  /** The operations (`logStatus`, `logInputs`, ...) of the background writes still queued or running, oldest first. */
  get pendingOperations(): string[] {
    return this.#queue.pendingOperations;
  }

  /**
   * Waits for every background write (at most `timeoutMs` when given).
   *
   * @throws {@link BackgroundWriteError} when some failed and no `onError` hook took them, or when writes were still queued after `timeoutMs`
   */
  flush(options?: FlushOptions): Promise<void> {
    return this.#queue.flush(options);
  }

  /**
   * Flushes background writes (at most `timeoutMs` when given), then closes
   * the connection pool.
   *
   * @throws {@link BackgroundWriteError} like {@link PolyaxonClient.flush}
   */
  async close(options?: FlushOptions): Promise<void> {
    try {
      await this.flush(options);
    } finally {
      this.#transport?.close();
      this.#transport = undefined;
    }
  }

  /** The settings without secrets. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of PUBLIC_CONFIG_KEYS) out[key] = this.config[key];
    out.hasToken = this.hasToken;
    return out;
  }

  /** Inspect output without secrets. */
  [inspect.custom](): string {
    return `PolyaxonClient ${inspect(this.toJSON())}`;
  }
}

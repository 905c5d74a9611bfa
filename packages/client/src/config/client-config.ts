/**
 * Settings of a {@link PolyaxonClient} (upstream `ClientConfig`, camelCase).
 * Every field has a default from the resolved context (`POLYAXON_*` env,
 * config files), so `new PolyaxonClient()` works out of the box.
 */
export interface ClientConfig {
  /** API host, e.g. `http://localhost:8000` (trailing `/` removed). */
  host: string;
  /**
   * Scheme for a `host` given without one: `true` → `https://`, otherwise
   * `http://`. Ignored when `host` has a scheme (upstream v2 has no such field;
   * accepted for v1 configs).
   */
  useHttps?: boolean | undefined;
  /** API version segment, `v1`. */
  version: string;
  /** Authorization scheme placed before the token: `Token` (default), `InternalToken`, ... */
  authenticationType: string;
  /** Verify TLS certificates. Defaults to `true` (upstream: no verification). */
  verifySsl: boolean;
  /** PEM CA bundle used instead of the system CAs. */
  sslCaCert?: string | undefined;
  /** PEM client certificate (mutual TLS). */
  certFile?: string | undefined;
  /** PEM key of {@link ClientConfig.certFile}. */
  keyFile?: string | undefined;
  /** Check the certificate's host name (default true). */
  assertHostname?: boolean | undefined;
  /** Timeout of every API call in seconds (default 20; upstream has none). */
  timeout: number;
  /** Idle timeout of uploads and downloads in seconds (default 3600, upstream's long-request timeout). */
  transferTimeout: number;
  /** Retries of idempotent calls on network errors, 408, 429 and 5xx (default 3). */
  retries: number;
  /** First retry delay in seconds, doubled on each retry (default 0.3). */
  retryDelay: number;
  /** Extra header name, sent only together with {@link ClientConfig.headerService}. */
  header?: string | undefined;
  /** Value of {@link ClientConfig.header}. */
  headerService?: string | undefined;
  /** Keep runs local: no HTTP calls (`POLYAXON_IS_OFFLINE`). */
  isOffline: boolean;
  /** Turn every method into a no-op (`POLYAXON_NO_OP`). */
  noOp: boolean;
  /** Seconds between polls when watching statuses or logs. */
  watchInterval: number;
  /** Where offline runs live (`<offlineRoot>/runs/<uuid>`). */
  offlineRoot: string;
  /** Where downloads go by default (`<archivesRoot>/<uuid>`). */
  archivesRoot: string;
  /** Local artifacts root of online runs. */
  artifactsRoot: string;
  /** Running inside the Kubernetes cluster (`POLYAXON_K8S_IN_CLUSTER`): streams calls then stay on `host`. */
  inCluster: boolean;
  /** Sockets per origin in the keep-alive pool (default 10). */
  connectionPoolMaxsize: number;
  /** `User-Agent` header of API calls. */
  userAgent: string;
}

/** Keys of {@link ClientConfig} that `toJSON` may show (never the token). */
export const PUBLIC_CONFIG_KEYS = [
  'host',
  'version',
  'authenticationType',
  'verifySsl',
  'sslCaCert',
  'certFile',
  'keyFile',
  'assertHostname',
  'timeout',
  'transferTimeout',
  'retries',
  'retryDelay',
  'header',
  'headerService',
  'isOffline',
  'noOp',
  'watchInterval',
  'offlineRoot',
  'archivesRoot',
  'artifactsRoot',
  'inCluster',
  'connectionPoolMaxsize',
  'userAgent',
] as const satisfies ReadonlyArray<keyof ClientConfig>;

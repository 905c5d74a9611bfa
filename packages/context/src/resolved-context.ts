import type { ConfigFilePaths } from './config-paths';

// CONTRACT shared with @px/client, @px/tracking and @px/cli: fields may be
// added, but names and shapes below must not change.

/** Where an effective value came from, highest precedence first. */
export type ValueSource = 'explicit' | 'env' | 'in-cluster' | 'cli-config' | 'local-cache' | 'default';

/** One effective value with its source. */
export interface Resolved<T> {
  /** The effective value. */
  readonly value: T;
  /** Which source supplied it. */
  readonly source: ValueSource;
  /** The env var name or file path that supplied it, when there is one. */
  readonly origin?: string;
}

/**
 * Explicit inputs to {@link ResolvedContext} resolution. Every field is
 * optional; explicit values win over every other source.
 */
export interface ContextOptions {
  /** Environment to read `POLYAXON_*` from (default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The user's home directory (default: `os.homedir()`). */
  homeDir?: string;
  /** Working directory holding the local `.polyaxon/` cache (default: `process.cwd()`). */
  cwd?: string;
  /** Filesystem root prefix for absolute system paths such as `/plx-context` and `/tmp/.polyaxon` (tests). */
  fsRoot?: string;
  host?: string;
  token?: string;
  owner?: string;
  project?: string;
  runUuid?: string;
  verifySsl?: boolean;
  sslCaCert?: string;
  certFile?: string;
  keyFile?: string;
  timeout?: number;
  isOffline?: boolean;
  noOp?: boolean;
  /** Treat this process as a Polyaxon-managed run (`POLYAXON_IS_MANAGED`). */
  isManaged?: boolean;
  /** Offline runs root (`POLYAXON_OFFLINE_ROOT`). */
  offlineRoot?: string;
  /** Artifacts root of non-managed online runs (`POLYAXON_ARTIFACTS_ROOT`). */
  artifactsRoot?: string;
  /**
   * Read the `.project` / `.run` caches (default `true`). Upstream's
   * `ProjectClient` does not read them; pass `false` to do the same.
   */
  useCache?: boolean;
  /**
   * Behave like the CLI entry point: consult `.cli` when defaulting the owner
   * (a non-community installation then requires an owner instead of `default`).
   */
  useCliConfig?: boolean;
}

/** Every effective value, each with its source (see `resolveContext`). */
export interface ResolvedContext {
  /** API host, e.g. `http://localhost:8000` (trailing `/` stripped). */
  readonly host: Resolved<string>;
  /** API token; `undefined` when none or when the sentinel `no-auth` is set. Never print it. */
  readonly token: Resolved<string | undefined>;
  /** Authorization scheme: `Token`, `InternalToken` or `EphemeralToken`. */
  readonly authenticationType: Resolved<string>;
  /** Verify TLS certificates. px defaults to `true` (upstream: unset means no verification). */
  readonly verifySsl: Resolved<boolean>;
  readonly sslCaCert: Resolved<string | undefined>;
  readonly certFile: Resolved<string | undefined>;
  readonly keyFile: Resolved<string | undefined>;
  /** Per-request HTTP timeout in seconds. */
  readonly timeout: Resolved<number>;
  /** Extra header name, sent only when `headerService` is set too. */
  readonly header: Resolved<string | undefined>;
  readonly headerService: Resolved<string | undefined>;
  readonly owner: Resolved<string | undefined>;
  readonly project: Resolved<string | undefined>;
  readonly runUuid: Resolved<string | undefined>;
  readonly isManaged: Resolved<boolean>;
  readonly isOffline: Resolved<boolean>;
  readonly noOp: Resolved<boolean>;
  readonly debug: Resolved<boolean>;
  readonly logLevel: Resolved<string | undefined>;
  /** Seconds between polls when watching statuses or logs. */
  readonly watchInterval: Resolved<number>;
  readonly offlineRoot: Resolved<string>;
  readonly artifactsRoot: Resolved<string>;
  readonly archivesRoot: Resolved<string>;
  readonly contextRoot: Resolved<string>;
  /** The global config directory (`~/.polyaxon`, or `$POLYAXON_HOME/.polyaxon`). */
  readonly configDir: Resolved<string>;
  /** `POLYAXON_COLLECT_ARTIFACTS` / `POLYAXON_COLLECT_RESOURCES`, undefined when unset. */
  readonly collectArtifacts: Resolved<boolean | undefined>;
  readonly collectResources: Resolved<boolean | undefined>;

  // ---- fields added by @px/context beyond the shared contract ----

  /** API version used in `{host}/api/{version}` (`POLYAXON_API_VERSION`, default `v1`). */
  readonly apiVersion: Resolved<string>;
  /** The logged-in username (`.auth` / `POLYAXON_AUTH_USERNAME`). */
  readonly username: Resolved<string | undefined>;
  /** The team part of an `org/team` owner (upstream drops it; px keeps it). */
  readonly team: Resolved<string | undefined>;
  /** `POLYAXON_K8S_IN_CLUSTER`. */
  readonly inCluster: Resolved<boolean>;
  /** `POLYAXON_NO_API`. */
  readonly noApi: Resolved<boolean>;
  /** `POLYAXON_NO_CONFIG`: config files and client env vars were ignored. */
  readonly noConfig: Resolved<boolean>;
  /** `POLYAXON_SET_AGENT` (strtobool): load the agent config too. */
  readonly setAgent: Resolved<boolean>;
  /** Seconds slept at the end of tracking (`POLYAXON_TRACKING_TIMEOUT`, default 1). */
  readonly trackingTimeout: Resolved<number>;
  /** Legacy periodic interval (`POLYAXON_INTERVAL`, default 5). */
  readonly interval: Resolved<number>;
  /** `POLYAXON_RETRIES` (undefined: transport default). */
  readonly retries: Resolved<number | undefined>;
  /** `POLYAXON_CONNECTION_POOL_MAXSIZE`. */
  readonly connectionPoolMaxsize: Resolved<number | undefined>;
  /** `POLYAXON_ASSERT_HOSTNAME`. */
  readonly assertHostname: Resolved<boolean | undefined>;
  /** `POLYAXON_TIME_ZONE`. */
  readonly timezone: Resolved<string | undefined>;
  /** `POLYAXON_K8S_NAMESPACE`. */
  readonly namespace: Resolved<string | undefined>;
  /** `POLYAXON_DISABLE_ERRORS_REPORTING`. */
  readonly disableErrorsReporting: Resolved<boolean>;
  /** `POLYAXON_INTERVALS_COMPATIBILITY_CHECK` (seconds). */
  readonly compatibilityCheckInterval: Resolved<number | undefined>;
  /** `POLYAXON_K8S_NODE_NAME` (tracking's log capture defaults it to `local`). */
  readonly k8sNodeName: Resolved<string | undefined>;
  /** `POLYAXON_K8S_POD_ID` (tracking's log capture defaults it to the OS user). */
  readonly k8sPodId: Resolved<string | undefined>;
  /** `POLYAXON_ARTIFACTS_STORE_NAME`. */
  readonly artifactsStoreName: Resolved<string | undefined>;
  /** `POLYAXON_CONNECTIONS_CATALOG`, the raw JSON text. */
  readonly connectionsCatalog: Resolved<string | undefined>;
  /** `POLYAXON_HAS_PROCESS_SIDECAR`, raw truthiness: `"false"` counts as true, like upstream. */
  readonly hasProcessSidecar: Resolved<boolean>;
  /** Max upload bytes (`POLYAXON_UPLOAD_SIZE`, legacy `POLYAXON_UPLOAD_SIZE_MAX`, default 500 MiB). */
  readonly uploadSize: Resolved<number>;
  /** `POLYAXON_SECRET_INTERNAL_TOKEN` for internal clients. Never print it. */
  readonly internalToken: Resolved<string | undefined>;
  /** `POLYAXON_SERVICE`. */
  readonly service: Resolved<string | undefined>;
  /** `POLYAXON_USE_GIT_REGISTRY`, raw truthiness like upstream. */
  readonly useGitRegistry: Resolved<boolean>;
  /** `POLYAXON_PUBLIC_REGISTRY` (hub URL used when `useGitRegistry`). */
  readonly publicRegistry: Resolved<string>;
  /** The home path in effect (`POLYAXON_HOME` or `~/.polyaxon/.home`). */
  readonly homePath: Resolved<string | undefined>;
  /** Every CLI file path for this context. */
  readonly files: ConfigFilePaths;
  /** Per value, the sources consulted in order (with reasons for skipped ones). */
  readonly tried: Readonly<Record<'host' | 'token' | 'owner' | 'project' | 'runUuid', readonly string[]>>;
}

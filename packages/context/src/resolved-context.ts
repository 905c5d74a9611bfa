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
}

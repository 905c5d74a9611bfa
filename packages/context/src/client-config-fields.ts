/**
 * The fields of upstream's client config (`ClientConfig`), in upstream's
 * field order, with the alias (= environment variable name and JSON key of
 * the `.client` file), the snake_case field name readers also accept, and
 * how each value is parsed.
 */

/** How a client-config value is parsed. */
export type FieldKind = 'string' | 'bool' | 'int' | 'float';

/** One client-config field. */
export interface ClientConfigField {
  /** The TypeScript name used by px. */
  readonly key: keyof ClientConfigData;
  /** The upstream field name (accepted on read). */
  readonly field: string;
  /** The alias: environment variable name and JSON key written to `.client`; absent for `token`. */
  readonly alias: string | undefined;
  /** How the value is parsed. */
  readonly kind: FieldKind;
}

/**
 * The client config as stored in `.client` (and overlaid by the
 * environment). Every field is optional: only set fields are written.
 */
export interface ClientConfigData {
  host?: string;
  version?: string;
  debug?: boolean;
  logLevel?: string;
  authenticationType?: string;
  isManaged?: boolean;
  isOffline?: boolean;
  inCluster?: boolean;
  noOp?: boolean;
  timeout?: number;
  trackingTimeout?: number;
  timezone?: string;
  watchInterval?: number;
  interval?: number;
  verifySsl?: boolean;
  sslCaCert?: string;
  certFile?: string;
  keyFile?: string;
  assertHostname?: boolean;
  connectionPoolMaxsize?: number;
  archivesRoot?: string;
  header?: string;
  headerService?: string;
  namespace?: string;
  noApi?: boolean;
  disableErrorsReporting?: boolean;
  compatibilityCheckInterval?: number;
  retries?: number;
  /** A token stored in `.client` itself (rare; `polyaxon login` writes `.auth`). */
  token?: string;
}

function f(key: keyof ClientConfigData, field: string, alias: string | undefined, kind: FieldKind): ClientConfigField {
  return { key, field, alias, kind };
}

/** Every client-config field, in upstream's field order. */
export const CLIENT_CONFIG_FIELDS: readonly ClientConfigField[] = [
  f('host', 'host', 'POLYAXON_HOST', 'string'),
  f('version', 'version', 'POLYAXON_API_VERSION', 'string'),
  f('debug', 'debug', 'POLYAXON_DEBUG', 'bool'),
  f('logLevel', 'log_level', 'POLYAXON_LOG_LEVEL', 'string'),
  f('authenticationType', 'authentication_type', 'POLYAXON_AUTHENTICATION_TYPE', 'string'),
  f('isManaged', 'is_managed', 'POLYAXON_IS_MANAGED', 'bool'),
  f('isOffline', 'is_offline', 'POLYAXON_IS_OFFLINE', 'bool'),
  f('inCluster', 'in_cluster', 'POLYAXON_K8S_IN_CLUSTER', 'bool'),
  f('noOp', 'no_op', 'POLYAXON_NO_OP', 'bool'),
  f('timeout', 'timeout', 'POLYAXON_TIMEOUT', 'float'),
  f('trackingTimeout', 'tracking_timeout', 'POLYAXON_TRACKING_TIMEOUT', 'float'),
  f('timezone', 'timezone', 'POLYAXON_TIME_ZONE', 'string'),
  f('watchInterval', 'watch_interval', 'POLYAXON_WATCH_INTERVAL', 'int'),
  f('interval', 'interval', 'POLYAXON_INTERVAL', 'float'),
  f('verifySsl', 'verify_ssl', 'POLYAXON_VERIFY_SSL', 'bool'),
  f('sslCaCert', 'ssl_ca_cert', 'POLYAXON_SSL_CA_CERT', 'string'),
  f('certFile', 'cert_file', 'POLYAXON_CERT_FILE', 'string'),
  f('keyFile', 'key_file', 'POLYAXON_KEY_FILE', 'string'),
  f('assertHostname', 'assert_hostname', 'POLYAXON_ASSERT_HOSTNAME', 'bool'),
  f('connectionPoolMaxsize', 'connection_pool_maxsize', 'POLYAXON_CONNECTION_POOL_MAXSIZE', 'int'),
  f('archivesRoot', 'archives_root', 'POLYAXON_ARCHIVES_ROOT', 'string'),
  f('header', 'header', 'POLYAXON_HEADER', 'string'),
  f('headerService', 'header_service', 'POLYAXON_HEADER_SERVICE', 'string'),
  f('namespace', 'namespace', 'POLYAXON_K8S_NAMESPACE', 'string'),
  f('noApi', 'no_api', 'POLYAXON_NO_API', 'bool'),
  f('disableErrorsReporting', 'disable_errors_reporting', 'POLYAXON_DISABLE_ERRORS_REPORTING', 'bool'),
  f('compatibilityCheckInterval', 'compatibility_check_interval', 'POLYAXON_INTERVALS_COMPATIBILITY_CHECK', 'int'),
  f('retries', 'retries', 'POLYAXON_RETRIES', 'int'),
  f('token', 'token', undefined, 'string'),
];

// Bridge to @px/context: the one place that turns the resolved context into
// client defaults.
import { VERSION } from '../version';
import type { ClientConfig } from './client-config';

/** Context values the client needs, already resolved. */
export interface ClientDefaults {
  config: ClientConfig;
  token: string | undefined;
  owner: string | undefined;
  project: string | undefined;
  runUuid: string | undefined;
  isManaged: boolean;
}

function envBool(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return ['1', 'true', 't', 'yes', 'y', 'on'].includes(value.trim().toLowerCase());
}

/** Resolves client defaults from the environment (`POLYAXON_*`). */
export function loadClientDefaults(env: Readonly<Record<string, string | undefined>> = process.env): ClientDefaults {
  const num = (v: string | undefined, d: number): number => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
  return {
    config: {
      host: env.POLYAXON_HOST ?? 'http://localhost:8000',
      version: env.POLYAXON_API_VERSION ?? 'v1',
      authenticationType: env.POLYAXON_AUTHENTICATION_TYPE ?? 'Token',
      verifySsl: envBool(env.POLYAXON_VERIFY_SSL) ?? true,
      sslCaCert: env.POLYAXON_SSL_CA_CERT,
      certFile: env.POLYAXON_CERT_FILE,
      keyFile: env.POLYAXON_KEY_FILE,
      assertHostname: envBool(env.POLYAXON_ASSERT_HOSTNAME),
      timeout: num(env.POLYAXON_TIMEOUT, 20),
      transferTimeout: 3600,
      retries: num(env.POLYAXON_RETRIES, 3),
      retryDelay: 0.3,
      header: env.POLYAXON_HEADER,
      headerService: env.POLYAXON_HEADER_SERVICE,
      isOffline: envBool(env.POLYAXON_IS_OFFLINE) ?? false,
      noOp: envBool(env.POLYAXON_NO_OP) ?? false,
      watchInterval: num(env.POLYAXON_WATCH_INTERVAL, 5),
      offlineRoot: env.POLYAXON_OFFLINE_ROOT ?? '/tmp/plx/offline',
      archivesRoot: env.POLYAXON_ARCHIVES_ROOT ?? '/tmp/plx/archives',
      artifactsRoot: env.POLYAXON_ARTIFACTS_ROOT ?? '/tmp/plx/artifacts',
      connectionPoolMaxsize: num(env.POLYAXON_CONNECTION_POOL_MAXSIZE, 10),
      userAgent: `px-client/${VERSION} (node)`,
    },
    token: env.POLYAXON_AUTH_TOKEN,
    owner: undefined,
    project: undefined,
    runUuid: undefined,
    isManaged: envBool(env.POLYAXON_IS_MANAGED) ?? false,
  };
}

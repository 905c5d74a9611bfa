import { isTruthyString } from './booleans';
import type { ClientConfigData } from './client-config-fields';
import { checkOptions } from './check-options';
import { envLayer, explicitLayer, fileLayer, pickField, type Layer } from './client-layers';
import { configFilePaths, envValue, underRoot, type Env } from './config-paths';
import { ContextError } from './context-error';
import { ENV } from './env-keys';
import { isOwnedByCurrentUser } from './fs-io';
import { parseIntValue } from './numbers';
import { makeSafe } from './redaction';
import { resolveAuth } from './resolve-auth';
import { resolveEntities } from './resolve-entities';
import type { ContextOptions, Resolved, ResolvedContext } from './resolved-context';
import { envPath, envString, resolved, strictBoolEnv } from './resolved-value';

/** The default API host of upstream. */
export const DEFAULT_HOST = 'http://localhost:8000';
const DEFAULT_UPLOAD_SIZE = 1024 * 1024 * 500;
const DEFAULT_PUBLIC_REGISTRY = 'https://raw.githubusercontent.com/polyaxon/polyaxon-hub/master';

function uploadSize(env: Env): Resolved<number> {
  for (const name of [ENV.UPLOAD_SIZE, ENV.UPLOAD_SIZE_MAX]) {
    const raw = envValue(env, name);
    if (raw === undefined) continue;
    const value = parseIntValue(raw);
    if (value === undefined || value <= 0) {
      throw new ContextError(`Invalid environment variable ${name}: expected a positive number of bytes, got ${JSON.stringify(raw)}.`, { envVar: name });
    }
    return resolved(value, 'env', name);
  }
  return resolved(DEFAULT_UPLOAD_SIZE, 'default');
}

function cleanHost(host: Resolved<string>): Resolved<string> {
  const value = host.value.trim().replace(/\/+$/, '');
  if (value === '') return resolved(DEFAULT_HOST, 'default');
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    const where = host.source === 'explicit' ? 'option `host`' : host.source === 'env' ? `environment variable ${ENV.HOST}` : (host.origin ?? 'the config');
    throw new ContextError(
      `Invalid host \`${value}\` from ${where}: expected an http(s) URL such as http://localhost:8000. Pass \`host\` or set ${ENV.HOST}.`,
      host.source === 'env' ? { envVar: ENV.HOST } : host.source === 'cli-config' && host.origin !== undefined ? { file: host.origin } : {},
    );
  }
  return resolved(value, host.source, host.origin);
}

/**
 * Resolves every context value with its source, like upstream: explicit
 * options, then `POLYAXON_*` environment variables, the in-cluster context
 * (scoped token file, run instance), the CLI's stored config
 * (`POLYAXON_HOME`-aware `.client`, `.auth`, `.user`) and the local cache
 * (`.project`, `.run`), then defaults. See the README for the exact order of
 * each value. Reads files synchronously; never touches the network; never
 * writes. The result redacts tokens in `JSON.stringify` and `util.inspect`.
 *
 * @param options - Explicit values and injected `env`, `homeDir`, `cwd`, `fsRoot`.
 * @returns Every effective value with its source.
 * @throws {@link ContextError} when an environment variable, option or file is
 *   invalid (the message names it; files are never modified).
 *
 * @example
 * ```ts
 * const ctx = resolveContext({ env: { POLYAXON_HOST: 'https://polyaxon.acme.io/' } });
 * ctx.host;    // { value: 'https://polyaxon.acme.io', source: 'env', origin: 'POLYAXON_HOST' }
 * ctx.owner;   // { value: 'default', source: 'default' }
 * ```
 */
export function resolveContext(options: ContextOptions = {}): ResolvedContext {
  checkOptions(options);
  const env: Env = options.env ?? process.env;
  const noConfigRaw = strictBoolEnv(env, ENV.NO_CONFIG);
  const noConfig = resolved(noConfigRaw.value ?? false, noConfigRaw.source, noConfigRaw.origin);
  const paths = configFilePaths(options);

  const layers: Layer[] = [explicitLayer(options)];
  if (!noConfig.value) {
    layers.push(envLayer(env));
    const global = fileLayer(paths.client);
    if (global !== undefined) layers.push(global);
    const tmp = isOwnedByCurrentUser(paths.tmpClient) ? fileLayer(paths.tmpClient) : undefined;
    if (tmp !== undefined) layers.push(tmp);
  }
  const field = <T>(key: keyof ClientConfigData, fallback: T): Resolved<T> => pickField(layers, key, resolved(fallback, 'default'));

  const host = cleanHost(field<string>('host', DEFAULT_HOST));
  const isManaged = field('isManaged', false);
  const isOffline = field('isOffline', false);
  const auth = resolveAuth({ options, env, paths, noConfig: noConfig.value, clientToken: field<string | undefined>('token', undefined) });
  const entities = resolveEntities({ options, env, paths, isManaged: isManaged.value, isOffline: isOffline.value });
  const collectArtifacts = strictBoolEnv(env, ENV.COLLECT_ARTIFACTS);
  const setAgent = strictBoolEnv(env, ENV.SET_AGENT);
  const collectResources = strictBoolEnv(env, ENV.COLLECT_RESOURCES);
  const useGitRegistry = envValue(env, ENV.USE_GIT_REGISTRY);
  const hasSidecar = envValue(env, ENV.HAS_PROCESS_SIDECAR);
  const homePath =
    paths.homePath === undefined
      ? resolved<string | undefined>(undefined, 'default')
      : resolved<string | undefined>(paths.homePath, paths.globalDirSource === 'env' ? 'env' : 'cli-config', paths.globalDirSource === 'env' ? ENV.HOME : paths.home);

  const ctx: ResolvedContext = {
    host,
    token: auth.token,
    authenticationType: field('authenticationType', 'Token'),
    verifySsl: field('verifySsl', true),
    sslCaCert: field<string | undefined>('sslCaCert', undefined),
    certFile: field<string | undefined>('certFile', undefined),
    keyFile: field<string | undefined>('keyFile', undefined),
    timeout: field('timeout', 20),
    header: field<string | undefined>('header', undefined),
    headerService: field<string | undefined>('headerService', undefined),
    owner: entities.owner,
    project: entities.project,
    runUuid: entities.runUuid,
    isManaged,
    isOffline,
    noOp: field('noOp', false),
    debug: field('debug', false),
    logLevel: field<string | undefined>('logLevel', undefined),
    watchInterval: field('watchInterval', 5),
    offlineRoot: envPath(env, ENV.OFFLINE_ROOT, options.offlineRoot, underRoot(options.fsRoot, '/tmp/plx/offline')),
    artifactsRoot: envPath(env, ENV.ARTIFACTS_ROOT, options.artifactsRoot, underRoot(options.fsRoot, '/tmp/plx/artifacts')),
    archivesRoot: field('archivesRoot', underRoot(options.fsRoot, '/tmp/plx/archives')),
    contextRoot: resolved(paths.contextRoot, paths.contextRootSource, paths.contextRootSource === 'env' ? ENV.CONTEXT_ROOT : undefined),
    configDir: resolved(
      paths.globalDir,
      paths.globalDirSource === 'default' ? 'default' : paths.globalDirSource === 'env' ? 'env' : 'cli-config',
      paths.globalDirSource === 'env' ? ENV.HOME : paths.globalDirSource === 'home-file' ? paths.home : undefined,
    ),
    collectArtifacts,
    collectResources,
    apiVersion: field('version', 'v1'),
    username: auth.username,
    team: entities.team,
    inCluster: field('inCluster', false),
    noApi: field('noApi', false),
    noConfig,
    setAgent: resolved(setAgent.value ?? false, setAgent.source, setAgent.origin),
    trackingTimeout: field('trackingTimeout', 1),
    interval: field('interval', 5),
    retries: field<number | undefined>('retries', undefined),
    connectionPoolMaxsize: field<number | undefined>('connectionPoolMaxsize', undefined),
    assertHostname: field<boolean | undefined>('assertHostname', undefined),
    timezone: field<string | undefined>('timezone', undefined),
    namespace: field<string | undefined>('namespace', undefined),
    disableErrorsReporting: field('disableErrorsReporting', false),
    compatibilityCheckInterval: field<number | undefined>('compatibilityCheckInterval', undefined),
    k8sNodeName: envString(env, ENV.K8S_NODE_NAME),
    k8sPodId: envString(env, ENV.K8S_POD_ID),
    artifactsStoreName: envString(env, ENV.ARTIFACTS_STORE_NAME),
    connectionsCatalog: envString(env, ENV.CONNECTIONS_CATALOG),
    hasProcessSidecar: hasSidecar === undefined ? resolved(false, 'default') : resolved(isTruthyString(hasSidecar), 'env', ENV.HAS_PROCESS_SIDECAR),
    uploadSize: uploadSize(env),
    internalToken: envString(env, ENV.SECRET_INTERNAL_TOKEN),
    service: envString(env, ENV.SERVICE),
    useGitRegistry: useGitRegistry === undefined ? resolved(false, 'default') : resolved(isTruthyString(useGitRegistry), 'env', ENV.USE_GIT_REGISTRY),
    publicRegistry: envPath(env, ENV.PUBLIC_REGISTRY, undefined, DEFAULT_PUBLIC_REGISTRY),
    homePath,
    files: paths,
    tried: {
      host: noConfig.value ? ['explicit option `host`', `(${ENV.NO_CONFIG} is set)`] : ['explicit option `host`', `env ${ENV.HOST}`, paths.client, paths.tmpClient],
      token: auth.tried,
      owner: entities.tried.owner,
      project: entities.tried.project,
      runUuid: entities.tried.runUuid,
    },
  };
  return makeSafe(ctx);
}

import { isTruthyString, strToBool } from './booleans';
import { CLIENT_CONFIG_FIELDS, type ClientConfigData } from './client-config-fields';
import { parseAuthRecord, type AuthData } from './auth-file';
import { readProjectCache, readRunCache, type CacheEntry, type ProjectCache, type RunCache } from './cache-files';
import { isCommunity, readCliConfigFile, type CliConfigData } from './cli-config-file';
import { parseClientConfigRecord } from './client-config-file';
import { readUserFile } from './user-file';
import { configFilePaths, envValue, underRoot, type ConfigFilePaths } from './config-paths';
import { parseConfigValue } from './config-values';
import { ContextError } from './context-error';
import { getEntityInfo, parseRunInstance, splitOwnerTeam, validateName, validateRunUuid, type RunRef } from './entity-refs';
import { ENV } from './env-keys';
import { isOwnedByCurrentUser } from './fs-io';
import { readJsonObjectFile } from './json-file';
import { parseIntValue } from './numbers';
import { makeSafe } from './redaction';
import type { ContextOptions, Resolved, ResolvedContext, ValueSource } from './resolved-context';

/** The default API host of upstream. */
export const DEFAULT_HOST = 'http://localhost:8000';
/** The token value that means "send no token". */
export const NO_AUTH_TOKEN = 'no-auth';
/** The default owner in community editions and library use. */
export const DEFAULT_OWNER = 'default';
const DEFAULT_UPLOAD_SIZE = 1024 * 1024 * 500;
const DEFAULT_PUBLIC_REGISTRY = 'https://raw.githubusercontent.com/polyaxon/polyaxon-hub/master';

type Env = Readonly<Record<string, string | undefined>>;
type Values = Partial<Record<keyof ClientConfigData, unknown>>;

interface Layer {
  readonly source: ValueSource;
  readonly origin: (key: keyof ClientConfigData) => string | undefined;
  readonly values: Values;
}

function resolved<T>(value: T, source: ValueSource, origin?: string): Resolved<T> {
  return origin === undefined ? { value, source } : { value, source, origin };
}

function explicitLayer(options: ContextOptions): Layer {
  const values: Values = {};
  const strings = ['host', 'sslCaCert', 'certFile', 'keyFile'] as const;
  for (const key of strings) {
    const value = options[key];
    if (value !== undefined) values[key] = parseConfigValue('string', value, { kind: 'option', name: key });
  }
  const bools = ['verifySsl', 'isOffline', 'noOp', 'isManaged'] as const;
  for (const key of bools) {
    const value = options[key];
    if (value !== undefined) {
      if (typeof value !== 'boolean') throw new ContextError(`Invalid option \`${key}\`: expected a boolean, got ${typeof value}.`);
      values[key] = value;
    }
  }
  if (options.timeout !== undefined) {
    if (typeof options.timeout !== 'number' || !Number.isFinite(options.timeout) || options.timeout < 0) {
      throw new ContextError(`Invalid option \`timeout\`: expected a non-negative number of seconds, got ${String(options.timeout)}.`);
    }
    values.timeout = options.timeout;
  }
  return { source: 'explicit', origin: () => undefined, values };
}

function envLayer(env: Env): Layer {
  const values: Values = {};
  for (const field of CLIENT_CONFIG_FIELDS) {
    if (field.alias === undefined) continue;
    const raw = envValue(env, field.alias);
    if (raw !== undefined) values[field.key] = parseConfigValue(field.kind, raw, { kind: 'env', name: field.alias });
  }
  return { source: 'env', origin: (key) => CLIENT_CONFIG_FIELDS.find((f) => f.key === key)?.alias, values };
}

function fileLayer(path: string): Layer | undefined {
  const record = readJsonObjectFile(path, '.client');
  if (record === undefined) return undefined;
  return { source: 'cli-config', origin: () => path, values: parseClientConfigRecord(record, path) };
}

function pick<T>(layers: readonly Layer[], key: keyof ClientConfigData, fallback: Resolved<T>): Resolved<T> {
  for (const layer of layers) {
    const value = layer.values[key];
    if (value !== undefined) return resolved(value as T, layer.source, layer.origin(key));
  }
  return fallback;
}

function strictBoolEnv(env: Env, name: string): Resolved<boolean | undefined> {
  const raw = envValue(env, name);
  if (raw === undefined) return resolved(undefined, 'default');
  const value = strToBool(raw);
  if (value === undefined) {
    throw new ContextError(`Invalid environment variable ${name}: expected one of y/yes/t/true/on/1 or n/no/f/false/off/0, got ${JSON.stringify(raw)}.`, {
      envVar: name,
    });
  }
  return resolved(value, 'env', name);
}

function envString(env: Env, name: string): Resolved<string | undefined> {
  const raw = envValue(env, name);
  return raw === undefined ? resolved(undefined, 'default') : resolved(raw, 'env', name);
}

function envPath(env: Env, name: string, explicit: string | undefined, fallback: string): Resolved<string> {
  if (explicit !== undefined) return resolved(explicit, 'explicit');
  const raw = envValue(env, name);
  return raw === undefined ? resolved(fallback, 'default') : resolved(raw, 'env', name);
}

interface ProjectCandidate {
  readonly owner: string | undefined;
  readonly name: string;
  readonly source: ValueSource;
  readonly origin: string | undefined;
  readonly cache?: CacheEntry<ProjectCache>;
  readonly instance?: RunRef;
}

function parseProjectOption(raw: string, what: string): { owner: string | undefined; name: string } {
  let info;
  try {
    info = getEntityInfo(raw);
  } catch (error) {
    throw new ContextError(`Invalid ${what}: expected \`owner/project\` or \`project\`, got \`${raw}\`.`, { cause: error });
  }
  return { owner: info.owner, name: info.name };
}

interface Resolution {
  readonly owner: Resolved<string | undefined>;
  readonly team: Resolved<string | undefined>;
  readonly project: Resolved<string | undefined>;
  readonly runUuid: Resolved<string | undefined>;
  readonly tried: { owner: string[]; project: string[]; runUuid: string[] };
}

interface EntityInputs {
  readonly options: ContextOptions;
  readonly env: Env;
  readonly paths: ConfigFilePaths;
  readonly isManaged: boolean;
  readonly isOffline: boolean;
}

function resolveEntities({ options, env, paths, isManaged, isOffline }: EntityInputs): Resolution {
  const tried = { owner: [] as string[], project: [] as string[], runUuid: [] as string[] };
  const useCache = options.useCache !== false;
  const explicitOwner = options.owner === undefined || options.owner === '' ? undefined : options.owner;
  const explicitOrg = explicitOwner === undefined ? undefined : splitOwnerTeam(explicitOwner).owner;
  const candidates: ProjectCandidate[] = [];

  tried.project.push('explicit option `project`');
  if (options.project !== undefined && options.project !== '') {
    const parsed = parseProjectOption(options.project, 'option `project`');
    if (parsed.owner !== undefined && explicitOwner !== undefined && splitOwnerTeam(parsed.owner).owner !== explicitOrg) {
      throw new ContextError(`Option \`owner\` (\`${explicitOwner}\`) conflicts with the owner in option \`project\` (\`${options.project}\`); pass only one.`);
    }
    candidates.push({ owner: parsed.owner ?? explicitOwner, name: parsed.name, source: 'explicit', origin: undefined });
  }

  tried.project.push(`env ${ENV.PROJECT}`);
  const envProject = envValue(env, ENV.PROJECT);
  if (candidates.length === 0 && envProject !== undefined) {
    const parsed = parseProjectOption(envProject, `environment variable ${ENV.PROJECT}`);
    if (explicitOrg !== undefined && parsed.owner !== undefined && splitOwnerTeam(parsed.owner).owner !== explicitOrg) {
      tried.project.push(`(skipped ${ENV.PROJECT}: its owner \`${parsed.owner}\` differs from option \`owner\`)`);
    } else {
      candidates.push({ owner: parsed.owner ?? explicitOwner, name: parsed.name, source: 'env', origin: ENV.PROJECT });
    }
  }

  tried.project.push(`in-cluster ${ENV.RUN_INSTANCE} (only when ${ENV.IS_MANAGED} is true)`);
  const rawInstance = envValue(env, ENV.RUN_INSTANCE);
  let instance: RunRef | undefined;
  if (isManaged && rawInstance !== undefined) {
    try {
      instance = parseRunInstance(rawInstance);
    } catch (error) {
      throw new ContextError(`Invalid environment variable ${ENV.RUN_INSTANCE}: ${(error as Error).message}`, { envVar: ENV.RUN_INSTANCE, cause: error });
    }
    if (candidates.length === 0) {
      if (explicitOrg !== undefined && explicitOrg !== instance.owner) {
        tried.project.push(`(skipped the run instance: its owner \`${instance.owner}\` differs from option \`owner\`)`);
      } else {
        candidates.push({ owner: instance.owner, name: instance.project, source: 'in-cluster', origin: ENV.RUN_INSTANCE, instance });
      }
    }
  }

  let projectCache: CacheEntry<ProjectCache> | undefined;
  if (useCache) {
    tried.project.push(`local cache ${paths.localProject}`, `global cache ${paths.globalProject}`);
    if (candidates.length === 0) {
      projectCache = readProjectCache(options);
      const cached = projectCache?.data;
      if (projectCache !== undefined && cached?.name !== undefined) {
        if (explicitOrg !== undefined && cached.owner !== undefined && cached.owner !== explicitOrg) {
          tried.project.push(`(skipped ${projectCache.path}: its owner \`${cached.owner}\` differs from option \`owner\`)`);
        } else {
          candidates.push({ owner: cached.owner ?? explicitOwner, name: cached.name, source: 'local-cache', origin: projectCache.path, cache: projectCache });
        }
      }
    }
  }

  const chosen = candidates[0];
  let owner: Resolved<string | undefined>;
  tried.owner.push('explicit option `owner` or `project`', `env ${ENV.PROJECT}`, `in-cluster ${ENV.RUN_INSTANCE}`, 'the project cache', `${paths.user} (organization)`);
  if (explicitOwner !== undefined) {
    // Every candidate was checked against it, so the explicit owner (and its team) is the one in effect.
    owner = resolved(explicitOwner, 'explicit');
  } else if (chosen?.owner !== undefined) {
    owner = resolved(chosen.owner, chosen.source, chosen.origin);
  } else {
    owner = localOwner(options, paths, tried.owner);
  }

  let team: Resolved<string | undefined> = resolved(undefined, 'default');
  if (owner.value !== undefined) {
    const split = splitOwnerTeam(owner.value);
    validateName(split.owner, 'owner', describeSource(owner));
    if (split.team !== undefined) {
      validateName(split.team, 'team', describeSource(owner));
      team = resolved(split.team, owner.source, owner.origin);
    }
    owner = resolved(split.owner, owner.source, owner.origin);
  }

  let project: Resolved<string | undefined> = resolved(undefined, 'default');
  if (chosen !== undefined) {
    validateName(chosen.name, 'project', describeSource(resolved(chosen.name, chosen.source, chosen.origin)));
    project = resolved(chosen.name, chosen.source, chosen.origin);
  }

  const runUuid = resolveRunUuid({ options, paths, isOffline, useCache, instance, owner: owner.value, project, projectCache: chosen?.cache }, tried.runUuid);
  return { owner, team, project, runUuid, tried };
}

function describeSource(value: Resolved<unknown>): string {
  if (value.source === 'explicit') return 'the explicit options';
  return value.origin === undefined ? value.source : `${value.source} ${value.origin}`;
}

function localOwner(options: ContextOptions, paths: ConfigFilePaths, tried: string[]): Resolved<string | undefined> {
  const user = readUserFile(options);
  if (user?.organization !== undefined && user.organization !== '') return resolved(user.organization, 'cli-config', paths.user);
  if (options.useCliConfig === true) {
    const cli: CliConfigData | undefined = readCliConfigFile(options);
    tried.push(`${paths.cli} (community installations default to \`default\`)`);
    if (!isCommunity(cli)) return resolved(undefined, 'default');
  }
  return resolved(DEFAULT_OWNER, 'default');
}

interface RunInputs {
  readonly options: ContextOptions;
  readonly paths: ConfigFilePaths;
  readonly isOffline: boolean;
  readonly useCache: boolean;
  readonly instance: RunRef | undefined;
  readonly owner: string | undefined;
  readonly project: Resolved<string | undefined>;
  readonly projectCache: CacheEntry<ProjectCache> | undefined;
}

function resolveRunUuid(input: RunInputs, tried: string[]): Resolved<string | undefined> {
  const { options, paths, instance, owner, project } = input;
  tried.push('explicit option `runUuid`');
  if (options.runUuid !== undefined && options.runUuid !== '') return resolved(validateRunUuid(options.runUuid, 'option `runUuid`'), 'explicit');
  tried.push(`in-cluster ${ENV.RUN_INSTANCE} (only when ${ENV.IS_MANAGED} is true and the project matches)`);
  if (instance !== undefined && instance.owner === owner && instance.project === project.value) {
    return resolved(instance.runUuid, 'in-cluster', ENV.RUN_INSTANCE);
  }
  if (input.isOffline) {
    tried.push('(run caches are not read offline)');
    return resolved(undefined, 'default');
  }
  if (!input.useCache) return resolved(undefined, 'default');
  tried.push(`local cache ${paths.localRun}`, `global cache ${paths.globalRun}`);
  const entry: CacheEntry<RunCache> | undefined = readRunCache(options);
  if (entry?.data.uuid === undefined || project.value === undefined) return resolved(undefined, 'default');
  const cached = entry.data;
  const sameProject =
    cached.project !== undefined
      ? cached.project === project.value && (cached.owner === undefined || cached.owner === owner)
      : input.projectCache !== undefined && input.projectCache.visibility === entry.visibility;
  if (!sameProject) {
    tried.push(`(skipped ${entry.path}: it belongs to ${cached.owner ?? '?'}/${cached.project ?? '?'}, not ${owner ?? '?'}/${project.value})`);
    return resolved(undefined, 'default');
  }
  return resolved(validateRunUuid(entry.data.uuid, entry.path), 'local-cache', entry.path);
}

interface TokenInputs {
  readonly options: ContextOptions;
  readonly env: Env;
  readonly paths: ConfigFilePaths;
  readonly noConfig: boolean;
  readonly clientToken: Resolved<unknown>;
}

function readAuth(path: string): AuthData | undefined {
  const record = readJsonObjectFile(path, '.auth');
  return record === undefined ? undefined : parseAuthRecord(record, path);
}

function resolveAuth({ options, env, paths, noConfig, clientToken }: TokenInputs): {
  token: Resolved<string | undefined>;
  username: Resolved<string | undefined>;
  tried: string[];
} {
  const tried: string[] = ['explicit option `token`'];
  const layers: { source: ValueSource; origin: string; auth: AuthData }[] = [];
  if (!noConfig) {
    tried.push(`in-cluster ${paths.contextAuth}`, `env ${ENV.AUTH_TOKEN}`, `${paths.client} (token)`, paths.auth, paths.tmpAuth);
    const mount = readAuth(paths.contextAuth);
    if (mount !== undefined) layers.push({ source: 'in-cluster', origin: paths.contextAuth, auth: mount });
    const envAuth: AuthData = {};
    const envToken = envValue(env, ENV.AUTH_TOKEN);
    const envUser = envValue(env, ENV.AUTH_USERNAME);
    if (envToken !== undefined) envAuth.token = envToken;
    if (envUser !== undefined) envAuth.username = envUser;
    layers.push({ source: 'env', origin: ENV.AUTH_TOKEN, auth: envAuth });
    if (typeof clientToken.value === 'string') {
      layers.push({ source: clientToken.source, origin: clientToken.origin ?? paths.client, auth: { token: clientToken.value } });
    }
    const global = readAuth(paths.auth);
    if (global !== undefined) layers.push({ source: 'cli-config', origin: paths.auth, auth: global });
    const tmp = isOwnedByCurrentUser(paths.tmpAuth) ? readAuth(paths.tmpAuth) : undefined;
    if (tmp !== undefined) layers.push({ source: 'cli-config', origin: paths.tmpAuth, auth: tmp });
  } else {
    tried.push(`(${ENV.NO_CONFIG} is set: stored and env auth are ignored)`);
  }
  let token: Resolved<string | undefined> = resolved(undefined, 'default');
  if (options.token !== undefined && options.token !== '') {
    token = resolved(options.token, 'explicit');
  } else {
    const layer = layers.find((l) => l.auth.token !== undefined && l.auth.token !== '');
    if (layer !== undefined) token = resolved(layer.auth.token, layer.source, layer.origin);
  }
  if (token.value === NO_AUTH_TOKEN) token = resolved(undefined, token.source, token.origin);
  let username: Resolved<string | undefined> = resolved(undefined, 'default');
  const userLayer = layers.find((l) => l.auth.username !== undefined && l.auth.username !== '');
  if (userLayer !== undefined) {
    username = resolved(userLayer.auth.username, userLayer.source, userLayer.source === 'env' ? ENV.AUTH_USERNAME : userLayer.origin);
  }
  return { token, username, tried };
}

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
  const field = <T>(key: keyof ClientConfigData, fallback: T): Resolved<T> => pick(layers, key, resolved(fallback, 'default'));

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

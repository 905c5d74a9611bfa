// The one place that turns @px/context's resolved context into client defaults.
import { resolveContext, type ContextOptions, type ResolvedContext } from '@px/context';
import { VERSION } from '../version';
import type { ClientConfig } from './client-config';

/** Where the context is read from (env, home and working directories); see `@px/context`. */
export type ContextSource = Pick<ContextOptions, 'env' | 'homeDir' | 'cwd' | 'fsRoot'>;

/** Context values the client needs, already resolved. */
export interface ClientDefaults {
  config: ClientConfig;
  token: string | undefined;
  context: ResolvedContext;
}

function explicitOptions(config: Partial<ClientConfig>): ContextOptions {
  const out: ContextOptions = {};
  if (config.host !== undefined) {
    const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(config.host.trim());
    out.host = hasScheme ? config.host : `${config.useHttps === true ? 'https' : 'http'}://${config.host.trim()}`;
  }
  if (config.verifySsl !== undefined) out.verifySsl = config.verifySsl;
  if (config.sslCaCert !== undefined) out.sslCaCert = config.sslCaCert;
  if (config.certFile !== undefined) out.certFile = config.certFile;
  if (config.keyFile !== undefined) out.keyFile = config.keyFile;
  if (config.timeout !== undefined) out.timeout = config.timeout;
  if (config.isOffline !== undefined) out.isOffline = config.isOffline;
  if (config.noOp !== undefined) out.noOp = config.noOp;
  if (config.offlineRoot !== undefined) out.offlineRoot = config.offlineRoot;
  if (config.artifactsRoot !== undefined) out.artifactsRoot = config.artifactsRoot;
  return out;
}

/**
 * Resolves client settings: explicit `config` wins, then the context
 * (`POLYAXON_*` env, `~/.polyaxon/.client`, `.auth`, in-cluster files).
 *
 * @throws {@link ContextError} when the environment or a config file holds an invalid value
 */
export function loadClientDefaults(source: ContextSource, config: Partial<ClientConfig>, token: string | undefined): ClientDefaults {
  const ctx = resolveContext({ ...source, ...explicitOptions(config), ...(token === undefined ? {} : { token }) });
  return {
    config: {
      host: ctx.host.value,
      version: ctx.apiVersion.value,
      authenticationType: ctx.authenticationType.value,
      verifySsl: ctx.verifySsl.value,
      sslCaCert: ctx.sslCaCert.value,
      certFile: ctx.certFile.value,
      keyFile: ctx.keyFile.value,
      assertHostname: ctx.assertHostname.value,
      timeout: ctx.timeout.value,
      transferTimeout: 3600,
      retries: ctx.retries.value ?? 3,
      retryDelay: 0.3,
      header: ctx.header.value,
      headerService: ctx.headerService.value,
      isOffline: ctx.isOffline.value,
      noOp: ctx.noOp.value,
      watchInterval: ctx.watchInterval.value,
      offlineRoot: ctx.offlineRoot.value,
      archivesRoot: ctx.archivesRoot.value,
      artifactsRoot: ctx.artifactsRoot.value,
      inCluster: ctx.inCluster.value,
      connectionPoolMaxsize: ctx.connectionPoolMaxsize.value ?? 10,
      userAgent: `px-client/${VERSION} (node)`,
    },
    token: ctx.token.value,
    context: ctx,
  };
}

/** Owner/project/run of the context for the given explicit values (uses the `.project`/`.run` caches when `useCache`). */
export function resolveEntity(
  source: ContextSource,
  explicit: { owner?: string | undefined; project?: string | undefined; runUuid?: string | undefined; isOffline?: boolean | undefined },
  useCache: boolean,
): { owner: string | undefined; team: string | undefined; project: string | undefined; runUuid: string | undefined; isManaged: boolean } {
  const options: ContextOptions = { ...source, useCache };
  if (explicit.owner !== undefined && explicit.owner !== '') options.owner = explicit.owner;
  if (explicit.project !== undefined && explicit.project !== '') options.project = explicit.project;
  if (explicit.runUuid !== undefined && explicit.runUuid !== '') options.runUuid = explicit.runUuid;
  if (explicit.isOffline !== undefined) options.isOffline = explicit.isOffline;
  const ctx = resolveContext(options);
  const owner = ctx.owner.value;
  const slash = owner?.indexOf('/') ?? -1;
  return {
    owner: owner !== undefined && slash >= 0 ? owner.slice(0, slash) : owner,
    team: ctx.team.value ?? (owner !== undefined && slash >= 0 ? owner.slice(slash + 1) : undefined),
    project: ctx.project.value,
    runUuid: ctx.runUuid.value,
    isManaged: ctx.isManaged.value,
  };
}

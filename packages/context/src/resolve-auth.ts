import { readAuthFileAt, type AuthData } from './auth-file';
import { envValue, type ConfigFilePaths, type Env } from './config-paths';
import { ENV } from './env-keys';
import { isOwnedByCurrentUser } from './fs-io';
import type { ContextOptions, Resolved, ValueSource } from './resolved-context';
import { resolved } from './resolved-value';

/** The token value that means "send no token". */
export const NO_AUTH_TOKEN = 'no-auth';

/** What {@link resolveAuth} needs. */
export interface TokenInputs {
  readonly options: ContextOptions;
  readonly env: Env;
  readonly paths: ConfigFilePaths;
  readonly noConfig: boolean;
  readonly clientToken: Resolved<unknown>;
}

/**
 * Resolves the token and username (see the README for the order); the
 * sentinel `no-auth` gives no token.
 *
 * @param inputs - Options, environment, paths, the no-config flag and the `.client` token.
 * @returns Token, username and the sources tried.
 * @throws {@link ContextError} naming an unreadable or invalid auth file (never the token).
 */
export function resolveAuth({ options, env, paths, noConfig, clientToken }: TokenInputs): {
  token: Resolved<string | undefined>;
  username: Resolved<string | undefined>;
  tried: string[];
} {
  const tried: string[] = ['explicit option `token`'];
  const layers: { source: ValueSource; origin: string; auth: AuthData }[] = [];
  if (!noConfig) {
    tried.push(`in-cluster ${paths.contextAuth}`, `env ${ENV.AUTH_TOKEN}`, `${paths.client} (token)`, paths.auth, paths.tmpAuth);
    const mount = readAuthFileAt(paths.contextAuth);
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
    const global = readAuthFileAt(paths.auth);
    if (global !== undefined) layers.push({ source: 'cli-config', origin: paths.auth, auth: global });
    const tmp = isOwnedByCurrentUser(paths.tmpAuth) ? readAuthFileAt(paths.tmpAuth) : undefined;
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

import { CLIENT_CONFIG_FIELDS } from './client-config-fields';
import { ENV } from './env-keys';
import { maskUrlPassword, REDACTED, SECRET_KEYS } from './redaction';
import type { Resolved, ResolvedContext, ValueSource } from './resolved-context';

/** One printable row of {@link formatContext}. */
export interface ContextRow {
  /** The field name, e.g. `host`. */
  readonly key: string;
  /** The value as text (`''` when unset; `<redacted>` for a set token). */
  readonly value: string;
  readonly source: ValueSource;
  /** The env var or file that supplied the value (`''` when none). */
  readonly origin: string;
  /** The environment variable that sets this value (`''` when there is none). */
  readonly envVar: string;
}

const ENV_OF: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    CLIENT_CONFIG_FIELDS.filter((field) => field.alias !== undefined).map((field) => [field.key === 'version' ? 'apiVersion' : field.key, field.alias!]),
  ),
  token: ENV.AUTH_TOKEN,
  username: ENV.AUTH_USERNAME,
  owner: ENV.PROJECT,
  project: ENV.PROJECT,
  team: ENV.PROJECT,
  runUuid: ENV.RUN_INSTANCE,
  offlineRoot: ENV.OFFLINE_ROOT,
  artifactsRoot: ENV.ARTIFACTS_ROOT,
  contextRoot: ENV.CONTEXT_ROOT,
  configDir: ENV.HOME,
  homePath: ENV.HOME,
  collectArtifacts: ENV.COLLECT_ARTIFACTS,
  collectResources: ENV.COLLECT_RESOURCES,
  noConfig: ENV.NO_CONFIG,
  setAgent: ENV.SET_AGENT,
  k8sNodeName: ENV.K8S_NODE_NAME,
  k8sPodId: ENV.K8S_POD_ID,
  artifactsStoreName: ENV.ARTIFACTS_STORE_NAME,
  connectionsCatalog: ENV.CONNECTIONS_CATALOG,
  hasProcessSidecar: ENV.HAS_PROCESS_SIDECAR,
  uploadSize: ENV.UPLOAD_SIZE,
  internalToken: ENV.SECRET_INTERNAL_TOKEN,
  service: ENV.SERVICE,
  useGitRegistry: ENV.USE_GIT_REGISTRY,
  publicRegistry: ENV.PUBLIC_REGISTRY,
};

function isResolved(value: unknown): value is Resolved<unknown> {
  return typeof value === 'object' && value !== null && 'source' in value && 'value' in value;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Rows `{ key, value, source, origin, envVar }` for every resolved value, in the
 * context's field order, with secrets redacted; what `px config show` prints.
 *
 * @param ctx - A resolved context.
 * @returns The rows.
 *
 * @example
 * ```ts
 * for (const row of formatContext(resolveContext())) console.log(row.key, row.value, row.source, row.origin);
 * ```
 */
export function formatContext(ctx: ResolvedContext): ContextRow[] {
  const rows: ContextRow[] = [];
  for (const [key, entry] of Object.entries(ctx)) {
    if (!isResolved(entry)) continue;
    const secret = SECRET_KEYS.includes(key as keyof ResolvedContext);
    rows.push({
      key,
      value: secret && entry.value !== undefined ? REDACTED : maskUrlPassword(text(entry.value)),
      source: entry.source,
      origin: entry.origin ?? '',
      envVar: ENV_OF[key] ?? '',
    });
  }
  return rows;
}

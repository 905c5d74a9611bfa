import { PolyaxonfileError } from '../errors';

/** The public hub's API host (used, without auth, for owner `polyaxon`). */
export const PUBLIC_HUB_HOST = 'https://cloud.polyaxon.com';

/** The git registry used when `POLYAXON_USE_GIT_REGISTRY` is set upstream. */
export const PUBLIC_GIT_REGISTRY = 'https://raw.githubusercontent.com/polyaxon/polyaxon-hub/master';

/** A parsed hub component reference. */
export interface HubRef {
  /** Owner (default `polyaxon`, the public hub). */
  readonly owner: string;
  /** Component name. */
  readonly name: string;
  /** Version (default `latest`). */
  readonly version: string;
}

/**
 * Parses `[owner/]name[:version]` (a `.` in the name part counts as `/`).
 *
 * @param ref - the reference, e.g. `tensorboard`, `acme/trainer:v2`
 * @returns owner, name and version with upstream's defaults
 * @throws {@link PolyaxonfileError} for more than one `:` or more than two path segments
 * @example
 * ```ts
 * parseHubRef('tensorboard'); // { owner: 'polyaxon', name: 'tensorboard', version: 'latest' }
 * ```
 */
export function parseHubRef(ref: string): HubRef {
  const invalid = (): never => {
    throw new PolyaxonfileError(`Received an invalid component reference: \`${ref}\``, {
      stage: 'read',
      issues: [{ path: ['hubRef'], message: 'invalid component reference', expected: '[owner/]name[:version]', received: ref }],
    });
  };
  const parts = ref.split(':');
  if (parts.length > 2 || parts[0] === '' || parts[1] === '') invalid();
  const segments = parts[0]!.replace(/\./g, '/').split('/');
  if (segments.length > 2 || segments.some((s) => s === '')) invalid();
  const [owner, name] = segments.length === 2 ? (segments as [string, string]) : ['polyaxon', segments[0]!];
  return { owner, name, version: parts[1] ?? 'latest' };
}

/**
 * The URL upstream fetches a hub component version from:
 * `{host}/api/v1/{owner}/{name}/versions/component/{version}`, with the
 * public cloud host for owner `polyaxon`, or `{registry}/{owner}/{name}/{version}.yaml`
 * when a git registry is used.
 *
 * @param ref - the reference
 * @param options - `host` for non-public owners; `gitRegistry` to use a git registry instead of the API
 * @returns the URL
 */
export function hubComponentUrl(ref: string, options: { host?: string; gitRegistry?: string | boolean } = {}): string {
  const parsed = parseHubRef(ref);
  if (options.gitRegistry !== undefined && options.gitRegistry !== false) {
    const registry = typeof options.gitRegistry === 'string' ? options.gitRegistry : PUBLIC_GIT_REGISTRY;
    const path = ref.split(':')[0]!;
    return `${registry.replace(/\/+$/, '')}/${path}/${parsed.version}.yaml`;
  }
  const host = parsed.owner === 'polyaxon' ? PUBLIC_HUB_HOST : (options.host ?? PUBLIC_HUB_HOST);
  const enc = encodeURIComponent;
  return `${host.replace(/\/+$/, '')}/api/v1/${enc(parsed.owner)}/${enc(parsed.name)}/versions/component/${enc(parsed.version)}`;
}

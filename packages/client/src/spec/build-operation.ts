import type { PolyaxonClient } from '../client/polyaxon-client';
import { loadPolyaxonfile } from './load-polyaxonfile';
import { specFetcher } from './spec-fetcher';

/** Options of `RunClient.createFromPolyaxonfile`, `createFromUrl` and `createFromHub` (upstream's keyword arguments). */
export interface CreateFromSpecOptions {
  /** Run name (overrides the operation's). */
  name?: string | undefined;
  /** Run description (overrides the operation's). */
  description?: string | undefined;
  /** Run tags: a list, or a comma-separated string (override the operation's). */
  tags?: string | readonly string[] | undefined;
  /** Params that resolve the component's inputs/outputs: `{ lr: 0.1 }` (or full params `{ lr: { value: 0.1 } }`), or CLI-style `['lr=0.1']`. */
  params?: Readonly<Record<string, unknown>> | readonly string[] | undefined;
  /** A matrix definition, e.g. `{ kind: 'grid', params: { lr: { kind: 'choice', value: [0.1, 0.2] } } }`. */
  matrix?: Readonly<Record<string, unknown>> | undefined;
  /** Names of server-side scheduling presets. */
  presets?: readonly string[] | undefined;
  /** Queue: `queue` (default agent) or `agent/queue`. */
  queue?: string | undefined;
  /** Namespace to create the run in (default: the agent's). */
  namespace?: string | undefined;
  /** Disable the cache (deprecated upstream; prefer `cache: false`). */
  nocache?: boolean | undefined;
  /** Enable or disable the cache: a boolean, or `yes`/`no`, `y`/`n`, `true`/`false`, `t`/`f`, `on`/`off`, `1`/`0`. */
  cache?: boolean | string | number | undefined;
  /** Set `isApproved` (manual approval) without editing the Polyaxonfile; same values as `cache`. */
  approved?: boolean | string | number | undefined;
  /** Receives warnings (a spec marked as template); default: a process warning. */
  onWarning?: ((message: string) => void) | undefined;
}

/** Where the spec comes from: files (the first is the spec, the rest preset files), a URL, or a hub component. */
export type SpecOrigin =
  | { readonly polyaxonfile: string | readonly string[] }
  | { readonly url: string }
  | { readonly hub: string };

function flag(value: boolean | string | number | undefined): boolean | string | undefined {
  return typeof value === 'number' ? String(value) : value;
}

function warn(message: string): void {
  process.emitWarning(message, { type: 'PolyaxonfileWarning' });
}

/**
 * Builds the operation a `createFrom*` method posts, with
 * `checkPolyaxonfile(..., { toOp: true })` of `@px/polyaxonfile/node`
 * (upstream `check_polyaxonfile(..., to_op=True)`): reads the spec, resolves
 * its component references, applies params, matrix, presets, queue,
 * namespace, cache and approval, then the preset files, and validates the
 * result. Hub components of owners other than `polyaxon` come from the
 * client's host (`hubHost`), read with the client's token.
 *
 * @param client - the run's client
 * @param origin - the spec's source
 * @param options - the method's options
 * @param feature - the calling method, named if `@px/polyaxonfile` is missing
 * @returns the operation as upstream's `to_dict()`
 * @throws `PolyaxonfileError` (from `@px/polyaxonfile`) when the spec is not valid
 * @throws {@link ApiError} when reading a hub component from the API fails
 * @throws {@link MissingDependencyError} when `@px/polyaxonfile` is not installed
 */
export async function buildOperation(client: PolyaxonClient, origin: SpecOrigin, options: CreateFromSpecOptions, feature: string): Promise<Record<string, unknown>> {
  const pf = await loadPolyaxonfile(feature);
  const fetcher = specFetcher(client);
  try {
    const op = await pf.checkPolyaxonfile({
      ...origin,
      params: options.params,
      matrix: options.matrix,
      presets: options.presets,
      queue: options.queue,
      namespace: options.namespace,
      nocache: options.nocache,
      cache: flag(options.cache),
      approved: flag(options.approved),
      hubHost: client.config.host,
      fetchText: fetcher.fetchText,
      toOp: true,
      onWarning: options.onWarning ?? warn,
    });
    return pf.toDict(op);
  } catch (error) {
    throw fetcher.apiFailure ?? error;
  }
}

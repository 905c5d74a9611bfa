import { join } from 'node:path';

/** The paths Polyaxon mounts in a run's containers, under the context root. */
export interface InClusterPaths {
  /** `<root>/artifacts`: the artifacts mount. */
  readonly artifacts: string;
  /** `<root>/artifacts/<uuid>`: this run's artifacts. */
  readonly run: string;
  /** `<root>/artifacts/<uuid>/outputs`. */
  readonly outputs: string;
  /** `<root>/artifacts/<uuid>/events`. */
  readonly events: string;
  /** `<root>/artifacts/<uuid>/assets`. */
  readonly assets: string;
  /** `<root>/artifacts/<uuid>/resources`. */
  readonly resources: string;
  /** `<root>/artifacts/_related_runs`. */
  readonly relatedRuns: string;
  /** `<root>/artifacts/.fs`: the file watcher's state. */
  readonly fileWatcher: string;
  /** `<root>/.configs/.auth`: the scoped token written by the init container. */
  readonly auth: string;
}

/**
 * Upstream's in-cluster context paths (`_contexts/paths.py`) for one run.
 *
 * @param contextRoot - The context root (`ctx.contextRoot.value`, default `/plx-context`).
 * @param runUuid - The run.
 * @returns Every path.
 *
 * @example
 * ```ts
 * inClusterPaths('/plx-context', 'abc').outputs; // '/plx-context/artifacts/abc/outputs'
 * ```
 */
export function inClusterPaths(contextRoot: string, runUuid: string): InClusterPaths {
  const artifacts = join(contextRoot, 'artifacts');
  const run = join(artifacts, runUuid);
  return {
    artifacts,
    run,
    outputs: join(run, 'outputs'),
    events: join(run, 'events'),
    assets: join(run, 'assets'),
    resources: join(run, 'resources'),
    relatedRuns: join(artifacts, '_related_runs'),
    fileWatcher: join(artifacts, '.fs'),
    auth: join(contextRoot, '.configs', '.auth'),
  };
}

/** What an offline folder holds: runs or one kind of project version. */
export type OfflineKind = 'run' | 'runtime' | 'component' | 'model' | 'artifact';

/**
 * Upstream's `get_offline_path`: `<offlineRoot>/<kind>s/<value>`, where the
 * kind `runtime` means `run` (so runs live in `<offlineRoot>/runs/<uuid>`).
 *
 * @param offlineRoot - The offline root (`ctx.offlineRoot.value`); a trailing `/` is ignored.
 * @param kind - The entity kind.
 * @param value - The run uuid or version name.
 * @returns The folder.
 */
export function offlinePath(offlineRoot: string, kind: OfflineKind, value: string): string {
  const folder = kind === 'runtime' ? 'run' : kind;
  return `${offlineRoot.replace(/\/+$/, '')}/${folder}s/${value}`;
}

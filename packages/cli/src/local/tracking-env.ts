// The environment that makes a bare `tracking.init()` (of `@px/tracking`, and of upstream's Python
// `polyaxon.tracking`) attach to the run px created instead of creating a new one.

/** Where and what the run is. */
export interface TrackingTarget {
  /** `owner.project.runs.<uuid>`. */
  readonly instance: string;
  /** Offline runs: the offline root whose `runs/<uuid>` is the run folder. */
  readonly offlineRoot?: string | undefined;
  /** Online runs: the folder whose `<uuid>` subfolder is the run's artifacts path. */
  readonly contextArtifacts?: string | undefined;
}

/**
 * The `POLYAXON_*` variables given to the container process (documented in the CLI README):
 * the run is "managed" (so the run instance is read), offline when px records it offline.
 */
export function trackingEnv(target: TrackingTarget): Record<string, string> {
  const env: Record<string, string> = {
    POLYAXON_IS_MANAGED: 'true',
    POLYAXON_RUN_INSTANCE: target.instance,
    POLYAXON_K8S_NODE_NAME: 'local',
  };
  if (target.offlineRoot !== undefined) {
    env.POLYAXON_IS_OFFLINE = 'true';
    env.POLYAXON_OFFLINE_ROOT = target.offlineRoot;
  }
  if (target.contextArtifacts !== undefined) {
    // `@px/tracking` puts a managed run's folder at <context root>/artifacts/<uuid>
    env.POLYAXON_CONTEXT_ROOT = target.contextArtifacts;
    env.POLYAXON_HAS_PROCESS_SIDECAR = 'true';
  }
  return env;
}

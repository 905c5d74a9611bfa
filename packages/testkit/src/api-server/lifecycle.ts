/** Run statuses after which a run never changes status again (upstream `LifeCycle.DONE_VALUES`). */
export const DONE_STATUSES: ReadonlySet<string> = new Set(['failed', 'upstream_failed', 'stopped', 'skipped', 'succeeded']);

/** Statuses that mark a run as started (upstream `LifeCycle.RUNNING_VALUES`). */
export const RUNNING_STATUSES: ReadonlySet<string> = new Set(['scheduled', 'starting', 'processing', 'running']);

/** Statuses from which a stop is immediate (upstream `LifeCycle.SAFE_STOP_VALUES`). */
export const SAFE_STOP_STATUSES: ReadonlySet<string> = new Set(['created', 'on_schedule', 'resuming', 'compiled']);

/** Every value of `V1Statuses`. */
export const ALL_STATUSES: ReadonlySet<string> = new Set([
  'created',
  'resuming',
  'on_schedule',
  'compiled',
  'queued',
  'scheduled',
  'starting',
  'running',
  'processing',
  'stopping',
  'failed',
  'stopped',
  'succeeded',
  'skipped',
  'warning',
  'unschedulable',
  'upstream_failed',
  'retrying',
  'unknown',
  'done',
]);

/** Every value of `V1ProjectVersionKind`. */
export const VERSION_KINDS: ReadonlySet<string> = new Set(['component', 'model', 'artifact']);

/** Every value of `V1Stages`. */
export const STAGES: ReadonlySet<string> = new Set(['testing', 'staging', 'production', 'disabled']);

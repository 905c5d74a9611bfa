/** Every status a run can report (`V1Statuses`; `done` is a hook pseudo-status). */
export const V1_STATUSES = [
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
] as const;

/** A run status (`V1Statuses`). */
export type V1Statuses = (typeof V1_STATUSES)[number];

/** Run kinds (`V1RunKind`). */
export type V1RunKind =
  | 'job'
  | 'service'
  | 'dag'
  | 'daskcluster'
  | 'raycluster'
  | 'mpijob'
  | 'tfjob'
  | 'pytorchjob'
  | 'matrix'
  | 'schedule'
  | 'tuner'
  | 'watchdog'
  | 'notifier'
  | 'builder'
  | 'cleaner';

/** Why a run waits (`V1RunPending`). */
export type V1RunPending = 'approval' | 'upload' | 'cache' | 'build';

/**
 * Who manages a run. The schema lists `client`, `cli`, `agent`; the Python
 * client (and so this one) also sends `user`, which the server accepts.
 */
export type V1ManagedBy = 'client' | 'cli' | 'agent' | 'user';

/** Version stages (`V1Stages`). */
export type V1Stages = 'testing' | 'staging' | 'production' | 'disabled';

/** The kinds of project versions (`V1ProjectVersionKind`). */
export type V1ProjectVersionKind = 'component' | 'model' | 'artifact';

/** Statuses after which a run never changes again. */
export const DONE_STATUSES: readonly V1Statuses[] = ['failed', 'upstream_failed', 'stopped', 'skipped', 'succeeded'];
/** Statuses of a run that is executing. */
export const RUNNING_STATUSES: readonly V1Statuses[] = ['scheduled', 'starting', 'processing', 'running'];
/** Statuses of a run that waits to be compiled. */
export const PENDING_STATUSES: readonly V1Statuses[] = ['created', 'on_schedule', 'resuming'];

/** Whether `status` is final (`failed`, `upstream_failed`, `stopped`, `skipped`, `succeeded`). */
export function isDoneStatus(status: string | null | undefined): boolean {
  return status != null && (DONE_STATUSES as readonly string[]).includes(status);
}

/** Whether `status` means the run is executing. */
export function isRunningStatus(status: string | null | undefined): boolean {
  return status != null && (RUNNING_STATUSES as readonly string[]).includes(status);
}

/** Whether `status` means the run has not been compiled yet. */
export function isPendingStatus(status: string | null | undefined): boolean {
  return status != null && (PENDING_STATUSES as readonly string[]).includes(status);
}

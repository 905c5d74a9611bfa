import type { V1Stages, V1Statuses } from './statuses';

/**
 * One status transition (`V1StatusCondition`). The schema types `status` as
 * a string; the server and the Python client use the boolean `true`.
 */
export interface V1StatusCondition {
  type?: V1Statuses | null;
  status?: boolean | string | null;
  reason?: string | null;
  message?: string | null;
  last_update_time?: string | null;
  last_transition_time?: string | null;
  meta_info?: Record<string, unknown> | null;
}

/** A run's status with its history (`V1Status`). */
export interface V1Status {
  uuid?: string | null;
  status?: V1Statuses | null;
  status_conditions?: V1StatusCondition[] | null;
  meta_info?: Record<string, unknown> | null;
}

/** One stage transition of a project version (`V1StageCondition`). */
export interface V1StageCondition {
  type?: V1Stages | null;
  status?: boolean | string | null;
  reason?: string | null;
  message?: string | null;
  last_update_time?: string | null;
  last_transition_time?: string | null;
  meta_info?: Record<string, unknown> | null;
}

/** A version's stage with its history (`V1Stage`). */
export interface V1Stage {
  uuid?: string | null;
  stage?: V1Stages | null;
  stage_conditions?: V1StageCondition[] | null;
}

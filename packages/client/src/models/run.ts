import type { V1StatusCondition } from './status';
import type { V1ManagedBy, V1RunKind, V1RunPending, V1Statuses } from './statuses';

/** A catalog entry in run settings (`V1SettingsCatalog`). */
export interface V1SettingsCatalog {
  uuid?: string | null;
  name?: string | null;
  version?: string | null;
  url?: string | null;
}

/** Where and how a run executes (`V1RunSettings`). */
export interface V1RunSettings {
  namespace?: string | null;
  agent?: V1SettingsCatalog | null;
  queue?: V1SettingsCatalog | null;
  artifacts_store?: V1SettingsCatalog | null;
  tensorboard?: Record<string, unknown> | null;
  build?: Record<string, unknown> | null;
  component?: Record<string, unknown> | null;
  models?: unknown[] | null;
  artifacts?: unknown[] | null;
}

/** A run (`V1Run`). Every field is optional because the API omits or nulls them freely. */
export interface V1Run {
  uuid?: string | null;
  name?: string | null;
  description?: string | null;
  tags?: string[] | null;
  user?: string | null;
  owner?: string | null;
  project?: string | null;
  schedule_at?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  started_at?: string | null;
  finished_at?: string | null;
  wait_time?: number | null;
  duration?: number | null;
  managed_by?: V1ManagedBy | null;
  is_managed?: boolean | null;
  is_approved?: boolean | null;
  pending?: V1RunPending | null;
  content?: string | null;
  raw_content?: string | null;
  status?: V1Statuses | null;
  bookmarked?: boolean | null;
  live_state?: number | null;
  readme?: string | null;
  meta_info?: Record<string, unknown> | null;
  kind?: V1RunKind | null;
  runtime?: V1RunKind | null;
  inputs?: Record<string, unknown> | null;
  outputs?: Record<string, unknown> | null;
  original?: Record<string, unknown> | null;
  pipeline?: Record<string, unknown> | null;
  status_conditions?: V1StatusCondition[] | null;
  role?: string | null;
  contributors?: unknown[] | null;
  settings?: V1RunSettings | null;
  resources?: Record<string, unknown> | null;
  graph?: Record<string, unknown> | null;
  merge?: boolean | null;
}

/** The body of a run creation (`V1OperationBody`). */
export interface V1OperationBody {
  content?: string | null;
  is_managed?: boolean | null;
  managed_by?: V1ManagedBy | null;
  pending?: V1RunPending | null;
  name?: string | null;
  description?: string | null;
  tags?: string[] | null;
  meta_info?: Record<string, unknown> | null;
}

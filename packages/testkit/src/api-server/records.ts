import type { JsonObject } from './json';

/** One entry of a run's status timeline, as the server stores and returns it. */
export interface StatusConditionRecord {
  type: string;
  status: boolean;
  reason: string | null;
  message: string | null;
  last_update_time: string;
  last_transition_time: string;
  meta_info?: JsonObject;
}

/** One entry of a project version's stage timeline. */
export interface StageConditionRecord {
  type: string;
  status: boolean;
  reason: string | null;
  message: string | null;
  last_update_time: string;
  last_transition_time: string;
}

/** A project held by the test server. */
export interface ProjectRecord {
  uuid: string;
  owner: string;
  name: string;
  description: string | null;
  tags: string[] | null;
  readme: string | null;
  is_public: boolean;
  bookmarked: boolean;
  live_state: number;
  created_at: string;
  updated_at: string;
  /** Creation time in microseconds (for sorting). */
  createdMicros: number;
}

/** An artifact lineage entry (`V1RunArtifact`) attached to a run. */
export interface LineageRecord {
  name: string;
  kind: string;
  path: string | null;
  summary: JsonObject | null;
  connection: string | null;
  is_input: boolean;
  meta_info: JsonObject | null;
  createdMicros: number;
}

/** One log line (`V1Log`) served by the logs endpoint. */
export interface LogLineRecord {
  timestamp: string;
  value: string;
  node?: string;
  pod?: string;
  container?: string;
}

/** A run held by the test server. Field names follow the wire (snake_case). */
export interface RunRecord {
  uuid: string;
  owner: string;
  project: string;
  name: string | null;
  description: string | null;
  tags: string[] | null;
  readme: string | null;
  kind: string;
  runtime: string | null;
  status: string;
  status_conditions: StatusConditionRecord[];
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  schedule_at: string | null;
  wait_time: number | null;
  duration: number | null;
  meta_info: JsonObject;
  inputs: JsonObject | null;
  outputs: JsonObject | null;
  is_managed: boolean;
  managed_by: string;
  pending: string | null;
  content: string | null;
  raw_content: string | null;
  /** The scheduler's compilation of `content` (a `compiled_operation`), answered as `content` once set. */
  compiled_content: string | null;
  pipeline: JsonObject | null;
  original: JsonObject | null;
  namespace: string;
  user: string | null;
  live_state: number;
  bookmarked: boolean;
  lineage: LineageRecord[];
  edges: JsonObject[];
  logs: LogLineRecord[];
  /** What `k8s_inspect` answers; `null` answers 500 like a server without kube config (137). */
  k8s_inspect: JsonObject | null;
  createdMicros: number;
  startedMicros: number | null;
}

/** A component, model or artifact version of a project. */
export interface VersionRecord {
  uuid: string;
  owner: string;
  project: string;
  kind: string;
  name: string;
  description: string | null;
  tags: string[] | null;
  content: string | null;
  readme: string | null;
  connection: string | null;
  run: string | null;
  artifacts: string[] | null;
  meta_info: JsonObject | null;
  stage: string;
  stage_conditions: StageConditionRecord[];
  state: string | null;
  created_at: string;
  updated_at: string;
  createdMicros: number;
}

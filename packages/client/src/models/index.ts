export type { V1ListProjectsResponse, V1ListProjectVersionsResponse, V1ListResponse, V1ListRunArtifactsResponse, V1ListRunsResponse } from './list-response';
export type { V1EventsResponse, V1Log, V1Logs, V1MultiRunEventsResponse } from './logs';
export type { V1Project } from './project';
export type { V1ProjectVersion } from './project-version';
export type { V1OperationBody, V1Run, V1RunSettings, V1SettingsCatalog } from './run';
export type { V1ArtifactKind, V1ArtifactTree, V1RunArtifact } from './run-artifact';
export type { V1Stage, V1StageCondition, V1Status, V1StatusCondition } from './status';
export {
  DONE_STATUSES,
  PENDING_STATUSES,
  RUNNING_STATUSES,
  V1_STATUSES,
  isDoneStatus,
  isPendingStatus,
  isRunningStatus,
  type V1ManagedBy,
  type V1ProjectVersionKind,
  type V1RunKind,
  type V1RunPending,
  type V1Stages,
  type V1Statuses,
} from './statuses';

export { VERSION } from './version';
export { PolyaxonException, type PolyaxonExceptionOptions } from '@px/errors';
export { PolyaxonClient, type PolyaxonClientOptions } from './client/polyaxon-client';
export { MAX_RESPONSE_BYTES } from './transport/byte-limit';
export type { ClientConfig } from './config/client-config';
export {
  ApiConnectionError,
  ApiError,
  ForbiddenError,
  MissingDependencyError,
  NotFoundError,
  PolyaxonClientException,
  ResponseTooLargeError,
  UnauthorizedError,
  type ApiErrorInit,
} from './errors/errors';
export { BackgroundWriteError, type BackgroundFailure } from './queue/background-error';
export type { BackgroundErrorHandler, EnqueueOptions, FlushOptions, QueuedTask } from './queue/write-queue';
export { compactJson } from './json/compact-json';
export { formatPyFloat, PyFloat } from './json/py-float';
export { runToJson } from './offline/ordered-json';
export { WriteIntent, repairTornWrites, completeLength } from './offline/write-intent';
export type { CallOptions, Query, StreamOptions } from './transport/api-transport';
export type { RawResponse } from './transport/raw-request';
export type { RetryMode } from './transport/retry-policy';
export type { ProgressHandler, TransferProgress } from './transport/progress';
export type { ListOptions, Page } from './pagination/page';
export {
  ProjectClient,
  type ProjectClientOptions,
  type RegisterVersionOptions,
  type StageVersionOptions,
} from './project/project-client';
export {
  RunClient,
  type CreateRunOptions,
  type DownloadArtifactOptions,
  type DownloadArtifactsOptions,
  type LoadOfflineOptions,
  type PushOfflineOptions,
  type RestartOptions,
  type RunClientOptions,
  type StatusUpdate,
  type UploadOptions,
  type WatchOptions,
} from './run/run-client';
export type { LogStatusOptions } from './run/status-history';
export type { CreateFromSpecOptions } from './spec/build-operation';
export { specFetcher } from './spec/spec-fetcher';
export type { SpecFetcher } from './spec/spec-fetcher';
export { toFqnName, parseTags } from './run/names';
export { nowIso } from './run/timestamps';
export { UnsafeArchiveError } from './tar/extract';
export * from './models';

export { OpenApiViolationError, TestkitError } from './api-server/errors';
export type { Fault, FaultController } from './api-server/faults';
export type { Json, JsonObject } from './api-server/json';
export { RecordedRequest } from './api-server/recorded-request';
export type {
  LineageRecord,
  LogLineRecord,
  ProjectRecord,
  RunRecord,
  StageConditionRecord,
  StatusConditionRecord,
  VersionRecord,
} from './api-server/records';
export { startApiServer } from './api-server/server';
export {
  ApiState,
  type ConditionInput,
  type LineageSeed,
  type ProjectSeed,
  type RunSeed,
  type VersionSeed,
} from './api-server/state';
export type { ApiServer, ApiServerOptions, Violation } from './api-server/types';
export { corpusPath, hasShared, repoRoot, requireShared, sharedDir } from './corpus';
export { hasOpenApiSchemas, openApiDefinitionNames, validateAgainstOpenApi } from './openapi/validate-against-openapi';

// Public surface of the schema modules (re-exported by the package entry).
// Building blocks (model/tagged/orRef helpers, per-kind parts) stay internal.
export { isRef, keyAsWritten, toCamelCase, toSnakeCase, REF_PATTERN } from './common';
export {
  AffinitySchema,
  ContainerSchema,
  ExecActionSchema,
  HostAliasSchema,
  HTTPGetActionSchema,
  PodDNSConfigSchema,
  PodFailurePolicySchema,
  ResourceRequirementsSchema,
  SecurityContextSchema,
  TolerationSchema,
  VolumeSchema,
  type K8sFields,
  type K8sObject,
  type V1Container,
} from './k8s';
export { EnvironmentSchema, type V1Environment } from './environment';
export {
  ARTIFACT_KINDS,
  ArtifactsTypeSchema,
  checkImage,
  DockerfileTypeSchema,
  EventTypeSchema,
  FileTypeSchema,
  GitTypeSchema,
  ImageSchema,
  MountSchema,
  TensorboardTypeSchema,
  type V1ArtifactsType,
  type V1DockerfileType,
  type V1EventType,
  type V1FileType,
  type V1GitType,
  type V1Mount,
  type V1TensorboardType,
} from './value-types';
export { InitSchema, type V1Init } from './init';
export {
  FullParamsMapSchema,
  isShortFormParam,
  normalizeParamValue,
  PARAM_KEYS,
  ParamInputSchema,
  ParamSchema,
  ParamsMapSchema,
  type V1Param,
} from './param';
export { NotificationSchema, PluginsSchema, SidecarContainerSchema, STATUSES, type V1Plugins } from './plugins';
export { ActivityProbeSchema, TerminationSchema, type V1Termination } from './termination';
export { CacheSchema, type V1Cache } from './cache';
export { PATCH_STRATEGIES, PatchStrategySchema, type PatchStrategy } from './patch-strategy';
export { BuildSchema, type V1Build } from './build';
export { HookSchema, type V1Hook } from './hook';
export { EVENT_KINDS, EventTriggerSchema, type V1EventTrigger } from './events';
export { JoinSchema, type V1Join } from './join';
export { ScheduleSchema, type V1Schedule } from './schedule';
export { TemplateSchema, type V1Template } from './template';
export { ValidationSchema, runValidation, type V1Validation } from './validation';
export { IO_TYPES, parseIOValue, type IOValueSpec, type ParseIOValueOptions } from './io-value';
export { IO_NAME_BLACK_LIST, IOListSchema, IOSchema, type V1IO } from './io';
export { DISTRIBUTION_KINDS, HP_KINDS, HpParamSchema, HpParamsMapSchema, type RangeValue, type V1HpParam } from './hyperparams';
export { EarlyStoppingPolicySchema, EarlyStoppingSchema, OptimizationSchema, type V1EarlyStopping } from './early-stopping';
export {
  MATRIX_KINDS,
  MatrixSchema,
  matrixHasParam,
  OptimizationMetricSchema,
  OptimizationResourceSchema,
  TunerSchema,
  UtilityFunctionSchema,
  type V1Matrix,
} from './matrix';
export {
  CleanPodPolicySchema,
  KFReplicaSchema,
  PytorchElasticPolicySchema,
  RayAutoscalerOptionsSchema,
  RayReplicaSchema,
  SchedulingPolicySchema,
  type V1KFReplica,
  type V1RayReplica,
} from './replica';
export {
  RUN_KINDS,
  RunSchema,
  runSchemaFor,
  type RunKind,
  type V1Run,
  type V1RunCleaner,
  type V1RunDag,
  type V1RunDaskCluster,
  type V1RunJob,
  type V1RunMPIJob,
  type V1RunNotifier,
  type V1RunPytorchJob,
  type V1RunRayCluster,
  type V1RunService,
  type V1RunTFJob,
  type V1RunTuner,
} from './run';
export { TRIGGER_POLICIES, type ComponentFields } from './component-fields';
export type { OperationFields } from './operation-fields';
export type { DagComponent, DagOperation } from './dag-types';
export { ComponentSchema, type V1Component } from './component';
export { OperationSchema, PartialOperationSchema, type V1Operation } from './operation';
export { CompiledOperationSchema, type V1CompiledOperation } from './compiled-operation';
export { SCHEMA_DEFINITIONS } from './definitions';

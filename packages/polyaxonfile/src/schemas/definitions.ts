// Named schemas for JSON Schema generation: passing these as `definitions`
// to `@valibot/to-json-schema` turns shared sub-schemas into `$ref`s.
import type * as v from 'valibot';
import { BuildSchema } from './build';
import { CacheSchema } from './cache';
import { ComponentSchema } from './component';
import { EarlyStoppingSchema } from './early-stopping';
import { EnvironmentSchema } from './environment';
import { EventTriggerSchema } from './events';
import { HookSchema } from './hook';
import { HpParamSchema } from './hyperparams';
import { InitSchema } from './init';
import { IOSchema } from './io';
import { JoinSchema } from './join';
import { ContainerSchema, VolumeSchema } from './k8s';
import { MatrixSchema } from './matrix';
import { OperationSchema } from './operation';
import { ParamSchema } from './param';
import { PluginsSchema } from './plugins';
import { KFReplicaSchema, RayReplicaSchema } from './replica';
import { RunSchema } from './run';
import { ScheduleSchema } from './schedule';
import { TerminationSchema } from './termination';
import { ValidationSchema } from './validation';

/**
 * Shared schemas by name, for `toJsonSchema(schema, { definitions: SCHEMA_DEFINITIONS, typeMode: 'input', ignoreActions: ['raw_check', 'check'] })`.
 */
export const SCHEMA_DEFINITIONS: Readonly<Record<string, v.GenericSchema>> = {
  V1Component: ComponentSchema,
  V1Operation: OperationSchema,
  V1Run: RunSchema,
  V1Environment: EnvironmentSchema,
  V1Init: InitSchema,
  V1Container: ContainerSchema,
  V1Volume: VolumeSchema,
  V1KFReplica: KFReplicaSchema,
  V1RayReplica: RayReplicaSchema,
  V1IO: IOSchema,
  V1Validation: ValidationSchema,
  V1Param: ParamSchema,
  V1Matrix: MatrixSchema,
  V1HpParam: HpParamSchema,
  V1EarlyStopping: EarlyStoppingSchema,
  V1Schedule: ScheduleSchema,
  V1Plugins: PluginsSchema,
  V1Termination: TerminationSchema,
  V1Cache: CacheSchema,
  V1Build: BuildSchema,
  V1Hook: HookSchema,
  V1EventTrigger: EventTriggerSchema,
  V1Join: JoinSchema,
};

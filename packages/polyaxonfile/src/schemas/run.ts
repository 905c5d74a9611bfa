// `run`: the tagged union of run kinds upstream accepts (`V1Runtime`).
import * as v from 'valibot';
import {
  type Entries,
  type ModelParts,
  anyObject,
  boolOrRef,
  finished,
  intOrRef,
  listOrRef,
  modelParts,
  opt,
  orRef,
  positiveIntOrRef,
  strictStr,
  strListOrRef,
  tagged, dict } from './common';
// component.ts and operation.ts import this module too: their schemas are only
// read inside the lazy getters below, after every module has been evaluated.
import { ComponentSchema } from './component';
import type { DagComponent, DagOperation } from './dag-types';
import { EarlyStoppingSchema } from './early-stopping';
import { EnvironmentSchema } from './environment';
import { VolumeSchema } from './k8s';
import { OperationSchema } from './operation';
import {
  CleanPodPolicySchema,
  jobEntries,
  KFReplicaSchema,
  PytorchElasticPolicySchema,
  RayAutoscalerOptionsSchema,
  RayReplicaSchema,
  SchedulingPolicySchema,
} from './replica';

/** Run kinds accepted in `run.kind`. */
export const RUN_KINDS = [
  'job', 'service', 'dag', 'tfjob', 'pytorchjob', 'mpijob', 'raycluster', 'daskcluster', 'notifier', 'tuner', 'cleaner',
] as const;

/** A run kind accepted in `run.kind`. */
export type RunKind = (typeof RUN_KINDS)[number];

/** `job`. */
export const JobParts = modelParts({ kind: v.literal('job'), ...jobEntries });
/** `notifier` (same fields as job). */
export const NotifierParts = modelParts({ kind: v.literal('notifier'), ...jobEntries });
/** `tuner` (same fields as job). */
export const TunerJobParts = modelParts({ kind: v.literal('tuner'), ...jobEntries });
/** `cleaner` (same fields as job). */
export const CleanerParts = modelParts({ kind: v.literal('cleaner'), ...jobEntries });

/** `service`. */
export const ServiceParts = modelParts({
  kind: v.literal('service'),
  ...jobEntries,
  ports: opt(listOrRef(v.pipe(v.number('Expected an integer port.'), v.integer('Expected an integer port.')))),
  rewritePath: opt(boolOrRef),
  isExternal: opt(boolOrRef),
  replicas: opt(intOrRef),
});

const lazyOperation = v.lazy((): v.GenericSchema<unknown, DagOperation> => OperationSchema);
const lazyComponent = v.lazy((): v.GenericSchema<unknown, DagComponent> => ComponentSchema);

/** `dag`. */
export const DagParts = modelParts({
  kind: v.literal('dag'),
  operations: opt(listOrRef(lazyOperation)),
  components: opt(listOrRef(lazyComponent)),
  environment: opt(orRef(EnvironmentSchema)),
  connections: opt(strListOrRef),
  volumes: opt(listOrRef(VolumeSchema)),
  concurrency: opt(positiveIntOrRef),
  earlyStopping: opt(listOrRef(EarlyStoppingSchema)),
});

const kfReplica = opt(orRef(KFReplicaSchema));

/** `tfjob`. */
export const TFJobParts = modelParts({
  kind: v.literal('tfjob'),
  cleanPodPolicy: opt(CleanPodPolicySchema),
  schedulingPolicy: opt(SchedulingPolicySchema),
  enableDynamicWorker: opt(boolOrRef),
  successPolicy: opt(strictStr),
  chief: kfReplica,
  ps: kfReplica,
  worker: kfReplica,
  evaluator: kfReplica,
});

/** `pytorchjob`. */
export const PytorchJobParts = modelParts({
  kind: v.literal('pytorchjob'),
  cleanPodPolicy: opt(CleanPodPolicySchema),
  schedulingPolicy: opt(SchedulingPolicySchema),
  elasticPolicy: opt(PytorchElasticPolicySchema),
  nProcPerNode: opt(intOrRef),
  master: kfReplica,
  worker: kfReplica,
});

/** `mpijob`. */
export const MPIJobParts = modelParts({
  kind: v.literal('mpijob'),
  cleanPodPolicy: opt(CleanPodPolicySchema),
  schedulingPolicy: opt(SchedulingPolicySchema),
  slotsPerWorker: opt(intOrRef),
  launcher: kfReplica,
  worker: kfReplica,
});

/** `raycluster`. */
export const RayClusterParts = modelParts({
  kind: v.literal('raycluster'),
  entrypoint: opt(strictStr),
  runtimeEnv: opt(orRef(anyObject)),
  metadata: opt(orRef(dict(v.string(), 'Expected a map of strings.'))),
  rayVersion: opt(strictStr),
  head: opt(orRef(RayReplicaSchema)),
  workers: opt(dict(orRef(RayReplicaSchema), 'Expected a map of worker name to replica.')),
  enableInTreeAutoscaling: opt(boolOrRef),
  autoscalerOptions: opt(orRef(RayAutoscalerOptionsSchema)),
});

/** `daskcluster`. */
export const DaskClusterParts = modelParts({
  kind: v.literal('daskcluster'),
  worker: kfReplica,
  scheduler: kfReplica,
  minReplicas: opt(intOrRef),
  maxReplicas: opt(intOrRef),
});

/** Per-kind schemas (used e.g. to validate `runPatch` against a component's run kind). */
export const RUN_PARTS = {
  job: JobParts,
  service: ServiceParts,
  dag: DagParts,
  tfjob: TFJobParts,
  pytorchjob: PytorchJobParts,
  mpijob: MPIJobParts,
  raycluster: RayClusterParts,
  daskcluster: DaskClusterParts,
  notifier: NotifierParts,
  tuner: TunerJobParts,
  cleaner: CleanerParts,
} as const;

/** `run`: tagged on `kind` (mandatory); `matrix`, `schedule`, `watchdog`, `builder` and unknown kinds are rejected. */
export const RunSchema = tagged(
  [JobParts, ServiceParts, DagParts, TFJobParts, PytorchJobParts, MPIJobParts, RayClusterParts, DaskClusterParts, NotifierParts, TunerJobParts, CleanerParts],
  `Run \`kind\` must be one of ${RUN_KINDS.map((k) => `"${k}"`).join(', ')}.`,
);

/** Any validated run. */
export type V1Run = v.InferOutput<typeof RunSchema>;
/** A validated `job` run. */
export type V1RunJob = Extract<V1Run, { kind: 'job' }>;
/** A validated `service` run. */
export type V1RunService = Extract<V1Run, { kind: 'service' }>;
/** A validated `dag` run. */
export type V1RunDag = Extract<V1Run, { kind: 'dag' }>;
/** A validated `tfjob` run. */
export type V1RunTFJob = Extract<V1Run, { kind: 'tfjob' }>;
/** A validated `pytorchjob` run. */
export type V1RunPytorchJob = Extract<V1Run, { kind: 'pytorchjob' }>;
/** A validated `mpijob` run. */
export type V1RunMPIJob = Extract<V1Run, { kind: 'mpijob' }>;
/** A validated `raycluster` run. */
export type V1RunRayCluster = Extract<V1Run, { kind: 'raycluster' }>;
/** A validated `daskcluster` run. */
export type V1RunDaskCluster = Extract<V1Run, { kind: 'daskcluster' }>;
/** A validated `notifier` run. */
export type V1RunNotifier = Extract<V1Run, { kind: 'notifier' }>;
/** A validated `tuner` run. */
export type V1RunTuner = Extract<V1Run, { kind: 'tuner' }>;
/** A validated `cleaner` run. */
export type V1RunCleaner = Extract<V1Run, { kind: 'cleaner' }>;

/**
 * The schema validating a run of `kind` (e.g. for `runPatch` at compile time).
 *
 * @param kind - A run kind.
 * @returns The schema, or undefined for kinds upstream does not accept.
 */
export function runSchemaFor(kind: string): v.GenericSchema | undefined {
  const parts = (RUN_PARTS as Record<string, ModelParts<Entries> | undefined>)[kind];
  return parts && finished(parts);
}

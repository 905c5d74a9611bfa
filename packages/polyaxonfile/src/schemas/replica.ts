// Fields shared by jobs and the replicas of distributed runs.
import * as v from 'valibot';
import { anyObject, boolOrRef, intOrRef, listOrRef, model, oneOf, opt, orRef, strictStr, strListOrRef, dict } from './common';
import { EnvironmentSchema } from './environment';
import { InitSchema } from './init';
import { ContainerSchema, ResourceRequirementsSchema, VolumeSchema } from './k8s';

/** Fields of a job-like run or replica: environment, connections, volumes, init, sidecars, container. */
export const jobEntries = {
  environment: opt(orRef(EnvironmentSchema)),
  connections: opt(strListOrRef),
  volumes: opt(listOrRef(VolumeSchema)),
  init: opt(listOrRef(InitSchema)),
  sidecars: opt(listOrRef(ContainerSchema)),
  container: opt(ContainerSchema),
};

/** A Kubeflow replica (tfjob/pytorchjob/mpijob) or Dask replica. */
export const KFReplicaSchema = model({ replicas: opt(intOrRef), ...jobEntries });

/** A validated Kubeflow/Dask replica. */
export type V1KFReplica = v.InferOutput<typeof KFReplicaSchema>;

/** A Ray replica (head or worker group). */
export const RayReplicaSchema = model({
  replicas: opt(intOrRef),
  minReplicas: opt(intOrRef),
  maxReplicas: opt(intOrRef),
  rayStartParams: opt(dict(v.string(), 'Expected a map of strings.')),
  ...jobEntries,
});

/** A validated Ray replica. */
export type V1RayReplica = v.InferOutput<typeof RayReplicaSchema>;

/** Kubeflow `cleanPodPolicy` (case-sensitive). */
export const CleanPodPolicySchema = oneOf(['All', 'Running', 'None'] as const, 'cleanPodPolicy');

/** Kubeflow `schedulingPolicy`. */
export const SchedulingPolicySchema = model({
  minAvailable: opt(intOrRef),
  queue: opt(strictStr),
  minResources: opt(intOrRef),
  priorityClass: opt(strictStr),
  scheduleTimeoutSeconds: opt(intOrRef),
});

/** PyTorch elastic policy (note the `Metrics` alias). */
export const PytorchElasticPolicySchema = model({
  minReplicas: opt(intOrRef),
  maxReplicas: opt(intOrRef),
  rdvzBackend: opt(strictStr),
  rdvzPort: opt(intOrRef),
  rdvzHost: opt(strictStr),
  rdvzId: opt(strictStr),
  rdvzConf: opt(v.array(anyObject)),
  standalone: opt(boolOrRef),
  nProcPerNode: opt(intOrRef),
  maxRestarts: opt(intOrRef),
  Metrics: opt(v.array(anyObject)),
}, { metrics: 'Metrics' });

/** Ray autoscaler options. */
export const RayAutoscalerOptionsSchema = model({
  upscalingMode: opt(strictStr),
  imagePullPolicy: opt(strictStr),
  resources: opt(orRef(ResourceRequirementsSchema)),
});

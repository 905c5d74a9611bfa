import * as v from 'valibot';
import { genericStrMap, laxBool, laxInt, model, oneOf, opt, strictStr, strList } from './common';
import { AffinitySchema, HostAliasSchema, PodDNSConfigSchema, SecurityContextSchema, TolerationSchema } from './k8s';

/** `environment`: pod-level settings of a run or replica (V1Environment). */
export const EnvironmentSchema = model({
  labels: opt(genericStrMap),
  annotations: opt(genericStrMap),
  nodeSelector: opt(genericStrMap),
  affinity: opt(AffinitySchema),
  tolerations: opt(v.array(TolerationSchema, 'Expected a list of tolerations.')),
  nodeName: opt(strictStr),
  serviceAccountName: opt(strictStr),
  hostAliases: opt(v.array(HostAliasSchema, 'Expected a list of host aliases.')),
  securityContext: opt(SecurityContextSchema),
  imagePullSecrets: opt(strList),
  hostNetwork: opt(laxBool),
  hostPID: opt(laxBool),
  dnsPolicy: opt(strictStr),
  dnsConfig: opt(PodDNSConfigSchema),
  schedulerName: opt(strictStr),
  priorityClassName: opt(strictStr),
  priority: opt(laxInt),
  restartPolicy: opt(oneOf(['Always', 'OnFailure', 'Never', 'ExitCode'] as const, 'restartPolicy')),
}, { host_pid: 'hostPID' });

/** A validated `environment` section. */
export type V1Environment = v.InferOutput<typeof EnvironmentSchema>;

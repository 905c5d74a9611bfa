import type * as v from 'valibot';
import { intOrRef, laxInt, model, opt, orRef } from './common';
import { ExecActionSchema, HTTPGetActionSchema, PodFailurePolicySchema } from './k8s';

/** Activity probe (`exec` / `http`). */
export const ActivityProbeSchema = model({
  exec: opt(ExecActionSchema),
  http: opt(HTTPGetActionSchema),
}, { var_exec: 'exec' });

/** `termination` (V1Termination): strict ints or refs. */
export const TerminationSchema = model({
  maxRetries: opt(intOrRef),
  ttl: opt(intOrRef),
  timeout: opt(intOrRef),
  culling: opt(model({ timeout: opt(laxInt) })),
  probe: opt(ActivityProbeSchema),
  podFailurePolicy: opt(orRef(PodFailurePolicySchema)),
});

/** A validated `termination` section. */
export type V1Termination = v.InferOutput<typeof TerminationSchema>;

import * as v from 'valibot';
import { boolOrRef, floatOrRef, intOrRef, modelParts, oneOf, opt, strictStr, tagged } from './common';

/** `maximize` / `minimize`. */
export const OptimizationSchema = oneOf(['maximize', 'minimize'] as const, 'optimization');

/** Early-stopping policy, tagged on `kind` (median, truncation, diff). */
export const EarlyStoppingPolicySchema = tagged(
  [
    modelParts({
      kind: v.literal('median'),
      evaluationInterval: opt(intOrRef),
      minInterval: opt(intOrRef),
      minSamples: opt(intOrRef),
    }),
    modelParts({
      kind: v.literal('truncation'),
      percent: floatOrRef,
      evaluationInterval: intOrRef,
      minInterval: opt(intOrRef),
      minSamples: opt(intOrRef),
      includeSucceeded: opt(boolOrRef),
    }),
    modelParts({
      kind: v.literal('diff'),
      percent: floatOrRef,
      evaluationInterval: intOrRef,
      minInterval: opt(intOrRef),
      minSamples: opt(intOrRef),
    }),
  ],
  'Policy `kind` must be one of "median", "truncation", "diff".',
);

/** One early-stopping rule, tagged on `kind` (metric_early_stopping, failure_early_stopping). */
export const EarlyStoppingSchema = tagged(
  [
    modelParts({
      kind: v.literal('metric_early_stopping'),
      metric: strictStr,
      value: floatOrRef,
      optimization: v.union([v.number(), OptimizationSchema], 'Expected "maximize", "minimize" or a number.'),
      policy: opt(EarlyStoppingPolicySchema),
    }),
    modelParts({
      kind: v.literal('failure_early_stopping'),
      percent: floatOrRef,
    }),
  ],
  'Early stopping `kind` must be one of "metric_early_stopping", "failure_early_stopping".',
);

/** A validated early-stopping rule. */
export type V1EarlyStopping = v.InferOutput<typeof EarlyStoppingSchema>;

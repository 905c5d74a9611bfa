// `matrix`: tagged union on `kind` (grid, random, hyperband, bayes, hyperopt,
// iterative, mapping), with upstream's per-kind checks.
import * as v from 'valibot';
import {
  anyObject,
  boolOrRef,
  floatOrRef,
  intOrRef,
  isPlainObject,
  laxFloat,
  laxInt,
  listOrRef,
  model,
  modelParts,
  oneOf,
  opt,
  orRef,
  positiveInt,
  positiveIntOrRef,
  strictPositiveInt,
  strictStr,
  strListOrRef,
  tagged,
  piped,
} from './common';
import { EarlyStoppingSchema, OptimizationSchema } from './early-stopping';
import { DISTRIBUTION_KINDS, HpParamsMapSchema } from './hyperparams';
import { FullParamsMapSchema } from './param';

/** `metric` of an optimisation (V1OptimizationMetric). */
export const OptimizationMetricSchema = model({ name: strictStr, optimization: opt(OptimizationSchema) });

/** `resource` of hyperband (V1OptimizationResource). */
export const OptimizationResourceSchema = model({ name: strictStr, type: opt(oneOf(['int', 'float'] as const, 'resource type')) });

/** `tuner` (V1Tuner). */
export const TunerSchema = model({
  hubRef: strictStr,
  presets: opt(strListOrRef),
  queue: opt(strictStr),
  namespace: opt(strictStr),
  params: opt(orRef(FullParamsMapSchema)),
});

const GaussianProcessSchema = model({
  kernel: opt(oneOf(['rbf', 'matern'] as const, 'kernel')),
  lengthScale: opt(laxFloat),
  nu: opt(laxFloat),
  numRestartsOptimizer: opt(laxInt),
});

/** Bayes `utilityFunction`. */
export const UtilityFunctionSchema = piped(
  model({
    acquisitionFunction: opt(oneOf(['ucb', 'ei', 'poi'] as const, 'acquisitionFunction')),
    gaussianProcess: opt(GaussianProcessSchema),
    kappa: opt(laxFloat),
    eps: opt(laxFloat),
    numWarmup: opt(laxInt),
    numIterations: opt(laxInt),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { acquisitionFunction, kappa, eps } = dataset.value;
    const fn = acquisitionFunction ?? 'ucb';
    if (fn === 'ucb' && (kappa === undefined || kappa === null)) addIssue({ message: 'the acquisition function `ucb` requires a parameter `kappa`' });
    if ((fn === 'ei' || fn === 'poi') && (eps === undefined || eps === null)) addIssue({ message: `the acquisition function \`${fn}\` requires a parameter \`eps\`` });
  }),
);

const earlyStopping = opt(listOrRef(EarlyStoppingSchema));
const hpParams = orRef(HpParamsMapSchema);
const nonNegativeFloatOrRef = v.pipe(
  floatOrRef,
  v.check((x) => typeof x === 'string' || x >= 0, 'Input should be greater than or equal to 0'),
);

/** Grid search. */
export const GridSearchParts = modelParts({
  kind: v.literal('grid'),
  params: HpParamsMapSchema,
  numRuns: opt(strictPositiveInt),
  concurrency: opt(strictPositiveInt),
  earlyStopping,
});
/** Random search. */
export const RandomSearchParts = modelParts({
  kind: v.literal('random'),
  params: hpParams,
  numRuns: strictPositiveInt,
  seed: opt(intOrRef),
  concurrency: opt(strictPositiveInt),
  earlyStopping,
});
/** Hyperband. */
export const HyperbandParts = modelParts({
  kind: v.literal('hyperband'),
  params: opt(hpParams),
  maxIterations: opt(positiveInt),
  eta: opt(nonNegativeFloatOrRef),
  resource: opt(OptimizationResourceSchema),
  metric: opt(OptimizationMetricSchema),
  resume: opt(boolOrRef),
  seed: opt(intOrRef),
  concurrency: opt(positiveIntOrRef),
  tuner: opt(TunerSchema),
  earlyStopping,
});
/** Bayesian optimisation. */
export const BayesParts = modelParts({
  kind: v.literal('bayes'),
  utilityFunction: opt(UtilityFunctionSchema),
  numInitialRuns: positiveIntOrRef,
  maxIterations: positiveIntOrRef,
  metric: OptimizationMetricSchema,
  params: HpParamsMapSchema,
  seed: opt(orRef(v.pipe(v.number(), v.integer()))),
  concurrency: opt(positiveIntOrRef),
  tuner: opt(orRef(TunerSchema)),
  earlyStopping,
});
/** Hyperopt. */
export const HyperoptParts = modelParts({
  kind: v.literal('hyperopt'),
  maxIterations: opt(intOrRef),
  metric: OptimizationMetricSchema,
  algorithm: opt(oneOf(['tpe', 'rand', 'anneal'] as const, 'algorithm')),
  params: hpParams,
  numRuns: opt(strictPositiveInt),
  seed: opt(intOrRef),
  concurrency: opt(strictPositiveInt),
  tuner: opt(TunerSchema),
  earlyStopping,
});
/** Iterative. */
export const IterativeParts = modelParts({
  kind: v.literal('iterative'),
  params: opt(hpParams),
  maxIterations: strictPositiveInt,
  seed: opt(intOrRef),
  concurrency: opt(strictPositiveInt),
  tuner: opt(TunerSchema),
  earlyStopping,
});
/** Mapping: one run per object of `values`. */
export const MappingParts = modelParts({
  kind: v.literal('mapping'),
  values: orRef(v.array(anyObject, 'Expected a list of objects.')),
  concurrency: opt(positiveInt),
  earlyStopping,
});

/** Matrix kinds accepted in `matrix.kind`. */
export const MATRIX_KINDS = ['grid', 'random', 'hyperband', 'bayes', 'hyperopt', 'iterative', 'mapping'] as const;

/** `matrix`: tagged on `kind`; not Ref-able as a whole. */
export const MatrixSchema = piped(
  tagged(
    [GridSearchParts, RandomSearchParts, HyperbandParts, BayesParts, HyperoptParts, IterativeParts, MappingParts],
    `Matrix \`kind\` must be one of ${MATRIX_KINDS.map((k) => `"${k}"`).join(', ')}.`,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const matrix = dataset.value;
    if ((matrix.kind !== 'grid' && matrix.kind !== 'bayes') || !isPlainObject(matrix.params)) return;
    for (const [key, hp] of Object.entries(matrix.params)) {
      const kind = (hp as { kind: string }).kind;
      if (!DISTRIBUTION_KINDS.has(kind)) continue;
      if (matrix.kind === 'grid') {
        addIssue({ message: `\`${key}\` defines a distribution, and it cannot be used with grid search.`, path: [{ type: 'object', origin: 'value', input: matrix.params, key: 'params', value: matrix.params }] });
      } else if (kind !== 'uniform') {
        addIssue({ message: `\`${key}\` defines a non uniform distribution, and it cannot be used with bayesian optimization.`, path: [{ type: 'object', origin: 'value', input: matrix.params, key: 'params', value: matrix.params }] });
      }
    }
  }),
);

/** A validated matrix. */
export type V1Matrix = v.InferOutput<typeof MatrixSchema>;

/**
 * Whether a matrix provides a value for `name` (grid/random/... `params`,
 * hyperband `resource.name`, mapping first row or Ref).
 *
 * @param matrix - A validated matrix.
 * @param name - An input name.
 * @returns True when the matrix supplies it.
 */
export function matrixHasParam(matrix: V1Matrix, name: string): boolean {
  if (matrix.kind === 'mapping') {
    if (typeof matrix.values === 'string') return true;
    const first = matrix.values[0];
    return first !== undefined && name in first;
  }
  if (matrix.kind === 'hyperband' && matrix.resource?.name === name) return true;
  const params = matrix.params;
  return isPlainObject(params) && name in params;
}


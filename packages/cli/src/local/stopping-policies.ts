// The policies of `metric_early_stopping` rules (`median`, `truncation`, `diff`), as pure functions
// over the metric series of a sweep's children. Upstream defines them (schema and docs) but never
// evaluates them (haupt's scheduler ignores a rule that has a policy), so px follows their docs:
// - median: stop a run whose best value so far is worse than the median of the other runs' running
//   averages up to the same step;
// - truncation: at each evaluation, stop the running runs in the worst `percent` % (succeeded runs
//   take part in the ranking with `includeSucceeded`);
// - diff: stop a run whose best value so far is worse than the best run's by more than `percent` %.
import { CliError } from '../errors';
import { isObj } from './is-obj';

/** A parsed `metric_early_stopping` rule with a policy. */
export interface PolicyRule {
  readonly kind: 'median' | 'truncation' | 'diff';
  readonly metric: string;
  readonly maximize: boolean;
  /** Steps between two evaluations of a run. */
  readonly evaluationInterval: number;
  /** Evaluation intervals a run completes before its first evaluation. */
  readonly minInterval: number;
  /** Other runs with values needed to evaluate a run. */
  readonly minSamples: number;
  /** truncation and diff: a percentage (0–100], as `failure_early_stopping`'s. */
  readonly percent: number;
  /** truncation: succeeded runs take part in the ranking. */
  readonly includeSucceeded: boolean;
}

/** One value of a run's metric. */
export interface MetricValue {
  readonly step: number;
  readonly value: number;
}

/** A child as the policies see it. */
export interface PolicyRun {
  readonly id: string;
  /** `running`, or a final status. */
  readonly status: string;
  /** The values of the rule's metric, in step order. */
  readonly values: readonly MetricValue[];
}

const POLICY_KINDS = ['median', 'truncation', 'diff'] as const;

function count(policy: Record<string, unknown>, key: string, where: string, fallback: number | undefined): number {
  const value = policy[key] ?? fallback;
  if (value === undefined) throw new CliError(`${where}: the \`${policy.kind as string}\` policy needs \`${key}\`.`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new CliError(`${where}: the policy's \`${key}\` must be a positive integer, got \`${JSON.stringify(value)}\`.`);
  return value;
}

/**
 * The policy of a `metric_early_stopping` rule, or `undefined` when it has none.
 *
 * @param where - names the rule in errors (`matrix.earlyStopping[0]`)
 * @throws {@link CliError} for an unknown kind or a bad field, naming it
 */
export function policyRule(rule: Readonly<Record<string, unknown>>, where: string): PolicyRule | undefined {
  if (rule.kind !== 'metric_early_stopping' || rule.policy === undefined || rule.policy === null) return undefined;
  const policy = rule.policy;
  if (!isObj(policy) || !(POLICY_KINDS as readonly unknown[]).includes(policy.kind)) {
    throw new CliError(`${where}.policy: expected a policy of kind ${POLICY_KINDS.join(', ')}, got \`${JSON.stringify(isObj(policy) ? policy.kind : policy)}\`.`);
  }
  const kind = policy.kind as PolicyRule['kind'];
  const needsPercent = kind !== 'median';
  let percent = Number.NaN;
  if (needsPercent) {
    percent = typeof policy.percent === 'number' ? policy.percent : Number.NaN;
    if (!(percent > 0 && percent <= 100)) throw new CliError(`${where}.policy: \`percent\` must be a number in (0, 100], got \`${JSON.stringify(policy.percent)}\`.`);
  }
  const includeSucceeded = policy.includeSucceeded ?? false;
  if (typeof includeSucceeded !== 'boolean') throw new CliError(`${where}.policy: \`includeSucceeded\` must be a boolean.`);
  return {
    kind,
    metric: String(rule.metric),
    maximize: rule.optimization !== 'minimize',
    evaluationInterval: count(policy, 'evaluationInterval', `${where}.policy`, needsPercent ? undefined : 1),
    minInterval: count(policy, 'minInterval', `${where}.policy`, 1),
    minSamples: count(policy, 'minSamples', `${where}.policy`, 1),
    percent,
    includeSucceeded,
  };
}

/** The step at which a run whose last value is at `lastStep` is evaluated, or `undefined` when it is not yet. */
export function checkpointOf(rule: PolicyRule, lastStep: number): number | undefined {
  const checkpoint = Math.floor(lastStep / rule.evaluationInterval) * rule.evaluationInterval;
  return checkpoint >= rule.evaluationInterval * rule.minInterval ? checkpoint : undefined;
}

function upTo(values: readonly MetricValue[], step: number): number[] {
  return values.filter((v) => v.step <= step && !Number.isNaN(v.value)).map((v) => v.value);
}

function bestOf(values: readonly number[], maximize: boolean): number | undefined {
  if (values.length === 0) return undefined;
  return maximize ? Math.max(...values) : Math.min(...values);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const worse = (a: number, b: number, maximize: boolean): boolean => (maximize ? a < b : a > b);

/**
 * Whether `rule` stops `run` at `step` (a checkpoint of the run), given the other children.
 *
 * @returns the reason (naming the policy), or `undefined` to let it go on
 */
export function policyVerdict(rule: PolicyRule, run: PolicyRun, others: readonly PolicyRun[], step: number): string | undefined {
  const best = bestOf(upTo(run.values, step), rule.maximize);
  if (best === undefined) return undefined;
  const label = `Early stopping (${rule.kind} policy on ${rule.metric})`;
  if (rule.kind === 'median') {
    const averages = others.map((o) => upTo(o.values, step)).filter((v) => v.length > 0).map((v) => v.reduce((a, b) => a + b, 0) / v.length);
    if (averages.length < rule.minSamples) return undefined;
    const m = median(averages);
    return worse(best, m, rule.maximize) ? `${label}: best ${best} at step ${step} is worse than the median ${m} of ${averages.length} other runs' running averages.` : undefined;
  }
  if (rule.kind === 'diff') {
    const bests = others.map((o) => bestOf(upTo(o.values, step), rule.maximize)).filter((v): v is number => v !== undefined);
    if (bests.length < rule.minSamples) return undefined;
    const top = bestOf(bests, rule.maximize)!;
    const gap = rule.maximize ? top - best : best - top;
    return gap > (Math.abs(top) * rule.percent) / 100 ? `${label}: best ${best} at step ${step} is more than ${rule.percent}% worse than the best run's ${top}.` : undefined;
  }
  // truncation: the worst `percent` % of the ranked runs stop
  const ranked = others
    .filter((o) => o.status === 'running' || (rule.includeSucceeded && o.status === 'succeeded'))
    .map((o) => bestOf(upTo(o.values, step), rule.maximize))
    .filter((v): v is number => v !== undefined);
  if (ranked.length < rule.minSamples) return undefined;
  const cut = Math.floor(((ranked.length + 1) * rule.percent) / 100);
  const worseThanRun = ranked.filter((v) => worse(v, best, rule.maximize)).length;
  return worseThanRun < cut ? `${label}: best ${best} at step ${step} is in the worst ${rule.percent}% of ${ranked.length + 1} runs.` : undefined;
}

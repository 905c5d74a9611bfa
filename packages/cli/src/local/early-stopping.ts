// Early stopping of a local sweep (upstream's `metric_early_stopping` and `failure_early_stopping`
// conditions), evaluated on the children that finished so far.

/** A finished child as early stopping sees it. */
export interface FinishedChild {
  readonly status: string;
  /** The child's outputs (its last metric values, as `@px/tracking` records them). */
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** Why a sweep stops early, and how it ends (as upstream: `succeeded` on a metric, `failed` on failures). */
export interface EarlyStop {
  readonly message: string;
  readonly status: 'succeeded' | 'failed';
}

/** Why the sweep stops, or `undefined` to go on. */
export function earlyStoppingReason(rules: readonly Record<string, unknown>[], finished: readonly FinishedChild[], total: number): EarlyStop | undefined {
  for (const rule of rules) {
    // a rule with a policy stops single runs (see `stopping-policies.ts`), as upstream never stops the sweep for it
    if (rule.kind === 'metric_early_stopping' && (rule.policy === undefined || rule.policy === null)) {
      const metric = String(rule.metric);
      const target = Number(rule.value);
      const maximize = rule.optimization !== 'minimize';
      for (const child of finished) {
        const value = child.outputs[metric];
        if (typeof value !== 'number' || Number.isNaN(value)) continue;
        if (maximize ? value >= target : value <= target) {
          return { message: `Early stopping: a run reached ${metric}=${value} (${maximize ? '>=' : '<='} ${target}).`, status: 'succeeded' };
        }
      }
    } else if (rule.kind === 'failure_early_stopping') {
      const failed = finished.filter((c) => c.status === 'failed').length;
      const percent = Number(rule.percent);
      if (total > 0 && failed > 0 && (failed / total) * 100 >= percent) {
        return { message: `Early stopping: ${failed} of ${total} runs failed (>= ${percent}%).`, status: 'failed' };
      }
    }
  }
  return undefined;
}

// Early stopping of a local sweep (upstream's `metric_early_stopping` and `failure_early_stopping`
// conditions), evaluated on the children that finished so far.

/** A finished child as early stopping sees it. */
export interface FinishedChild {
  readonly status: string;
  /** The child's outputs (its last metric values, as `@px/tracking` records them). */
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** Why the sweep stops, or `undefined` to go on. */
export function earlyStoppingReason(rules: readonly Record<string, unknown>[], finished: readonly FinishedChild[], total: number): string | undefined {
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
          return `Early stopping: a run reached ${metric}=${value} (${maximize ? '>=' : '<='} ${target}).`;
        }
      }
    } else if (rule.kind === 'failure_early_stopping') {
      const failed = finished.filter((c) => c.status === 'failed').length;
      const percent = Number(rule.percent);
      if (total > 0 && failed > 0 && (failed / total) * 100 >= percent) {
        return `Early stopping: ${failed} of ${total} runs failed (>= ${percent}%).`;
      }
    }
  }
  return undefined;
}

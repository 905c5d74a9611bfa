// A local sweep: a parent run (kind `matrix`) and one child run per suggestion, `concurrency` at
// a time, stopped early when an `earlyStopping` rule is met; the children's table at the end.
import { cellText } from '../output/table';
import { earlyStoppingReason, type EarlyStop, type FinishedChild } from './early-stopping';
import type { JobRecord } from './job-runner';
import { inputsOf, planJob } from './local-plan';
import type { LocalSession } from './local-session';
import { PolicyMonitor } from './policy-monitor';
import type { StopController } from './signals';
import { runPool } from './run-pool';
import { resultsTable, type ChildRow, type RankBy } from './results-table';
import type { Suggestion } from './matrix-suggestions';
import type { PolicyRule } from './stopping-policies';

/** A validated sweep. */
export interface SweepPlan {
  readonly name: string | undefined;
  readonly matrix: Record<string, unknown>;
  readonly suggestions: readonly Suggestion[];
  /** Each child's compiled operation. */
  readonly children: readonly Record<string, unknown>[];
  readonly concurrency: number;
  readonly rules: readonly Record<string, unknown>[];
  /** The policies of its `metric_early_stopping` rules, applied to running children. */
  readonly policies: readonly PolicyRule[];
  readonly rank: RankBy | undefined;
}

/** The metric a sweep ranks its children by: the matrix `metric`, else the first metric early-stopping rule. */
export function rankOf(matrix: Record<string, unknown>): RankBy | undefined {
  const metric = matrix.metric as { name?: unknown; optimization?: unknown } | undefined;
  if (metric !== undefined && typeof metric.name === 'string') return { name: metric.name, maximize: metric.optimization !== 'minimize' };
  const rules = Array.isArray(matrix.earlyStopping) ? (matrix.earlyStopping as Record<string, unknown>[]) : [];
  const rule = rules.find((r) => r.kind === 'metric_early_stopping');
  return rule === undefined ? undefined : { name: String(rule.metric), maximize: rule.optimization !== 'minimize' };
}

/** Runs the sweep; resolves to the parent's final status. */
export async function runSweep(session: LocalSession, plan: SweepPlan, parentContent: Record<string, unknown>): Promise<string> {
  const parent = await session.createRecord({ name: plan.name, kind: 'matrix', content: parentContent });
  session.print.line(`Sweep ${parent.uuid} (${plan.matrix.kind as string}): ${plan.children.length} runs, ${plan.concurrency} at a time.`);
  await parent.setStatus('running');
  const finished: FinishedChild[] = [];
  const rows: ChildRow[] = [];
  let early: EarlyStop | undefined;
  const running = new Set<StopController>();
  const records: (JobRecord | undefined)[] = [];
  const monitor = new PolicyMonitor(plan.policies, (message) => session.print.warning(message));
  monitor.start();
  const started = await runPool(
    plan.children.length,
    plan.concurrency,
    async (index) => {
      const compiled = plan.children[index]!;
      const childName = `${plan.name ?? 'run'}-${index + 1}`;
      const record = await session.createRecord({ name: childName, kind: cellText((compiled.run as { kind?: unknown }).kind ?? 'job'), content: compiled, inputs: inputsOf(compiled), pipeline: { uuid: parent.uuid, name: plan.name, kind: 'matrix' } });
      records[index] = record;
      const job = planJob(compiled, session.globals(record, index));
      const prefix = plan.concurrency > 1 ? `[${childName}] ` : undefined;
      // each child has its own stop controller: early stopping stops it alone
      const stop = session.stop.fork();
      running.add(stop);
      monitor.add(record.uuid, record.path, stop);
      const result = await session.runJob(record, job, prefix, stop);
      running.delete(stop);
      session.stop.release(stop);
      await monitor.finished(record.uuid, result.status);
      finished.push({ status: result.status, outputs: record.outputs });
      rows[index] = { uuid: record.uuid, name: record.name, status: result.status, params: plan.suggestions[index]!, outputs: record.outputs };
      if (early === undefined) {
        early = earlyStoppingReason(plan.rules, finished, plan.children.length);
        if (early !== undefined) {
          session.print.warning(early.message);
          // as upstream, the sweep's running children are stopped too, and the rest never start
          for (const other of running) other.stopWith(early.message);
        }
      }
    },
    () => early !== undefined || session.stop.stopping,
  );
  monitor.close();
  // suggestions never started are recorded as skipped children, so the sweep stays complete
  for (let index = 0; index < plan.children.length; index++) {
    if (started.includes(index)) continue;
    const compiled = plan.children[index]!;
    const record = await session.createRecord({ name: `${plan.name ?? 'run'}-${index + 1}`, kind: 'job', content: compiled, inputs: inputsOf(compiled), pipeline: { uuid: parent.uuid, name: plan.name, kind: 'matrix' } });
    const why = session.stop.stopping ? 'Stopped before it started.' : (early?.message ?? 'Not started.');
    await record.finish(session.stop.stopping ? 'stopped' : 'skipped', why);
    rows[index] = { uuid: record.uuid, name: record.name, status: record.status ?? 'skipped', params: plan.suggestions[index]!, outputs: {} };
  }
  const done = rows.filter((r): r is ChildRow => r !== undefined);
  session.print.line(resultsTable(done, plan.rank));
  let status: 'succeeded' | 'failed' | 'stopped' = 'succeeded';
  if (session.stop.stopping) status = 'stopped';
  else if (early !== undefined) status = early.status;
  else if (done.some((r) => r.status === 'failed')) status = 'failed';
  const best = plan.rank === undefined ? undefined : done.find((r) => typeof r.outputs[plan.rank!.name] === 'number');
  if (best !== undefined && plan.rank !== undefined) {
    const ranked = [...done].filter((r) => typeof r.outputs[plan.rank!.name] === 'number').sort((a, b) => ((b.outputs[plan.rank!.name] as number) - (a.outputs[plan.rank!.name] as number)) * (plan.rank!.maximize ? 1 : -1));
    await parent.logOutputs({ best_run: ranked[0]!.uuid, [plan.rank.name]: ranked[0]!.outputs[plan.rank.name] });
  }
  const failed = done.filter((r) => r.status === 'failed').length;
  await parent.finish(status, early?.message ?? (failed > 0 ? `${failed} of ${done.length} runs failed.` : undefined));
  session.print.line(`Sweep ${parent.uuid}: ${status}.`);
  return status;
}

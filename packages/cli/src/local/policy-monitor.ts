// Applies the early-stopping policies of a local sweep while its children run: every few hundred
// milliseconds it reads each running child's metric events (`<run folder>/events/metric/<name>.plx`,
// as `@px/tracking` and upstream's tracking write them) and stops, with a reason naming the policy,
// the children a policy condemns at their latest checkpoint.
import { join } from 'node:path';
import { MetricTail } from './metric-tail';
import type { StopController } from './signals';
import { checkpointOf, policyVerdict, type PolicyRule, type PolicyRun } from './stopping-policies';

const TICK_MS = 200;
/** A stopped child that ignores SIGTERM is killed after this long. */
const KILL_AFTER_MS = 10_000;

interface Child {
  readonly id: string;
  readonly stop: StopController;
  status: string;
  /** The metric files followed, per metric. */
  readonly tails: Map<string, MetricTail>;
  /** Last checkpoint evaluated per rule. */
  evaluated: Map<PolicyRule, number>;
}

/** Watches the children of one sweep and stops those a policy condemns. */
export class PolicyMonitor {
  private readonly children = new Map<string, Child>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private readFailed = false;

  constructor(
    private readonly rules: readonly PolicyRule[],
    private readonly notice: (message: string) => void,
  ) {}

  /** Starts watching (no-op without rules). */
  start(): void {
    if (this.rules.length === 0 || this.timer !== undefined) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** Stops watching. */
  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A child that started, with its run folder and its own stop controller. */
  add(id: string, path: string, stop: StopController): void {
    const tails = new Map([...new Set(this.rules.map((r) => r.metric))].map((metric) => [metric, new MetricTail(join(path, 'events', 'metric', `${metric}.plx`))]));
    this.children.set(id, { id, stop, status: 'running', tails, evaluated: new Map() });
  }

  /** A child that ended: its last values stay for comparing the others. */
  async finished(id: string, status: string): Promise<void> {
    const child = this.children.get(id);
    if (child === undefined) return;
    for (const tail of child.tails.values()) await tail.read(true);
    child.status = status;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const running = [...this.children.values()].filter((c) => c.status === 'running' && !c.stop.stopping);
      for (const child of running) for (const tail of child.tails.values()) await tail.read();
      for (const child of running) this.evaluate(child);
    } catch (error) {
      // an unreadable metric file must not end the sweep: the policies wait for the next tick (said once)
      if (!this.readFailed) this.notice(`Early-stopping policies could not read the runs' metrics: ${error instanceof Error ? error.message : String(error)}`);
      this.readFailed = true;
    } finally {
      this.ticking = false;
    }
  }

  private evaluate(child: Child): void {
    for (const rule of this.rules) {
      if (child.stop.stopping) return;
      const values = child.tails.get(rule.metric)?.values ?? [];
      const last = values.at(-1);
      const checkpoint = last === undefined ? undefined : checkpointOf(rule, last.step);
      if (checkpoint === undefined || (child.evaluated.get(rule) ?? -1) >= checkpoint) continue;
      child.evaluated.set(rule, checkpoint);
      const view = (c: Child): PolicyRun => ({ id: c.id, status: c.status, values: c.tails.get(rule.metric)?.values ?? [] });
      const others = [...this.children.values()].filter((c) => c !== child).map(view);
      const reason = policyVerdict(rule, view(child), others, checkpoint);
      if (reason === undefined) continue;
      this.notice(`${reason} Stopping run ${child.id}.`);
      child.stop.stopWith(reason);
      setTimeout(() => child.stop.receive('SIGKILL'), KILL_AFTER_MS).unref();
    }
  }
}

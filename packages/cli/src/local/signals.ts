// Ctrl-C and SIGTERM while local runs execute: the first signal is forwarded to every running
// child (to its process group), which then ends as `stopped`; a second one kills them.
import type { ChildProcess } from 'node:child_process';

/** Tracks the running children and the stop request. */
export class StopController {
  private readonly children = new Set<ChildProcess>();
  private readonly forks = new Set<StopController>();
  private signals = 0;
  private installed = false;
  /** The first signal received, if any. */
  signal: NodeJS.Signals | undefined;
  /** Why the runs were stopped, when it was not a signal to px (see {@link StopController.stopWith}). */
  reason: string | undefined;
  private readonly onSignal = (signal: NodeJS.Signals): void => this.receive(signal);

  constructor(private readonly notice: (message: string) => void) {}

  /** Whether a stop was requested. */
  get stopping(): boolean {
    return this.signal !== undefined;
  }

  /** Listens to SIGINT and SIGTERM until {@link StopController.dispose}. */
  install(): void {
    if (this.installed) return;
    this.installed = true;
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  /** Stops listening. */
  dispose(): void {
    if (!this.installed) return;
    this.installed = false;
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }

  /** A child to forward signals to, until it exits. */
  track(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    if (this.signals >= 2) kill(child, 'SIGKILL');
    else if (this.signal !== undefined) kill(child, this.signal);
  }

  /** A controller for one run: it stops when this one does, and can also be stopped alone. */
  fork(): StopController {
    const fork = new StopController(() => undefined);
    this.forks.add(fork);
    if (this.signal !== undefined) fork.receive(this.signal);
    return fork;
  }

  /** Forgets a fork whose run ended. */
  release(fork: StopController): void {
    this.forks.delete(fork);
  }

  /** Stops the runs of this controller (SIGTERM) with `reason` as their status message (early stopping). */
  stopWith(reason: string): void {
    this.reason ??= reason;
    this.receive('SIGTERM');
  }

  /** Handles one signal (also used by tests and the sweep's early stopping). */
  receive(signal: NodeJS.Signals): void {
    this.signals += 1;
    this.signal ??= signal;
    for (const fork of this.forks) fork.receive(signal);
    if (this.signals === 1) {
      this.notice(`Received ${signal}: stopping the local run${this.children.size + this.forks.size > 1 ? 's' : ''} (press Ctrl-C again to kill).`);
      for (const child of this.children) kill(child, signal);
    } else {
      this.notice('Killing the local runs.');
      for (const child of this.children) kill(child, 'SIGKILL');
    }
  }
}

/** Signals a child's process group (children are started in their own group), else the child. */
export function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

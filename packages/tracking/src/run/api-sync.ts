/** What a background API call does; it may throw and will be retried. */
export type ApiTask = () => Promise<unknown>;

/** Options of an {@link ApiSync} queue. */
export interface ApiSyncOptions {
  /** Called once when calls start failing (and again only after a success). */
  warn: (message: string) => void;
  /** First retry delay in ms (doubles up to 30 s). */
  retryDelayMs?: number;
}

interface Entry {
  label: string;
  task: ApiTask;
  attempts: number;
}

/**
 * A FIFO of fire-and-forget API calls (statuses, meta, outputs, lineage,
 * uploads). Calls run one at a time in order; a failing call is retried with
 * exponential back-off and later calls wait behind it, so nothing is lost
 * or reordered. The first failure prints one warning.
 */
export class ApiSync {
  private readonly queue: Entry[] = [];
  private running: Promise<void> | undefined;
  private failing = false;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private readonly retryDelayMs: number;
  private lastError: unknown;

  constructor(private readonly options: ApiSyncOptions) {
    this.retryDelayMs = options.retryDelayMs ?? 500;
  }

  /** Calls not yet done (including the one running). */
  get pending(): number {
    return this.queue.length;
  }

  /** Labels of the calls not yet done, oldest first. */
  get pendingLabels(): string[] {
    return this.queue.map((e) => e.label);
  }

  /** The last error seen, when calls are failing. */
  get error(): unknown {
    return this.failing ? this.lastError : undefined;
  }

  /** Queues a call. */
  push(label: string, task: ApiTask): void {
    this.queue.push({ label, task, attempts: 0 });
    this.running ??= this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const entry = this.queue[0]!;
        try {
          entry.attempts++;
          await entry.task();
          this.queue.shift();
          this.failing = false;
        } catch (error) {
          this.lastError = error;
          if (!this.failing) {
            this.failing = true;
            const reason = error instanceof Error ? error.message : String(error);
            this.options.warn(
              `Polyaxon API call failed (${entry.label}): ${reason}. Training continues; events stay on disk and calls are retried in the background.`,
            );
          }
          const delay = Math.min(30_000, this.retryDelayMs * 2 ** Math.min(entry.attempts - 1, 6));
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            this.timer = setTimeout(resolve, delay);
            this.timer.unref();
          });
          this.wake = undefined;
        }
      }
    } finally {
      this.running = undefined;
    }
  }

  /**
   * Waits until every queued call succeeded or `timeoutMs` passed; retries
   * waiting for back-off are started right away.
   *
   * @returns true when the queue is empty
   */
  async settle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length > 0 && Date.now() < deadline) {
      if (this.timer) clearTimeout(this.timer);
      this.wake?.();
      this.running ??= this.drain();
      const remaining = deadline - Date.now();
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        this.running,
        new Promise<void>((resolve) => {
          timeout = setTimeout(resolve, Math.max(0, Math.min(remaining, 250)));
        }),
      ]);
      clearTimeout(timeout);
    }
    return this.queue.length === 0;
  }
}

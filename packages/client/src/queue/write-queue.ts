import { BackgroundWriteError, type BackgroundFailure } from './background-error';

const liveQueues = new Set<WriteQueue>();
let exitHookInstalled = false;

/** The warning printed at exit when background writes are still queued (undefined when none). */
export function pendingAtExitMessage(): string | undefined {
  let pending = 0;
  for (const queue of liveQueues) pending += queue.pending;
  return pending === 0
    ? undefined
    : `px: the process exited with ${pending} background write(s) not sent; await flush() (or client.close()) before exiting.\n`;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    const message = pendingAtExitMessage();
    if (message !== undefined) process.stderr.write(message);
  });
}

/** Receives each failed background write exactly once. */
export type BackgroundErrorHandler = (failure: BackgroundFailure) => void;

/**
 * Runs fire-and-forget writes one after the other, in the order they were
 * queued, without blocking the caller. A failure is reported once: to the
 * `onError` hook when there is one, otherwise it is kept for the next
 * {@link WriteQueue.flush} (which throws it) and a single process warning
 * says so, so nothing is ever dropped silently. A process that exits with
 * writes still queued says so on stderr.
 */
export class WriteQueue {
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;
  #failures: BackgroundFailure[] = [];
  #warned = false;
  readonly #onError: BackgroundErrorHandler | undefined;

  constructor(onError?: BackgroundErrorHandler) {
    this.#onError = onError;
  }

  /** How many writes are queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /** Queues `task` after every earlier one. */
  enqueue(operation: string, runUuid: string | undefined, task: () => Promise<unknown>): void {
    installExitHook();
    liveQueues.add(this);
    this.#pending++;
    this.#tail = this.#tail.then(async () => {
      try {
        await task();
      } catch (error) {
        this.#report({ operation, runUuid, error });
      } finally {
        this.#pending--;
        if (this.#pending === 0) liveQueues.delete(this);
      }
    });
  }

  #report(failure: BackgroundFailure): void {
    if (this.#onError !== undefined) {
      try {
        this.#onError(failure);
        return;
      } catch (hookError) {
        failure = { ...failure, error: new AggregateError([failure.error, hookError], 'onError hook threw') };
      }
    }
    this.#failures.push(failure);
    if (!this.#warned) {
      this.#warned = true;
      const message = failure.error instanceof Error ? failure.error.message : String(failure.error);
      process.emitWarning(`px: background ${failure.operation} failed (${message}); await flush() to get every failure`, {
        code: 'PX_BACKGROUND_WRITE_FAILED',
      });
    }
  }

  /**
   * Waits until every queued write has finished.
   *
   * @throws {@link BackgroundWriteError} with the failures not yet reported
   */
  async flush(): Promise<void> {
    while (this.#pending > 0) await this.#tail;
    await this.#tail;
    if (this.#failures.length > 0) {
      const failures = this.#failures;
      this.#failures = [];
      this.#warned = false;
      throw new BackgroundWriteError(failures);
    }
  }
}

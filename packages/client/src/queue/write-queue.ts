import { BackgroundWriteError, type BackgroundFailure } from './background-error';

/** Receives each failed background write exactly once. */
export type BackgroundErrorHandler = (failure: BackgroundFailure) => void;

/**
 * Runs fire-and-forget writes one after the other, in the order they were
 * queued, without blocking the caller. A failure is reported once: to the
 * `onError` hook when there is one, otherwise it is kept for the next
 * {@link WriteQueue.flush} (which throws it) and a single process warning
 * says so, so nothing is ever dropped silently.
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
    this.#pending++;
    this.#tail = this.#tail.then(async () => {
      try {
        await task();
      } catch (error) {
        this.#report({ operation, runUuid, error });
      } finally {
        this.#pending--;
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

import { ApiError } from '../errors/api-error';
import { backoffDelay, isTransientFailure } from '../transport/retry-policy';
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

/** Options of one queued write. */
export interface EnqueueOptions {
  /**
   * Keep retrying this write after a transient failure (network error,
   * timeout, 408, 429, 500, 502, 503, 504) until it lands, instead of
   * reporting it and moving on. Default: the queue's `retryUntilFlush`.
   */
  retryUntilFlush?: boolean | undefined;
}

/** Options of {@link WriteQueue.flush}. */
export interface FlushOptions {
  /**
   * Stop waiting after this many milliseconds. Writes still queued then
   * stay queued (and retried); `flush` throws a {@link BackgroundWriteError}
   * that lists them in `unsent`. Default: wait until every write is done.
   */
  timeoutMs?: number | undefined;
}

/** Options of a {@link WriteQueue}. */
export interface WriteQueueOptions {
  /** Receives each failed write once; without it `flush()` throws the failures. */
  onError?: BackgroundErrorHandler | undefined;
  /**
   * Default of {@link EnqueueOptions.retryUntilFlush} for every write
   * (default `false`: a failed write is reported once and skipped).
   */
  retryUntilFlush?: boolean | undefined;
  /** First wait between retries of a write, in ms, doubled each time up to 10 s (default 300). */
  retryDelayMs?: number | undefined;
}

/**
 * A queued write. It receives a signal that aborts when the queue is
 * abandoned ({@link WriteQueue.abandon}); pass it to the request it sends.
 */
export type QueuedTask = (signal: AbortSignal) => Promise<unknown>;

interface Entry {
  readonly operation: string;
  readonly runUuid: string | undefined;
  readonly task: QueuedTask;
  readonly retry: boolean;
  /** The failure as reported (kept for `flush()` when there is no hook). */
  failure?: BackgroundFailure;
}

/**
 * Runs fire-and-forget writes one after the other, in the order they were
 * queued, without blocking the caller. A failure is reported once: to the
 * `onError` hook when there is one, otherwise it is kept for the next
 * {@link WriteQueue.flush} (which throws it) and a single process warning
 * says so, so nothing is ever dropped silently. A process that exits with
 * writes still queued says so on stderr.
 *
 * With `retryUntilFlush`, a write that fails transiently is reported once
 * (with `retrying: true`) and then retried with backoff (the server's
 * `Retry-After` when it sent one) until it lands; later writes wait behind
 * it, so the order is kept, and `flush()`/`close()` wait for it. When it
 * lands it is no longer a failure: without a hook, `flush()` does not throw
 * it. Writes the server refuses for good (400, 401, 403, 404, ...) cannot
 * land by retrying: they are reported and skipped as without the option.
 */
export class WriteQueue {
  readonly #entries: Entry[] = [];
  #running: Promise<void> | undefined;
  #failures: BackgroundFailure[] = [];
  #warned = false;
  #flushing = 0;
  #backoff: NodeJS.Timeout | undefined;
  #wake: (() => void) | undefined;
  #abort = new AbortController();
  readonly #onError: BackgroundErrorHandler | undefined;
  readonly #retryUntilFlush: boolean;
  readonly #retryDelayMs: number;

  constructor(options: WriteQueueOptions = {}) {
    this.#onError = options.onError;
    this.#retryUntilFlush = options.retryUntilFlush ?? false;
    this.#retryDelayMs = options.retryDelayMs ?? 300;
  }

  /** How many writes are queued or running. */
  get pending(): number {
    return this.#entries.length;
  }

  /** The operations of the writes queued or running, oldest first. */
  get pendingOperations(): string[] {
    return this.#entries.map((entry) => entry.operation);
  }

  /** Queues `task` after every earlier one. */
  enqueue(operation: string, runUuid: string | undefined, task: QueuedTask, options: EnqueueOptions = {}): void {
    installExitHook();
    liveQueues.add(this);
    this.#entries.push({ operation, runUuid, task, retry: options.retryUntilFlush ?? this.#retryUntilFlush });
    this.#running ??= this.#drain();
  }

  async #drain(): Promise<void> {
    // Start after the caller returns (and after `#running` is set, so writes queued by a task join this loop).
    await Promise.resolve();
    try {
      while (this.#entries.length > 0) {
        const entry = this.#entries[0]!;
        await this.#run(entry);
        // abandon() may have emptied the queue meanwhile (and new writes may follow)
        if (this.#entries[0] === entry) this.#entries.shift();
      }
    } finally {
      this.#running = undefined;
      liveQueues.delete(this);
    }
  }

  async #run(entry: Entry): Promise<void> {
    const signal = this.#abort.signal;
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) return;
      try {
        await entry.task(signal);
        if (entry.failure !== undefined) this.#failures = this.#failures.filter((f) => f !== entry.failure);
        return;
      } catch (error) {
        if (signal.aborted) return;
        const retrying = entry.retry && isTransientFailure(error);
        if (entry.failure === undefined) {
          entry.failure = { operation: entry.operation, runUuid: entry.runUuid, error, ...(retrying ? { retrying } : {}) };
          this.#report(entry);
        } else {
          this.#update(entry, { ...entry.failure, error, retrying });
        }
        if (!retrying) return;
        await this.#sleep(ApiError.isInstance(error) && error.retryAfterMs !== undefined ? error.retryAfterMs : backoffDelay(attempt, this.#retryDelayMs));
      }
    }
  }

  /** Keeps the latest error of a write that was already reported (without telling anyone again). */
  #update(entry: Entry, failure: BackgroundFailure): void {
    const kept = this.#failures.indexOf(entry.failure!);
    if (kept >= 0) this.#failures[kept] = failure;
    entry.failure = failure;
  }

  #report(entry: Entry): void {
    let failure = entry.failure!;
    if (this.#onError !== undefined) {
      try {
        this.#onError(failure);
        return;
      } catch (hookError) {
        failure = { ...failure, error: new AggregateError([failure.error, hookError], 'onError hook threw') };
        entry.failure = failure;
      }
    }
    this.#failures.push(failure);
    if (!this.#warned) {
      this.#warned = true;
      const message = failure.error instanceof Error ? failure.error.message : String(failure.error);
      const retry = failure.retrying === true ? '; it is retried until flush()' : '';
      process.emitWarning(`px: background ${failure.operation} failed (${message})${retry}; await flush() to get every failure`, {
        code: 'PX_BACKGROUND_WRITE_FAILED',
      });
    }
  }

  /** Waits between retries; the timer keeps the process alive only while someone flushes. */
  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
      this.#backoff = setTimeout(() => {
        this.#backoff = undefined;
        this.#wake = undefined;
        resolve();
      }, ms);
      if (this.#flushing === 0) this.#backoff.unref();
    });
  }

  /**
   * Gives up on every write still queued or running: the running one's
   * request is aborted through its signal, retry timers are cleared and the
   * queue is emptied, so nothing it holds keeps the process alive. Failures
   * already kept for {@link WriteQueue.flush} stay. The queue accepts new
   * writes afterwards.
   *
   * @returns the operations given up, oldest first
   */
  abandon(): string[] {
    const dropped = this.pendingOperations;
    this.#entries.length = 0;
    this.#abort.abort(new Error('background writes abandoned'));
    this.#abort = new AbortController();
    clearTimeout(this.#backoff);
    this.#backoff = undefined;
    this.#wake?.();
    this.#wake = undefined;
    liveQueues.delete(this);
    return dropped;
  }

  async #drained(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  /**
   * Waits until every queued write has finished (landed, or failed and
   * reported), or until `timeoutMs` passed.
   *
   * @throws {@link BackgroundWriteError} with the failures not yet reported, and the writes still queued after a timeout
   */
  async flush(options: FlushOptions = {}): Promise<void> {
    this.#flushing++;
    this.#backoff?.ref();
    let timer: NodeJS.Timeout | undefined;
    try {
      if (options.timeoutMs === undefined) await this.#drained();
      else await Promise.race([this.#drained(), new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, options.timeoutMs ?? 0))))]);
    } finally {
      clearTimeout(timer);
      this.#flushing--;
      if (this.#flushing === 0) this.#backoff?.unref();
    }
    const unsent = this.pendingOperations;
    if (this.#failures.length > 0 || unsent.length > 0) {
      const failures = this.#failures;
      this.#failures = [];
      this.#warned = false;
      throw new BackgroundWriteError(failures, unsent);
    }
  }
}

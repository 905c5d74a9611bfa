import { PolyaxonException } from '@px/errors';

/** Where a failed background write came from. */
export interface BackgroundFailure {
  /** The method that queued the write, e.g. `logStatus`. */
  operation: string;
  /** The run it was for, when known. */
  runUuid?: string | undefined;
  /** The error (usually an {@link ApiError} or an {@link ApiConnectionError}). */
  error: unknown;
  /**
   * `true` when the write is kept and retried (`retryUntilFlush` and a
   * transient error): it may still land, and it is not reported again.
   */
  retrying?: boolean | undefined;
}

/**
 * Thrown by `flush()` when background writes (statuses, inputs, outputs,
 * tags, meta, lineage) failed and no `onError` hook took them, or when
 * `flush({ timeoutMs })` gave up waiting while writes were still queued.
 */
export class BackgroundWriteError extends PolyaxonException {
  static override readonly marker: string = 'px.client.BackgroundWriteError';

  /** Every failure not reported before (since the previous flush), oldest first. */
  readonly failures: readonly BackgroundFailure[];
  /**
   * Operations still queued when `flush({ timeoutMs })` stopped waiting,
   * oldest first. They stay queued (and retried) and may still land.
   */
  readonly unsent: readonly string[];

  constructor(failures: readonly BackgroundFailure[], unsent: readonly string[] = []) {
    const first = failures[0];
    const detail = first === undefined ? '' : ` First: ${first.operation}: ${first.error instanceof Error ? first.error.message : String(first.error)}`;
    const waiting = unsent.length === 0 ? '' : ` ${unsent.length} background write(s) still queued (first: ${unsent[0]}).`;
    super(`${failures.length} background write(s) failed.${detail}${waiting}`, { cause: first?.error });
    this.failures = failures;
    this.unsent = unsent;
  }
}

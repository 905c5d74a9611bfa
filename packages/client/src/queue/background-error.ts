import { PolyaxonException } from '@px/errors';

/** Where a failed background write came from. */
export interface BackgroundFailure {
  /** The method that queued the write, e.g. `logStatus`. */
  operation: string;
  /** The run it was for, when known. */
  runUuid?: string | undefined;
  /** The error (usually an {@link ApiError}). */
  error: unknown;
}

/**
 * Thrown by `flush()` when background writes (statuses, inputs, outputs,
 * tags, meta, lineage) failed and no `onError` hook took them.
 */
export class BackgroundWriteError extends PolyaxonException {
  static override readonly marker: string = 'px.client.BackgroundWriteError';

  /** Every failure since the previous flush, oldest first. */
  readonly failures: readonly BackgroundFailure[];

  constructor(failures: readonly BackgroundFailure[]) {
    const first = failures[0];
    const detail = first === undefined ? '' : ` First: ${first.operation}: ${first.error instanceof Error ? first.error.message : String(first.error)}`;
    super(`${failures.length} background write(s) failed.${detail}`, { cause: first?.error });
    this.failures = failures;
  }
}

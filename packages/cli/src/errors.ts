import { PolyaxonException, type PolyaxonExceptionOptions } from '@px/errors';

/** Options of {@link CliError}. */
export interface CliErrorOptions extends PolyaxonExceptionOptions {
  /** Process exit code (default 1, as upstream's handled errors). */
  exitCode?: number;
  /** Extra lines printed after the message (e.g. a hint). */
  details?: readonly string[];
}

/**
 * A handled CLI failure: printed as one line on stderr, then the process exits
 * with {@link CliError.exitCode}.
 */
export class CliError extends PolyaxonException {
  static override readonly marker: string = 'px.cli.CliError';
  /** The process exit code. */
  readonly exitCode: number;
  /** Extra lines printed after the message. */
  readonly details: readonly string[];

  constructor(message: string, options: CliErrorOptions = {}) {
    super(message, options);
    this.exitCode = options.exitCode ?? 1;
    this.details = options.details ?? [];
  }
}

/** Bad command line usage (unknown option, missing value, unknown command): exit code 2 as click. */
export class UsageError extends CliError {
  static override readonly marker: string = 'px.cli.UsageError';

  constructor(message: string, options: Omit<CliErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: 2 });
  }
}

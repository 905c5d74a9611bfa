import { PolyaxonException, type PolyaxonExceptionOptions } from '@px/errors';

/** Extra details carried by a {@link ContextError}. */
export interface ContextErrorOptions extends PolyaxonExceptionOptions {
  /** The file that could not be read, parsed or written, when there is one. */
  file?: string;
  /** The `POLYAXON_*` environment variable involved, when there is one. */
  envVar?: string;
  /** The sources that were consulted, in precedence order. */
  tried?: readonly string[];
}

/**
 * Thrown when a context value cannot be resolved, or when a config file,
 * an environment variable or an entity reference is invalid.
 *
 * The message always says where the problem is (the file, the variable or
 * the option) and, for missing values, which sources were tried and which
 * option or environment variable would fix it. It never contains a token.
 *
 * @example
 * ```ts
 * try { requireProject(resolveContext()); } catch (error) {
 *   if (ContextError.isInstance(error)) console.error(error.message);
 * }
 * ```
 */
export class ContextError extends PolyaxonException {
  static override readonly marker: string = 'px.context.ContextError';

  /** The file involved, when the error is about a file. */
  readonly file: string | undefined;
  /** The environment variable involved, when the error is about one. */
  readonly envVar: string | undefined;
  /** The sources tried, when the error is about a missing value. */
  readonly tried: readonly string[];

  constructor(message: string, options: ContextErrorOptions = {}) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.file = options.file;
    this.envVar = options.envVar;
    this.tried = options.tried ?? [];
  }
}

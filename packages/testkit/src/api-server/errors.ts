import { PolyaxonException } from '@px/errors';

/** Base of every error the test kit throws on purpose. */
export class TestkitError extends PolyaxonException {
  static override readonly marker: string = 'px.testkit.TestkitError';
}

/** A list query (`query=`/`sort=`) the server rejects, as upstream answers 400. */
export class QueryLanguageError extends TestkitError {
  static override readonly marker: string = 'px.testkit.QueryLanguageError';

  /** Whether the 400 body is upstream's one-message JSON list (run queries, samples 54–55) rather than `{detail}`. */
  readonly asList: boolean;

  /**
   * @param message - what is wrong with the query
   * @param options - `asList`: answer `[message]` as upstream's run query manager does
   */
  constructor(message: string, options: { asList?: boolean } = {}) {
    super(message);
    this.asList = options.asList ?? false;
  }
}

/**
 * Thrown by `ApiServer.close()`/`assertNoViolations()` when a request or a
 * response did not match the official OpenAPI schema.
 */
export class OpenApiViolationError extends TestkitError {
  static override readonly marker: string = 'px.testkit.OpenApiViolationError';
}

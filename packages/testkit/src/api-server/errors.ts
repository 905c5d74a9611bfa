import { PolyaxonException } from '@px/errors';

/** Base of every error the test kit throws on purpose. */
export class TestkitError extends PolyaxonException {
  static override readonly marker: string = 'px.testkit.TestkitError';
}

/** A list query (`query=`/`sort=`) the server rejects, as upstream answers 400. */
export class QueryLanguageError extends TestkitError {
  static override readonly marker: string = 'px.testkit.QueryLanguageError';
}

/**
 * Thrown by `ApiServer.close()`/`assertNoViolations()` when a request or a
 * response did not match the official OpenAPI schema.
 */
export class OpenApiViolationError extends TestkitError {
  static override readonly marker: string = 'px.testkit.OpenApiViolationError';
}

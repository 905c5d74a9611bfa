import { PolyaxonException } from '@px/errors';

/**
 * A client-side failure that is not an HTTP error response: bad arguments,
 * a missing project, an unreachable server, a file that cannot be read.
 */
export class PolyaxonClientException extends PolyaxonException {
  static override readonly marker: string = 'px.client.PolyaxonClientException';
}

/**
 * The API could not be reached: a network error (refused, reset or dropped
 * connection, DNS, TLS) or a timeout, after the call's own retries. Such a
 * call may succeed later, so background writes with `retryUntilFlush` keep
 * retrying it.
 */
export class ApiConnectionError extends PolyaxonClientException {
  static override readonly marker: string = 'px.client.ApiConnectionError';
}

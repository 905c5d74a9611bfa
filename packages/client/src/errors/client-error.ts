import { PolyaxonException } from '@px/errors';

/**
 * A client-side failure that is not an HTTP error response: bad arguments,
 * a missing project, an unreachable server, a file that cannot be read.
 */
export class PolyaxonClientException extends PolyaxonException {
  static override readonly marker: string = 'px.client.PolyaxonClientException';
}

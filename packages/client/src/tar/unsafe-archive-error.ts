import { PolyaxonClientException } from '../errors/client-error';

/** Thrown when an archive member would land outside the target folder. */
export class UnsafeArchiveError extends PolyaxonClientException {
  static override readonly marker: string = 'px.client.UnsafeArchiveError';
}

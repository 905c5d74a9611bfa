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

/**
 * The server's answer to an API call is larger than px reads into memory (`MAX_RESPONSE_BYTES` once
 * decompressed, 512 MiB): px stops reading it instead of running out of memory. Not retried.
 */
export class ResponseTooLargeError extends PolyaxonClientException {
  static override readonly marker: string = 'px.client.ResponseTooLargeError';

  /** The limit that was exceeded, in bytes. */
  readonly limitBytes: number;

  /**
   * @param limitBytes - the limit
   * @param what - the call, e.g. `GET https://host/api/v1/...`, when known
   */
  constructor(limitBytes: number, what?: string) {
    super(`${what === undefined ? 'The answer' : `The answer to ${what}`} is larger than ${String(limitBytes / 1048576)} MiB once decompressed; px stopped reading it.`);
    this.limitBytes = limitBytes;
  }
}

/**
 * A feature needs an optional peer dependency that is not installed, e.g.
 * `RunClient.createFromPolyaxonfile` needs `@px/polyaxonfile`. Install
 * {@link MissingDependencyError.packageName} next to `@px/client`.
 */
export class MissingDependencyError extends PolyaxonClientException {
  static override readonly marker: string = 'px.client.MissingDependencyError';

  /** The package to install, e.g. `@px/polyaxonfile`. */
  readonly packageName: string;

  /**
   * @param packageName - the missing package
   * @param feature - what needs it, e.g. `RunClient.createFromHub`
   * @param options - `cause`: the module-not-found error
   */
  constructor(packageName: string, feature: string, options: { cause?: unknown } = {}) {
    super(`${feature} needs the optional package \`${packageName}\`, which is not installed: run \`npm install ${packageName}\` (or pnpm/yarn add).`, options);
    this.packageName = packageName;
  }
}

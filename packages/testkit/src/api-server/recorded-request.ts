import { inspect } from 'node:util';
import type { Json } from './json';

const REDACTED = '<redacted>';

/** Replaces the credential of an Authorization value: `Token abc` → `Token <redacted>`. */
export function redactAuthorization(value: string): string {
  const space = value.indexOf(' ');
  return space > 0 ? `${value.slice(0, space)} ${REDACTED}` : REDACTED;
}

/**
 * One request the server received. Its printable forms (`toJSON`, inspect,
 * `headers`) never hold the token; read the raw header with
 * {@link RecordedRequest.authorization} when a test must assert it.
 */
export class RecordedRequest {
  /** HTTP method. */
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  /** Query parameters, in order. */
  readonly query: readonly (readonly [string, string])[];
  /** Request headers (lower-cased names; `authorization` redacted). */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, or a summary of a multipart body (`{fields, files}`); undefined when empty. */
  body: Json | undefined;
  /** Response status (set once answered; 0 for dropped connections). */
  status = 0;
  /** The fault applied to this request, if any. */
  fault: string | undefined;
  readonly #authorization: string | undefined;

  constructor(method: string, url: URL, headers: Record<string, string | string[] | undefined>) {
    this.method = method;
    this.path = url.pathname;
    this.query = [...url.searchParams.entries()];
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    this.#authorization = flat.authorization;
    if (flat.authorization !== undefined) flat.authorization = redactAuthorization(flat.authorization);
    this.headers = flat;
  }

  /** The Authorization header exactly as sent (e.g. `Token abc`). Never printed. */
  get authorization(): string | undefined {
    return this.#authorization;
  }

  /** A query parameter (first value). */
  queryParam(name: string): string | undefined {
    return this.query.find(([key]) => key === name)?.[1];
  }

  /** `METHOD /path?query`. */
  get target(): string {
    const search = new URLSearchParams(this.query.map(([k, v]) => [k, v])).toString();
    return `${this.method} ${this.path}${search ? `?${search}` : ''}`;
  }

  /** The printable form (token redacted). */
  toJSON(): Record<string, unknown> {
    return {
      method: this.method,
      path: this.path,
      query: this.query,
      headers: this.headers,
      body: this.body,
      status: this.status,
      ...(this.fault ? { fault: this.fault } : {}),
    };
  }

  /** Node's inspect shows the redacted form. */
  [inspect.custom](): Record<string, unknown> {
    return this.toJSON();
  }
}

import type { Fault, FaultController } from './faults';
import type { RecordedRequest } from './recorded-request';
import type { ApiState } from './state';

export type { Fault, FaultController };

/** Options of {@link startApiServer}. */
export interface ApiServerOptions {
  /**
   * Answer 401 like upstream when a request has no `Authorization` header
   * (`true`), or when it is not exactly `Token <requireToken>` (a string).
   * Default: no auth, like the CE sandbox.
   */
  requireToken?: boolean | string;
  /**
   * Users that may log in with a password, `{ username: password }`: adds
   * `POST /api/v1/auth/token` (absent by default, as on the CE sandbox,
   * where a POST there is a 405 of `/api/v1/{owner}/{project}`). A
   * right username (or `<username>@polyaxon.local`) and password get
   * `{"token": ...}`, the same 40-hex token on every login
   * ({@link ApiServer.userToken}); `requireToken` accepts that token too, and
   * `GET /api/v1/users` with it answers that user. Wrong credentials get
   * upstream's 400 `{"non_field_errors": ["Unable to log in with provided credentials."]}`.
   */
  users?: Readonly<Record<string, string>>;
  /** Validate every exchange against the official OpenAPI (default: when ../shared exists). */
  validate?: boolean;
  /** Throw from `close()` when violations were recorded (default true). */
  failOnViolations?: boolean;
  /**
   * When list responses are gzipped: `always` (upstream: even when the request
   * did not ask, if it makes the body smaller; default), `accepted` (only
   * with `Accept-Encoding: gzip`) or `never`.
   */
  gzip?: 'always' | 'accepted' | 'never';
  /** Page size when a list request sends no `limit` (default 20). */
  pageSize?: number;
  /** Owner used by `state` helpers when a seed names none (default `default`). */
  defaultOwner?: string;
  /** Version reported by `/api/v1/installation` (default `2.4.0`). */
  version?: string;
}

/** One mismatch between an exchange and the official OpenAPI schema. */
export interface Violation {
  /** `request`, `response`, or `server` (a handler crashed). */
  direction: 'request' | 'response' | 'server';
  /** `METHOD /path?query`. */
  target: string;
  /** The OpenAPI operation id, when one matched. */
  operationId?: string;
  /** Response status (for responses). */
  status?: number;
  /** What did not match. */
  errors: string[];
}

/** A running Polyaxon API test server (see {@link startApiServer}). */
export interface ApiServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  /** Always `127.0.0.1`. */
  readonly host: '127.0.0.1';
  /** The random port. */
  readonly port: number;
  /** The in-memory database: seed it and assert on it. */
  readonly state: ApiState;
  /** Every request received, in arrival order (tokens redacted in printable forms). */
  readonly requests: RecordedRequest[];
  /** Fault injection for retry tests. */
  readonly faults: FaultController;
  /** Temp folder holding run artifacts (`<artifactsDir>/<run uuid>/...`), removed on close. */
  readonly artifactsDir: string;
  /** OpenAPI mismatches recorded so far (mutable: tests may empty it after provoking one). */
  readonly violations: Violation[];
  /** Whether exchanges are validated against the OpenAPI schema. */
  readonly validating: boolean;
  /** Throws an error listing every violation recorded so far. */
  assertNoViolations(): void;
  /** Returns the violations recorded so far and forgets them. */
  takeViolations(): Violation[];
  /**
   * The token `POST /api/v1/auth/token` issued to `username` (see
   * `ApiServerOptions.users`), undefined before that user logged in.
   */
  userToken(username: string): string | undefined;
  /**
   * Stops the server, removes the artifacts folder and, unless
   * `failOnViolations: false`, throws when violations were recorded.
   */
  close(): Promise<void>;
}

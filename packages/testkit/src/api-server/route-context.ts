import type { IncomingMessage } from 'node:http';
import type { Json } from './json';
import type { ApiState } from './state';
import type { UserAccounts, UserProfile } from './user-accounts';

/** Server settings handlers need. */
export interface RouteSettings {
  /** Temp folder holding one sub-folder per run uuid. */
  artifactsDir: string;
  /** Page size when no `limit` is sent. */
  pageSize: number;
  /** `GET /api/v1/installation` body. */
  installation: { key: string; version: string; dist: string; mode: string };
  /** `GET /api/v1/users` body for any token but one issued by `accounts`. */
  user: UserProfile;
  /** Password users and the tokens issued to them (`ApiServerOptions.users`). */
  accounts: UserAccounts;
}

/** Everything a route handler gets. */
export interface RouteContext {
  /** The raw request (for streamed bodies). */
  req: IncomingMessage;
  /** Absolute request URL, built from the Host header like upstream. */
  url: URL;
  /** Path parameters (decoded). */
  params: Record<string, string>;
  /** Parsed JSON body (`undefined` when empty or not JSON). */
  body: Json | undefined;
  /** The in-memory database. */
  state: ApiState;
  /** Server settings. */
  settings: RouteSettings;
  /** Attaches a summary of a streamed body (multipart) to the request log. */
  recordBody: (summary: Json) => void;
  /** Records protocol mismatches of off-spec endpoints (streams uploads) as violations. */
  reportViolation: (errors: string[]) => void;
}

/** `params[name]`, which the router guarantees for the route's pattern. */
export function param(ctx: RouteContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`route pattern lacks :${name}`);
  return value;
}

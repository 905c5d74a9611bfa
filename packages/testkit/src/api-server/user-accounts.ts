import { randomBytes } from 'node:crypto';

/** The profile `GET /api/v1/users` answers (a `V1User`). */
export interface UserProfile {
  username: string;
  email: string | null;
  name?: string | null;
  kind?: string;
  theme?: number | null;
  organization?: string | null;
}

/** The email the test server gives `username` (`<username>@polyaxon.local`). */
export function emailOf(username: string): string {
  return `${username}@polyaxon.local`;
}

/**
 * The users that may log in with a password (`ApiServerOptions.users`) and
 * the tokens issued to them. Passwords and tokens live in private fields, so
 * printing or inspecting an instance shows neither.
 */
export class UserAccounts {
  readonly #passwords: ReadonlyMap<string, string>;
  /** username → issued token. */
  readonly #tokens = new Map<string, string>();

  constructor(users: Readonly<Record<string, string>> | undefined) {
    this.#passwords = new Map(Object.entries(users ?? {}));
  }

  /** Whether password login is configured (the CE sandbox has none). */
  get enabled(): boolean {
    return this.#passwords.size > 0;
  }

  /**
   * The user whose username, or email, and password match, like Django's
   * `authenticate` (exact, case-sensitive); undefined otherwise.
   */
  authenticate(login: string, password: string): string | undefined {
    for (const [username, expected] of this.#passwords) {
      if ((login === username || login === emailOf(username)) && password === expected) return username;
    }
    return undefined;
  }

  /**
   * The token of `username`, created at its first login and returned again
   * afterwards (DRF's `Token.objects.get_or_create`): 40 hex characters.
   */
  issueToken(username: string): string {
    let token = this.#tokens.get(username);
    if (token === undefined) {
      token = randomBytes(20).toString('hex');
      this.#tokens.set(username, token);
    }
    return token;
  }

  /** The token issued to `username`, undefined before its first login. */
  tokenOf(username: string): string | undefined {
    return this.#tokens.get(username);
  }

  /** The user an `Authorization: Token <token>` header belongs to, when that token was issued here. */
  userOf(authorization: string | undefined): string | undefined {
    if (authorization === undefined) return undefined;
    for (const [username, token] of this.#tokens) if (authorization === `Token ${token}`) return username;
    return undefined;
  }
}

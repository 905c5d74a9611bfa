import { BAD_CREDENTIALS, readCredentials, redactPassword } from '../credentials';
import type { Route } from '../router';

/**
 * `POST /api/v1/auth/token` (operation `Login`): exchanges a `V1Credentials`
 * body for a `V1Auth` `{"token": ...}`.
 *
 * Answers as upstream's token endpoint (the open-source Polyaxon server's
 * `ObtainAuthToken` view on DRF's `AuthTokenSerializer`; the code of the
 * current EE server is not public): 200 `{"token"}` with the user's token (the same
 * one on every login); 400 with DRF field errors for a missing, null or blank
 * field; 400 with `non_field_errors` holding {@link BAD_CREDENTIALS} for a
 * wrong username or password (a validation error, not a 401, and the same
 * answer whichever of the two is wrong). The specification
 * declares no 400, so the error bodies are not schema-checked (see quirk 7).
 * The server registers it only with `ApiServerOptions.users`: the CE sandbox
 * has no password login. Without it the path is read as
 * `/api/v1/{owner}/{project}`, which answers a POST with 405.
 *
 * The recorded request body has `"<redacted>"` in place of the password.
 */
export function authRoutes(): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/api/v1/auth/token',
      allow: 'POST, OPTIONS',
      handle: (ctx) => {
        const redacted = redactPassword(ctx.body);
        if (redacted !== undefined) ctx.recordBody(redacted);
        const { accounts } = ctx.settings;
        const outcome = readCredentials(ctx.body);
        if (!outcome.ok) return { status: 400, json: outcome.errors };
        const username = accounts.authenticate(outcome.credentials.username, outcome.credentials.password);
        if (username === undefined) return { status: 400, json: { non_field_errors: [BAD_CREDENTIALS] } };
        return { status: 200, json: { token: accounts.issueToken(username) } };
      },
    },
  ];
}

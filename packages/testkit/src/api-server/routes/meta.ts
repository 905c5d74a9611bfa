import type { Route } from '../router';
import { emailOf } from '../user-accounts';

/** Health, installation, compatibility and user endpoints. */
export function metaRoutes(): Route[] {
  const healthz: Route = {
    method: 'GET',
    pattern: '/healthz',
    allow: 'GET, HEAD, OPTIONS',
    offSpec: 'health checks are not part of the SDK specification',
    handle: () => ({ status: 200, raw: Buffer.alloc(0), noContentType: true }),
  };
  return [
    healthz,
    { ...healthz, pattern: '/api/v1/healthz' },
    {
      method: 'GET',
      pattern: '/api/v1/installation',
      allow: 'GET, HEAD, OPTIONS',
      handle: (ctx) => ({ status: 200, json: { ...ctx.settings.installation } }),
    },
    {
      // The CE sandbox has no compatibility service: upstream answers 404 with an empty HTML body.
      method: 'GET',
      pattern: '/api/v1/compatibility/:uuid/:version/:service',
      handle: () => ({ status: 404, text: '' }),
    },
    {
      method: 'GET',
      pattern: '/api/v1/users',
      allow: 'GET, PUT, PATCH, HEAD, OPTIONS',
      handle: (ctx) => {
        // the user a password login issued this token to, else the server's default user
        const username = ctx.settings.accounts.userOf(ctx.req.headers.authorization);
        const user = username === undefined ? ctx.settings.user : { ...ctx.settings.user, username, email: emailOf(username) };
        return { status: 200, json: { ...user } };
      },
    },
  ];
}

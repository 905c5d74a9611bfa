import { HttpError } from './reply';
import type { RouteContext } from './route-context';

/**
 * What the real server answers when its view raises (api-samples 63, 70, 107): haupt's 500 handler is a
 * GET-only view, so a crash on any other method is answered 405 `text/html` with `Allow: GET, HEAD, OPTIONS`
 * and an empty body; on GET it is a plain 500 with an empty body and no `Allow`.
 */
export function serverCrash(ctx: RouteContext): HttpError {
  const method = (ctx.req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return new HttpError({ status: 500, text: '', noAllow: true });
  return new HttpError({ status: 405, text: '', headers: { Allow: 'GET, HEAD, OPTIONS' } });
}

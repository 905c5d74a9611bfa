import type { Reply } from './reply';

/** Paths upstream serves without credentials. */
const OPEN_PATHS = [/^\/healthz\/?$/, /^\/api\/v1\/healthz\/?$/, /^\/api\/v1\/installation\/?$/, /^\/api\/v1\/compatibility\//];

/**
 * The 401 upstream answers (DRF token auth) when `required` is set and the
 * Authorization header is missing, or is not `Token <required>` when
 * `required` is a string; undefined when the request may proceed.
 */
export function authFailure(required: boolean | string | undefined, pathname: string, header: string | undefined): Reply | undefined {
  if (!required || OPEN_PATHS.some((re) => re.test(pathname))) return undefined;
  const headers = { 'WWW-Authenticate': 'Token' };
  if (header === undefined || header.trim() === '') {
    return { status: 401, json: { detail: 'Authentication credentials were not provided.' }, headers };
  }
  if (typeof required === 'string' && header !== `Token ${required}`) {
    return { status: 401, json: { detail: 'Invalid token.' }, headers };
  }
  return undefined;
}

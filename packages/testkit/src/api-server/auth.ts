import type { Reply } from './reply';
import type { UserAccounts } from './user-accounts';

/**
 * Paths upstream serves without credentials (the token endpoint is where a
 * client without one gets it).
 */
const OPEN_PATHS = [/^\/healthz\/?$/, /^\/api\/v1\/healthz\/?$/, /^\/api\/v1\/installation\/?$/, /^\/api\/v1\/compatibility\//, /^\/api\/v1\/auth\/token\/?$/];

/**
 * The 401 upstream answers (DRF token auth) when `required` is set and the
 * Authorization header is missing, or, when `required` is a string, is
 * neither `Token <required>` nor a token `accounts` issued at a password
 * login; undefined when the request may proceed.
 */
export function authFailure(required: boolean | string | undefined, pathname: string, header: string | undefined, accounts?: UserAccounts): Reply | undefined {
  if (!required || OPEN_PATHS.some((re) => re.test(pathname))) return undefined;
  const headers = { 'WWW-Authenticate': 'Token' };
  if (header === undefined || header.trim() === '') {
    return { status: 401, json: { detail: 'Authentication credentials were not provided.' }, headers };
  }
  if (typeof required === 'string' && header !== `Token ${required}` && accounts?.userOf(header) === undefined) {
    return { status: 401, json: { detail: 'Invalid token.' }, headers };
  }
  return undefined;
}

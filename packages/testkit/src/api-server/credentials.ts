import { isJsonObject, type Json, type JsonObject } from './json';

/** A `V1Credentials` body once it passed the field checks. */
export interface Credentials {
  /** The username (or email), whitespace-trimmed. */
  readonly username: string;
  /** The password, exactly as sent (never trimmed). */
  readonly password: string;
}

/** The outcome of {@link readCredentials}: the credentials, or the 400 body to answer. */
export type CredentialsOutcome = { readonly ok: true; readonly credentials: Credentials } | { readonly ok: false; readonly errors: JsonObject };

/**
 * The message upstream's token endpoint answers (400, under `non_field_errors`)
 * when no user matches the username and password.
 */
export const BAD_CREDENTIALS = 'Unable to log in with provided credentials.';

/**
 * One DRF `CharField` check: returns the string value, or the field error.
 * `trim` strips surrounding whitespace first (DRF's default; the password
 * field turns it off).
 */
function charField(body: JsonObject, name: string, trim: boolean): { value: string } | { error: string } {
  if (!(name in body)) return { error: 'This field is required.' };
  const raw: Json | undefined = body[name];
  if (raw === null || raw === undefined) return { error: 'This field may not be null.' };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: 'Not a valid string.' };
  const text = String(raw);
  const value = trim ? text.trim() : text;
  if (value === '') return { error: 'This field may not be blank.' };
  return { value };
}

/**
 * Checks a `POST /api/v1/auth/token` body the way upstream's token endpoint
 * does (Django REST framework's `AuthTokenSerializer`, which Polyaxon's
 * `ObtainAuthToken` view uses): both fields required, not null, not blank,
 * strings (numbers are accepted as their text); the username is trimmed, the
 * password is not. Field errors come back as DRF's
 * `{"username": ["This field is required."]}`; a body that is not an object
 * as `{"non_field_errors": ["Invalid data. Expected a dictionary, but got list."]}`.
 *
 * @param body - the parsed JSON body (`undefined` when empty)
 * @returns the credentials, or the errors to answer with status 400
 */
export function readCredentials(body: Json | undefined): CredentialsOutcome {
  const object: JsonObject | undefined = body === undefined ? {} : isJsonObject(body) ? body : undefined;
  if (object === undefined) {
    const kind = Array.isArray(body) ? 'list' : body === null ? 'NoneType' : typeof body === 'string' ? 'str' : typeof body === 'boolean' ? 'bool' : Number.isInteger(body) ? 'int' : 'float';
    return { ok: false, errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${kind}.`] } };
  }
  const username = charField(object, 'username', true);
  const password = charField(object, 'password', false);
  const errors: JsonObject = {};
  if ('error' in username) errors.username = [username.error];
  if ('error' in password) errors.password = [password.error];
  if ('value' in username && 'value' in password) return { ok: true, credentials: { username: username.value, password: password.value } };
  return { ok: false, errors };
}

/**
 * `body` with its `password` replaced by `"<redacted>"` (the form the test
 * server records, so passwords never reach a printed request log).
 */
export function redactPassword(body: Json | undefined): Json | undefined {
  return isJsonObject(body) && 'password' in body ? { ...body, password: '<redacted>' } : body;
}

import { describe, expect, it } from 'vitest';
import { BAD_CREDENTIALS, readCredentials, redactPassword } from './credentials';

describe('readCredentials (DRF AuthTokenSerializer field rules)', () => {
  it('accepts both fields, trimming the username but not the password', () => {
    expect(readCredentials({ username: ' alice ', password: ' pw ' })).toEqual({ ok: true, credentials: { username: 'alice', password: ' pw ' } });
    expect(readCredentials({ username: 'alice', password: '   ' })).toEqual({ ok: true, credentials: { username: 'alice', password: '   ' } });
    expect(readCredentials({ username: 42, password: 1.5 })).toEqual({ ok: true, credentials: { username: '42', password: '1.5' } });
  });

  it('answers DRF field errors for missing, null, blank and non-string fields', () => {
    expect(readCredentials(undefined)).toEqual({ ok: false, errors: { username: ['This field is required.'], password: ['This field is required.'] } });
    expect(readCredentials({ username: null, password: '' })).toEqual({
      ok: false,
      errors: { username: ['This field may not be null.'], password: ['This field may not be blank.'] },
    });
    expect(readCredentials({ username: '   ', password: true })).toEqual({
      ok: false,
      errors: { username: ['This field may not be blank.'], password: ['Not a valid string.'] },
    });
  });

  it('refuses a body that is not an object like DRF', () => {
    expect(readCredentials(['alice'])).toEqual({ ok: false, errors: { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] } });
    expect(readCredentials('alice')).toEqual({ ok: false, errors: { non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] } });
  });

  it("keeps upstream's wrong-credentials message", () => {
    expect(BAD_CREDENTIALS).toBe('Unable to log in with provided credentials.');
  });
});

describe('redactPassword', () => {
  it('hides the password and keeps everything else', () => {
    expect(redactPassword({ username: 'alice', password: 'hunter2' })).toEqual({ username: 'alice', password: '<redacted>' });
    expect(redactPassword({ username: 'alice' })).toEqual({ username: 'alice' });
    expect(redactPassword(undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ContextError } from './context-error';
import { validateHost } from './host-url';

describe('validateHost', () => {
  it.each([
    ['http://localhost:8000', 'http://localhost:8000'],
    ['https://polyaxon.example.com/', 'https://polyaxon.example.com'],
    ['HTTPS://Example.com:443/prefix//', 'HTTPS://Example.com:443/prefix'],
    ['http://[::1]:8000', 'http://[::1]:8000'],
    ['http://user:pw@host', 'http://user:pw@host'],
  ])('accepts %s', (text, saved) => {
    expect(validateHost(text, '--host')).toBe(saved);
  });

  it.each([
    ['ftp://x', /the scheme `ftp` is not supported; use http:\/\/ or https:\/\//],
    ['localhost:8000', /it has no scheme/],
    ['polyaxon.example.com', /it has no scheme/],
    ['http://', /not a valid URL|no host name/],
    ['http://host:99999', /the port `99999` is not a number between 1 and 65535/],
    ['http://host:0', /the port `0`/],
    ['http://host:abc', /the port `abc`/],
    ['http://host/?q=1', /query or fragment/],
    ['', /it is empty/],
    ['http://ho st', /whitespace/],
  ])('refuses %s and says why', (text, reason) => {
    let error: unknown;
    try {
      validateHost(text, '--host');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContextError);
    expect((error as Error).message).toMatch(/^Invalid value for '--host': /);
    expect((error as Error).message).toMatch(reason);
  });

  it('masks a password in the refused value', () => {
    expect(() => validateHost('ftp://me:s3cret@x', '--host')).toThrow(/me:\*\*\*@x/);
    expect(() => validateHost('ftp://me:s3cret@x', '--host')).not.toThrow(/s3cret/);
  });
});

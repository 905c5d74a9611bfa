import { describe, expect, it } from 'vitest';
import { redact, registerSecret } from './redact';

describe('redact', () => {
  it('hides registered secrets and Authorization values', () => {
    registerSecret('s3cr3t-token-value');
    expect(redact('token s3cr3t-token-value here')).toBe('token *** here');
    expect(redact('Authorization: Token abcdef123')).toBe('Authorization: Token ***');
  });
});

describe('redact URL passwords', () => {
  it('masks the password of user:password@ URLs and keeps the rest', () => {
    expect(redact('Could not reach https://ann:pa55w0rd@polyaxon.example.com/api')).toBe('Could not reach https://ann:***@polyaxon.example.com/api');
    expect(redact('http://polyaxon.example.com:8000')).toBe('http://polyaxon.example.com:8000');
  });
});

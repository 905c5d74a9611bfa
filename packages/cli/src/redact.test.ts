import { describe, expect, it } from 'vitest';
import { redact, registerSecret } from './redact';

describe('redact', () => {
  it('hides registered secrets and Authorization values', () => {
    registerSecret('s3cr3t-token-value');
    expect(redact('token s3cr3t-token-value here')).toBe('token *** here');
    expect(redact('Authorization: Token abcdef123')).toBe('Authorization: Token ***');
  });
});

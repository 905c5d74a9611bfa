import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UserAccounts } from './user-accounts';

describe('UserAccounts', () => {
  it('is disabled without users', () => {
    expect(new UserAccounts(undefined).enabled).toBe(false);
    expect(new UserAccounts({}).enabled).toBe(false);
  });

  it('authenticates by username or email, exactly', () => {
    const accounts = new UserAccounts({ alice: 'pw-alice', bob: 'pw-bob' });
    expect(accounts.enabled).toBe(true);
    expect(accounts.authenticate('alice', 'pw-alice')).toBe('alice');
    expect(accounts.authenticate('bob@polyaxon.local', 'pw-bob')).toBe('bob');
    expect(accounts.authenticate('alice', 'pw-bob')).toBeUndefined();
    expect(accounts.authenticate('Alice', 'pw-alice')).toBeUndefined();
    expect(accounts.authenticate('carol', 'pw-alice')).toBeUndefined();
  });

  it('issues one 40-hex token per user and maps it back', () => {
    const accounts = new UserAccounts({ alice: 'pw-alice' });
    expect(accounts.tokenOf('alice')).toBeUndefined();
    const token = accounts.issueToken('alice');
    expect(token).toMatch(/^[0-9a-f]{40}$/);
    expect(accounts.issueToken('alice')).toBe(token);
    expect(accounts.tokenOf('alice')).toBe(token);
    expect(accounts.userOf(`Token ${token}`)).toBe('alice');
    expect(accounts.userOf(`Bearer ${token}`)).toBeUndefined();
    expect(accounts.userOf(undefined)).toBeUndefined();
  });

  it('never shows passwords or tokens when printed', () => {
    const accounts = new UserAccounts({ alice: 'pw-alice' });
    const token = accounts.issueToken('alice');
    const printed = `${inspect(accounts, { showHidden: true, depth: 5 })} ${JSON.stringify(accounts)}`;
    expect(printed).not.toContain('pw-alice');
    expect(printed).not.toContain(token);
  });
});

import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest';

describe('closest', () => {
  it('finds typos, transpositions and unique prefixes', () => {
    expect(editDistance('sl', 'ls')).toBe(1);
    expect(closest('sl', ['ls', 'get', 'logs'])).toBe('ls');
    expect(closest('stauses', ['statuses', 'stop'])).toBe('statuses');
    expect(closest('--limt', ['--limit', '--offset'])).toBe('--limit');
    expect(closest('dash', ['dashboard', 'delete'])).toBe('dashboard');
  });

  it('suggests nothing for unrelated words', () => {
    expect(closest('xyzzy', ['ls', 'get'])).toBeUndefined();
    expect(closest('d', ['dashboard', 'delete'])).toBeUndefined();
  });
});

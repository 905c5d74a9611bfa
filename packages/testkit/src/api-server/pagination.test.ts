import { describe, expect, it } from 'vitest';
import { paginate, quotePlus } from './pagination';

const items = [1, 2, 3, 4, 5];

describe('paginate', () => {
  it('returns everything without next/previous when it fits', () => {
    expect(paginate(items, new URL('http://h:1/x'))).toEqual({ count: 5, next: null, previous: null, results: items });
  });

  it('builds absolute next/previous URLs with sorted, re-encoded query params like DRF', () => {
    const page = paginate(items, new URL('http://127.0.0.1:9/api/runs?query=status%3Arunning&offset=2&limit=2'));
    expect(page.results).toEqual([3, 4]);
    expect(page.next).toBe('http://127.0.0.1:9/api/runs?limit=2&offset=4&query=status%3Arunning');
    expect(page.previous).toBe('http://127.0.0.1:9/api/runs?limit=2&query=status%3Arunning');
  });

  it('keeps offset in previous when it is not the first page', () => {
    const page = paginate(items, new URL('http://h/x?limit=1&offset=3'));
    expect(page.previous).toBe('http://h/x?limit=1&offset=2');
    expect(page.next).toBe('http://h/x?limit=1&offset=4');
  });

  it('uses the page size when limit is absent or not a positive integer', () => {
    expect((paginate(items, new URL('http://h/x'), 2).results as number[]).length).toBe(2);
    expect((paginate(items, new URL('http://h/x?limit=0'), 2).results as number[]).length).toBe(2);
    expect(paginate(items, new URL('http://h/x'), 2).next).toBe('http://h/x?limit=2&offset=2');
  });

  it('encodes like quote_plus', () => {
    expect(quotePlus("a b:c/d|e,f!'()*")).toBe('a+b%3Ac%2Fd%7Ce%2Cf%21%27%28%29%2A');
  });
});

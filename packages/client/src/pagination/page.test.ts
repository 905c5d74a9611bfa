import { describe, expect, it } from 'vitest';
import { listQuery, paginate, toPage, type ListOptions, type Page } from './page';

describe('listQuery', () => {
  it('sends only truthy values in upstream order', () => {
    expect(listQuery({ offset: 0, limit: 5, sort: '', query: 'a:b' })).toEqual([
      ['offset', undefined],
      ['limit', 5],
      ['sort', undefined],
      ['query', 'a:b'],
    ]);
  });
});

describe('paginate', () => {
  it('walks every page by offset until next is null', async () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const calls: ListOptions[] = [];
    const fetchPage = (o: ListOptions): Promise<Page<number>> => {
      calls.push(o);
      const start = o.offset ?? 0;
      const results = items.slice(start, start + (o.limit ?? 0));
      return Promise.resolve({ count: items.length, results, previous: null, next: start + results.length < items.length ? 'http://x/next' : null });
    };
    const seen: number[] = [];
    for await (const i of paginate(fetchPage, { limit: 3 })) seen.push(i);
    expect(seen).toEqual(items);
    expect(calls.map((c) => c.offset)).toEqual([0, 3, 6]);
  });

  it('normalises missing fields of a list response', () => {
    expect(toPage(undefined)).toEqual({ count: 0, results: [], next: null, previous: null });
  });
});

import { describe, expect, it } from 'vitest';
import { QueryLanguageError } from './errors';
import { compileQuery, sortRecords, type QueryFields } from './query-language';

interface Row {
  name: string;
  status: string;
  tags: string[];
  created_at: string;
  outputs: Record<string, number>;
  duration: number | null;
}

const FIELDS: QueryFields<Row> = {
  fields: {
    name: (r) => r.name,
    status: (r) => r.status,
    tags: (r) => r.tags,
    created_at: (r) => r.created_at,
    duration: (r) => r.duration,
  },
  prefixed: { metrics: (r, key) => r.outputs[key] },
  dates: ['created_at'],
};

const rows: Row[] = [
  { name: 'alpha', status: 'running', tags: ['a', 'b'], created_at: '2026-01-01T10:00:00.000001Z', outputs: { loss: 0.5 }, duration: null },
  { name: 'beta', status: 'succeeded', tags: ['b'], created_at: '2026-01-02T10:00:00Z', outputs: { loss: 0.1 }, duration: 12 },
  { name: 'gamma', status: 'failed', tags: [], created_at: '2026-01-03T10:00:00Z', outputs: {}, duration: 3 },
];

const names = (query: string): string[] => rows.filter(compileQuery(query, FIELDS)).map((r) => r.name);

describe('query language subset', () => {
  it('matches equality, alternatives and negation', () => {
    expect(names('status:running')).toEqual(['alpha']);
    expect(names('status:running|failed')).toEqual(['alpha', 'gamma']);
    expect(names('status:~running')).toEqual(['beta', 'gamma']);
    expect(names('status:~running|failed')).toEqual(['beta']);
  });

  it('joins conditions with commas (AND)', () => {
    expect(names('tags:b, status:succeeded')).toEqual(['beta']);
  });

  it('matches list fields when any element matches, and nil when empty', () => {
    expect(names('tags:a')).toEqual(['alpha']);
    expect(names('tags:a|b')).toEqual(['alpha', 'beta']);
    expect(names('tags:nil')).toEqual(['gamma']);
  });

  it('compares numbers, dates and ranges', () => {
    expect(names('metrics.loss:<0.2')).toEqual(['beta']);
    expect(names('metrics.loss:>=0.1')).toEqual(['alpha', 'beta']);
    expect(names('duration:3..12')).toEqual(['beta', 'gamma']);
    expect(names('duration:nil')).toEqual(['alpha']);
    expect(names('created_at:>2026-01-01T10:00:00Z')).toEqual(['alpha', 'beta', 'gamma']);
    expect(names('created_at:>2026-01-01T10:00:00.000001Z')).toEqual(['beta', 'gamma']);
    expect(names('created_at:2026-01-02')).toEqual(['beta']);
    expect(names('created_at:2026-01-02..2026-01-04')).toEqual(['beta', 'gamma']);
  });

  it('matches string patterns with %', () => {
    expect(names('name:%mm%')).toEqual(['gamma']);
    expect(names('name:al%')).toEqual(['alpha']);
    expect(names('name:%ta')).toEqual(['beta']);
  });

  it('rejects unknown fields and malformed conditions', () => {
    expect(() => compileQuery('nope:1', FIELDS)).toThrow(QueryLanguageError);
    expect(() => compileQuery('justtext', FIELDS)).toThrow(/field:value/);
  });

  it('sorts by several keys, descending with -, nulls last', () => {
    expect(sortRecords(rows, '-created_at', FIELDS, 'name').map((r) => r.name)).toEqual(['gamma', 'beta', 'alpha']);
    expect(sortRecords(rows, 'duration', FIELDS, 'name').map((r) => r.name)).toEqual(['gamma', 'beta', 'alpha']);
    expect(sortRecords(rows, undefined, FIELDS, '-name').map((r) => r.name)).toEqual(['gamma', 'beta', 'alpha']);
    expect(() => sortRecords(rows, 'nope', FIELDS, 'name')).toThrow(QueryLanguageError);
  });
});

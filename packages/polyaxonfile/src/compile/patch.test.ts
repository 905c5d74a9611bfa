import { describe, expect, it } from 'vitest';
import { patchObject } from './patch';

describe('patchObject (upstream patch strategies)', () => {
  const base = { tags: ['a', 'b'], name: 'x', termination: { maxRetries: 1 }, environment: { labels: { a: '1' } } };
  const patch = { tags: ['z', 'a'], name: 'y', termination: { ttl: 5 }, environment: { labels: { b: '2' } } };

  it('post_merge: lists append new items, scalars and maps take the patch', () => {
    expect(patchObject(base, patch, 'post_merge')).toEqual({
      tags: ['a', 'b', 'z'], name: 'y', termination: { maxRetries: 1, ttl: 5 }, environment: { labels: { a: '1', b: '2' } },
    });
  });

  it('pre_merge: patch items first, existing scalars win', () => {
    expect(patchObject(base, patch, 'pre_merge')).toMatchObject({ tags: ['z', 'a', 'b'], name: 'x', termination: { maxRetries: 1, ttl: 5 } });
  });

  it('replace keeps sibling fields of nested objects but replaces lists and free-form maps', () => {
    expect(patchObject(base, patch, 'replace')).toEqual({
      tags: ['z', 'a'], name: 'y', termination: { maxRetries: 1, ttl: 5 }, environment: { labels: { b: '2' } },
    });
  });

  it('isnull only fills what is unset', () => {
    expect(patchObject({ name: 'x' }, { name: 'y', queue: 'q' }, 'isnull')).toEqual({ name: 'x', queue: 'q' });
  });

  it('replaces a matrix or schedule of another kind (post_merge) and keeps it (pre_merge)', () => {
    const grid = { matrix: { kind: 'grid', params: {} } };
    const random = { matrix: { kind: 'random', numRuns: 2 } };
    expect(patchObject(grid, random, 'post_merge')).toEqual(random);
    expect(patchObject(grid, random, 'pre_merge')).toEqual(grid);
  });

  it('patches params per key', () => {
    expect(patchObject({ params: { a: { value: 1 }, b: { value: 2 } } }, { params: { a: { value: 3 } } }, 'pre_merge')).toEqual({
      params: { a: { value: 1 }, b: { value: 2 } },
    });
    expect(patchObject({ params: { a: { value: 1 } } }, { params: { a: { ref: 'ops.x', value: 'outputs.y' } } })).toEqual({
      params: { a: { ref: 'ops.x', value: 'outputs.y' } },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { inClusterPaths, offlinePath } from './context-paths';

describe('in-cluster and offline paths', () => {
  it('follows upstream _contexts/paths.py', () => {
    expect(inClusterPaths('/plx-context', 'abc')).toEqual({
      artifacts: '/plx-context/artifacts',
      run: '/plx-context/artifacts/abc',
      outputs: '/plx-context/artifacts/abc/outputs',
      events: '/plx-context/artifacts/abc/events',
      assets: '/plx-context/artifacts/abc/assets',
      resources: '/plx-context/artifacts/abc/resources',
      relatedRuns: '/plx-context/artifacts/_related_runs',
      fileWatcher: '/plx-context/artifacts/.fs',
      auth: '/plx-context/.configs/.auth',
    });
  });

  it.each([
    ['runtime', '/tmp/plx/offline/runs/u1'],
    ['run', '/tmp/plx/offline/runs/u1'],
    ['model', '/tmp/plx/offline/models/u1'],
    ['component', '/tmp/plx/offline/components/u1'],
  ] as const)('offline %s folder', (kind, expected) => {
    expect(offlinePath('/tmp/plx/offline/', kind, 'u1')).toBe(expected);
  });
});

import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { normaliseRemote } from './code-ref';
import { parseNvidiaSmi, SystemResources } from './system-resources';

describe('system resources', () => {
  it('samples load, cpu and memory with upstream names (first cpu sample is 0)', async () => {
    const sample = await new SystemResources(tmpdir()).sample();
    const names = sample.map(([n]) => n);
    expect(names.slice(0, 3)).toEqual(['load', 'cpu', 'memory']);
    for (const [, v] of sample) expect(Number.isFinite(v)).toBe(true);
  });

  it('parses nvidia-smi output into per-GPU metrics in bytes', () => {
    expect(parseNvidiaSmi('0, 100, 20, 7\n')).toEqual([
      ['gpu_0_memory_free', 104857600],
      ['gpu_0_memory_used', 20971520],
      ['gpu_0_utilization', 7],
    ]);
  });
});

describe('git remotes', () => {
  it('turns scp-style remotes into https and drops credentials', () => {
    expect(normaliseRemote('git@github.com:a/b.git')).toBe('https://github.com/a/b');
    expect(normaliseRemote('https://user:secret@github.com/a/b.git')).toBe('https://github.com/a/b');
  });
});

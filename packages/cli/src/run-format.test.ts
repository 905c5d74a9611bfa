import { describe, expect, it } from 'vitest';
import { formatTime, isDone } from './run-format';

describe('run-format', () => {
  it('formats API times to the second and leaves other text alone', () => {
    expect(formatTime('2026-11-23T00:31:10.470163Z')).toBe('2026-11-23 00:31:10');
    expect(formatTime('2026-11-23 00:31:10.470163+00:00')).toBe('2026-11-23 00:31:10');
    expect(formatTime('yesterday')).toBe('yesterday');
  });

  it('knows the final statuses', () => {
    expect(['succeeded', 'failed', 'stopped', 'skipped', 'upstream_failed'].every(isDone)).toBe(true);
    expect(isDone('running')).toBe(false);
    expect(isDone(undefined)).toBe(false);
  });
});

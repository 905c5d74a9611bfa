import { describe, expect, it } from 'vitest';
import type { V1Run } from '../models/run';
import type { V1StatusCondition } from '../models/status';
import { applyCondition, conditionsSince } from './status-history';

const c = (type: V1StatusCondition['type'], t = '2026-11-23T00:00:00+00:00'): V1StatusCondition => ({
  type,
  status: true,
  last_transition_time: t,
  last_update_time: t,
});

describe('conditionsSince', () => {
  const all = [c('created'), c('running'), c('warning'), c('running'), c('succeeded')];
  it('returns everything without a last status', () => {
    expect(conditionsSince('succeeded', all, undefined)).toHaveLength(5);
  });
  it('returns nothing when the status did not change', () => {
    expect(conditionsSince('running', all.slice(0, 2), 'running')).toEqual([]);
  });
  it('returns what followed the newest occurrence of the last status', () => {
    expect(conditionsSince('succeeded', all, 'running').map((x) => x.type)).toEqual(['succeeded']);
    expect(conditionsSince('succeeded', all, 'created').map((x) => x.type)).toEqual(['running', 'warning', 'running', 'succeeded']);
  });
});

describe('applyCondition (offline)', () => {
  it('fills created_at, started_at/wait_time and finished_at/duration', () => {
    const run: V1Run = {};
    applyCondition(run, c('created', '2026-11-23T00:00:00.000000+00:00'));
    applyCondition(run, c('running', '2026-11-23T00:00:01.500000+00:00'));
    applyCondition(run, c('succeeded', '2026-11-23T00:00:04.000000+00:00'));
    expect(run).toMatchObject({
      status: 'succeeded',
      created_at: '2026-11-23T00:00:00.000000+00:00',
      started_at: '2026-11-23T00:00:01.500000+00:00',
      finished_at: '2026-11-23T00:00:04.000000+00:00',
      wait_time: 1.5,
      duration: 2.5,
    });
    expect(run.status_conditions).toHaveLength(3);
  });

  it('falls back to created_at when a run finishes without running', () => {
    const run: V1Run = {};
    applyCondition(run, c('created', '2026-11-23T00:00:00+00:00'));
    applyCondition(run, c('failed', '2026-11-23T00:00:02+00:00'));
    expect(run).toMatchObject({ started_at: '2026-11-23T00:00:00+00:00', duration: 2 });
  });
});

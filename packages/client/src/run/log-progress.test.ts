import { describe, expect, it } from 'vitest';
import { PolyaxonClient } from '../client/polyaxon-client';
import { RunClient } from './run-client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function offlineRun(): RunClient {
  const home = mkdtempSync(join(tmpdir(), 'px-progress-'));
  const client = new PolyaxonClient({ config: { isOffline: true, offlineRoot: home }, context: { env: {}, homeDir: home, cwd: home } });
  return new RunClient({ project: 'p', client });
}

describe('logProgress', () => {
  it('records progress as meta, skips unchanged values and throttles small steps after three', () => {
    const run = offlineRun();
    run.logProgress(0.01);
    run.logProgress(0.02);
    run.logProgress(0.03);
    run.logProgress(0.04);
    expect(run.runData.meta_info).toEqual({ progress: 0.03 });
    run.logProgress(0.5);
    expect(run.runData.meta_info).toEqual({ progress: 0.5 });
    run.logProgress(1);
    expect(run.runData.meta_info).toEqual({ progress: 1 });
  });

  it('rejects values outside [0, 1] and non-numbers', () => {
    const run = offlineRun();
    expect(() => run.logProgress(-0.1)).toThrow(/between 0 and 1/);
    expect(() => run.logProgress(Number.NaN)).toThrow(/must be a number/);
  });
});

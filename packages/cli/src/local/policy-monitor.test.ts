import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyMonitor } from './policy-monitor';
import { StopController } from './signals';
import { policyRule } from './stopping-policies';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('PolicyMonitor', () => {
  it('says once that a metric file cannot be read and keeps the sweep going (no crash, no stop)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'px-policy-monitor-'));
    // a folder where the metric file should be: opening works, reading fails (EISDIR)
    mkdirSync(join(dir, 'events', 'metric', 'loss.plx'), { recursive: true });
    const rule = policyRule({ kind: 'metric_early_stopping', metric: 'loss', value: 0, optimization: 'minimize', policy: { kind: 'median', evaluationInterval: 1 } }, 'earlyStopping[0]');
    const notices: string[] = [];
    const monitor = new PolicyMonitor([rule!], (message) => notices.push(message));
    const stop = new StopController(() => undefined);
    monitor.add('child-1', dir, stop);
    monitor.start();
    await new Promise((resolve) => setTimeout(resolve, 700));
    monitor.close();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Early-stopping policies could not read the runs' metrics: .*EISDIR/);
    expect(stop.stopping).toBe(false);
  });
});

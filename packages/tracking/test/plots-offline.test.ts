// An offline run written by @px/tracking, read back by @px/client/plots (the data half of `px ops plot --offline`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolyaxonClient, RunClient } from '@px/client';
import { MultiRunPlot, lineChart, readOfflineMetrics, readOfflineRunIo, toWide } from '@px/client/plots';
import { afterAll, describe, expect, it } from 'vitest';
import { Run } from '../src/index';

const root = mkdtempSync(join(tmpdir(), 'px-plots-offline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function train(lr: number): Promise<Run> {
  const run = await Run.init({
    isOffline: true, project: 'demo', name: `lr-${lr}`, env: { POLYAXON_OFFLINE_ROOT: root }, homeDir: root, cwd: root,
    exitHooks: false, collectResources: false, warn: () => undefined,
  });
  run.logInputs({ lr, optimizer: 'sgd' });
  for (let step = 0; step < 20; step++) {
    run.logMetrics({ loss: step === 7 ? Number.NaN : 1 / (step + 1) + lr }, { step });
    if (step % 5 === 0) run.logMetric('accuracy', 0.5 + step / 100, { step });
  }
  run.logOutputs({ loss: 0.05 + lr });
  await run.end();
  return run;
}

describe('@px/client/plots reads what @px/tracking writes offline', () => {
  it('metrics, wide rows joined on step, a chart, and the run’s inputs/outputs', async () => {
    const run = await train(0.1);
    const dir = run.getArtifactsPath()!;
    const rows = await readOfflineMetrics(dir);
    expect(rows.filter((r) => r.name === 'loss')).toHaveLength(20);
    expect(rows.find((r) => r.name === 'loss' && r.step === 7)!.metric).toBeNaN();
    expect(rows[0]!.timestamp).toBeInstanceOf(Date);
    const wide = toWide(rows);
    expect(wide).toHaveLength(20);
    expect(wide[5]).toEqual({ step: 5, accuracy: 0.55, loss: 1 / 6 + 0.1 });
    expect(wide[6]!.accuracy).toBeNull();
    expect(lineChart(rows).description).toBe('loss: 1 NaN/infinite values not drawn');
    expect(await readOfflineRunIo(dir)).toEqual({ uid: run.runUuid, name: 'lr-0.1', values: { lr: 0.1, optimizer: 'sgd', loss: 0.15000000000000002, accuracy: 0.65 } }); // tracking keeps the last metric values as outputs

    const client = new PolyaxonClient({ config: { isOffline: true, offlineRoot: root }, context: { env: {}, homeDir: root, cwd: root } });
    const reader = new RunClient({ runUuid: run.runUuid, client });
    expect(await reader.getMetricsAsTidy({ names: ['accuracy'] })).toHaveLength(4);
  });

  it('several offline runs: listed, sorted and read together', async () => {
    const second = await train(0.01);
    const client = new PolyaxonClient({ config: { isOffline: true, offlineRoot: root }, context: { env: {}, homeDir: root, cwd: root } });
    const plot = new MultiRunPlot({ client });
    const io = await plot.getRunsIo({ sort: 'inputs.lr' });
    expect(io.map((r) => r.values.lr)).toEqual([0.01, 0.1]);
    expect(io[0]!.uid).toBe(second.runUuid);
    const rows = await plot.getMultiRunMetrics({ names: ['loss'] });
    expect(new Set(rows.map((r) => r.run))).toEqual(new Set(io.map((r) => r.uid)));
  });
});

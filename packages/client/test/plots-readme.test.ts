// The README's plots example, run against the API test server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { compile } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunClient } from '../src/index';
import { MultiRunPlot, RunPlot, lineChart, readOfflineMetrics } from '../src/plots/index';
import { isolatedClient, tempDir } from './helpers/isolated';

let server: ApiServer;
const offlineRoot = tempDir('px-readme-plots-');
const metricFile = (values: number[]): string =>
  ['step|timestamp|metric', ...values.map((v, i) => `${i}|2026-12-07 16:52:17.${String(100000 + i * 97).padStart(6, '0')}+00:00|${v}`)].join('\n');
const ids: string[] = [];

beforeAll(async () => {
  server = await startApiServer();
  for (let r = 0; r < 2; r++) {
    const run = server.state.addRun({ project: 'demo', owner: 'acme', inputs: { lr: 0.1 / (r + 1) }, outputs: { loss: 0.2 + r / 10 }, status: 'succeeded' });
    ids.push(run.uuid);
    const dir = join(server.artifactsDir, run.uuid, 'events', 'metric');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'loss.plx'), metricFile([1, 0.5, 0.25]));
    writeFileSync(join(dir, 'accuracy.plx'), metricFile([0.5, 0.6, 0.7]));
  }
  const abc = join(offlineRoot, 'runs', 'abc', 'events', 'metric');
  mkdirSync(abc, { recursive: true });
  writeFileSync(join(abc, 'loss.plx'), metricFile([3, 2]));
});
afterAll(() => server.close());

describe('README plots example', () => {
  it('runs as written', async () => {
    const client = isolatedClient({ host: server.url });
    const [runUuid, uuidA, uuidB] = [ids[0], ids[0]!, ids[1]!];

    const run = new RunClient({ owner: 'acme', project: 'demo', runUuid, client });
    const tidy = await run.getMetricsAsTidy({ names: ['loss', 'accuracy'] });
    const wide = await run.getMetricsAsWide({ names: 'loss,accuracy' });
    const spec = lineChart(tidy, { smoothing: 0.6, x: 'relative', logScale: true });
    expect(wide[0]).toEqual({ step: 0, accuracy: 0.5, loss: 1 });

    const plot = new RunPlot({ owner: 'acme', project: 'demo', runUuid, client });
    await plot.getMetrics({ names: ['loss', 'accuracy'] });
    const charts = [plot.line(), plot.bar(), plot.scatter('loss', 'accuracy')];
    expect(plot.getTidyDf()).toHaveLength(6);
    expect(plot.getWideDf()).toHaveLength(3);

    const runs = new MultiRunPlot({ owner: 'acme', project: 'demo', client });
    const hiplot = await runs.getHiplot({ query: 'metrics.loss:<0.5', sort: '-outputs.accuracy', limit: 50 });
    await runs.getMultiRunMetrics({ names: ['loss'] });
    const overlay = runs.line();
    const both = await run.getMetricsAsTidy({ names: ['loss'], runs: [uuidA, uuidB] });
    expect(new Set(both.map((r) => r.run))).toEqual(new Set(ids));

    const offline = await readOfflineMetrics(join(offlineRoot, 'runs', 'abc'), ['loss']);
    expect(offline.map((r) => r.metric)).toEqual([3, 2]);
    for (const s of [spec, ...charts, hiplot, overlay]) expect(compile(s as never).spec).toBeTruthy();
    await client.close();
  });
});

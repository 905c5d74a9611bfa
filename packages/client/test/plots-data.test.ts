import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { compile } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolyaxonClient} from '../src/index';
import { RunClient } from '../src/index';
import { lineChart, MetricNotFoundError, MultiRunPlot, PlotDataError, RunPlot, readOfflineMetrics, readOfflineRunIo } from '../src/plots/index';
import { isolatedClient, tempDir } from './helpers/isolated';

const OWNER = 'default';
const PROJECT = 'plots-demo';
const stamp = (i: number): string => `2026-12-07 16:52:${String(17 + Math.floor(i / 10)).padStart(2, '0')}.${String(100000 + i * 1000).padStart(6, '0')}+00:00`;
/** A metric file as @px/tracking and upstream write it (header, rows, no final newline). */
const metricFile = (rows: Array<[step: number | '', value: string]>): string => ['step|timestamp|metric', ...rows.map(([s, v], i) => `${s}|${stamp(i)}|${v}`)].join('\n');

let server: ApiServer;
let client: PolyaxonClient;
const uuids: string[] = [];

function writeEvents(dir: string, files: Record<string, string>): void {
  mkdirSync(join(dir, 'events', 'metric'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'events', 'metric', `${name}.plx`), text);
}

beforeAll(async () => {
  server = await startApiServer();
  client = isolatedClient({ host: server.url });
  server.state.addProject({ name: PROJECT });
  for (let r = 0; r < 3; r++) {
    const run = server.state.addRun({
      project: PROJECT,
      name: `run-${r}`,
      inputs: { lr: [0.1, 0.01, 0.001][r]!, optimizer: ['sgd', 'adam', 'rmsprop'][r]! },
      outputs: { loss: [0.05, 0.115, 0.18][r]! },
      status: 'succeeded',
    });
    uuids.push(run.uuid);
    // loss every step, accuracy only on even steps: a join on row position would misalign them
    writeEvents(join(server.artifactsDir, run.uuid), {
      loss: metricFile(Array.from({ length: 6 }, (_, s) => [s, String(1 / (s + 1 + r))])),
      accuracy: metricFile([0, 2, 4].map((s) => [s, String(0.5 + s / 10 + r / 100)])),
    });
    server.state.addLineage(run, [
      { name: 'loss', kind: 'metric', path: 'events/metric/loss.plx' },
      { name: 'accuracy', kind: 'metric', path: 'events/metric/accuracy.plx' },
    ]);
  }
  // 22 more runs without inputs or events, to page through
  for (let i = 0; i < 22; i++) server.state.addRun({ project: PROJECT, name: `extra-${i}` });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('RunClient metric data methods against the test server', () => {
  it('getMetricsAsTidy gives typed rows whatever order the server answers in', async () => {
    const run = new RunClient({ owner: OWNER, project: PROJECT, runUuid: uuids[0], client });
    const rows = await run.getMetricsAsTidy({ names: ['loss', 'accuracy'] });
    expect(rows.filter((r) => r.name === 'loss').map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows.find((r) => r.name === 'accuracy' && r.step === 2)).toEqual({
      step: 2,
      name: 'accuracy',
      metric: 0.7,
      timestamp: new Date(Date.UTC(2026, 11, 7, 16, 52, 17, 101)),
    });
  });

  it('getMetricsAsWide joins on the step', async () => {
    const run = new RunClient({ owner: OWNER, project: PROJECT, runUuid: uuids[0], client });
    const wide = await run.getMetricsAsWide({ names: 'loss,accuracy' });
    expect(wide.slice(0, 3)).toEqual([
      { step: 0, loss: 1, accuracy: 0.5 },
      { step: 1, loss: 0.5, accuracy: null },
      { step: 2, loss: 1 / 3, accuracy: 0.7 },
    ]);
    expect(wide).toHaveLength(6);
  });

  it('reads every metric of the run (its metric lineage) when no names are given', async () => {
    const run = new RunClient({ owner: OWNER, project: PROJECT, runUuid: uuids[1], client });
    expect(new Set((await run.getMetricsAsTidy()).map((r) => r.name))).toEqual(new Set(['loss', 'accuracy']));
  });

  it('names the missing metric and the run, and lists the metrics it has', async () => {
    const run = new RunClient({ owner: OWNER, project: PROJECT, runUuid: uuids[0], client });
    const error = await run.getMetricsAsTidy({ names: ['loss', 'f1'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetricNotFoundError);
    expect((error as Error).message).toBe(`Run ${uuids[0]} has no metric \`f1\`; its metrics are: accuracy, loss.`);
    expect((error as MetricNotFoundError).available).toEqual(['accuracy', 'loss']);
  });

  it('getRunsIo pages through every run up to limit (upstream stops at 20)', async () => {
    const run = new RunClient({ owner: OWNER, project: PROJECT, client });
    const before = server.requests.length;
    const all = await run.getRunsIo();
    expect(all).toHaveLength(25);
    expect(await run.getRunsIo({ limit: 22 })).toHaveLength(22);
    const sorted = await run.getRunsIo({ query: 'inputs.lr:>0', sort: 'inputs.lr' });
    expect(sorted.map((r) => r.values.lr)).toEqual([0.001, 0.01, 0.1]);
    expect(sorted[0]).toEqual({ uid: uuids[2], name: 'run-2', values: { lr: 0.001, optimizer: 'rmsprop', loss: 0.18 } });
    expect(server.requests.length - before).toBeGreaterThanOrEqual(3);
  });

  it('getMultiRunEvents answers by run uuid in one request, an unknown run mapped to []', async () => {
    const run = new RunClient({ owner: OWNER, project: PROJECT, client });
    const unknown = '0'.repeat(32);
    const answer = await run.getMultiRunEvents({ kind: 'metric', runs: [uuids[0]!, unknown], names: ['loss'], orient: 'dict' });
    expect(Object.keys(answer.data ?? {}).sort()).toEqual([uuids[0], unknown].sort());
    expect(answer.data?.[unknown]).toEqual([]);
  });
});

describe('metrics of several runs', () => {
  it('getMetricsAsTidy({ runs }) reads them in one request, each row with its run', async () => {
    const run = new RunClient({ owner: OWNER, project: PROJECT, client });
    const before = server.requests.length;
    const rows = await run.getMetricsAsTidy({ names: ['accuracy'], runs: uuids });
    expect(server.requests.length - before).toBe(1);
    expect(rows.map((r) => [r.run, r.step, r.metric])).toEqual(uuids.flatMap((u, r) => [0, 2, 4].map((s) => [u, s, 0.5 + s / 10 + r / 100])));
    await expect(run.getMetricsAsTidy({ names: ['f1'], runs: uuids })).rejects.toThrow(MetricNotFoundError);
    await expect(run.getMetricsAsTidy({ runs: uuids })).rejects.toThrow('Reading several runs needs the metric `names`.');
    await expect(run.getMetricsAsWide({ names: ['loss'], runs: uuids })).rejects.toThrow(PlotDataError);
  });
});

describe('RunPlot and MultiRunPlot', () => {
  it('RunPlot loads metrics and charts them with the 1.x method names', async () => {
    const plot = new RunPlot({ owner: OWNER, project: PROJECT, runUuid: uuids[0], client });
    expect(() => plot.line()).toThrow(PlotDataError);
    const answer = await plot.getMetrics({ names: ['loss'] });
    expect((answer.data as Array<{ data: { timestamp: string[] } }>)[0]!.data.timestamp[0]).toBe(stamp(0)); // the server's answer, microseconds kept
    expect(() => plot.scatter()).toThrow('A scatter plot needs two metrics; only `loss` is loaded.');
    await plot.getMetrics({ names: ['accuracy'] });
    expect(plot.metricNames).toEqual(['loss', 'accuracy']);
    expect(plot.getTidyDf()).toHaveLength(9);
    expect(plot.getWideDf()).toHaveLength(6);
    for (const spec of [plot.line({ smoothing: 0.5 }), plot.bar(), plot.scatter()]) expect(compile(spec as never).spec).toBeTruthy();
    expect(plot.scatter()).toMatchObject({ data: { values: [{ step: 0, x: 1, y: 0.5 }, { step: 2 }, { step: 4 }] } });
  });

  it('MultiRunPlot compares runs: parallel coordinates, metrics of several runs in one request, a table', async () => {
    const plot = new MultiRunPlot({ owner: OWNER, project: PROJECT, client });
    const hiplot = await plot.getHiplot({ query: 'inputs.lr:>0', sort: '-inputs.lr' });
    expect(compile(hiplot as never).spec).toBeTruthy();
    expect(plot.runUuids).toEqual(uuids);
    const before = server.requests.length;
    const rows = await plot.getMultiRunMetrics({ names: ['loss', 'accuracy'] });
    expect(server.requests.length - before).toBe(1);
    expect(new Set(rows.map((r) => r.run))).toEqual(new Set(uuids));
    const spec = plot.line();
    expect(compile(spec as never).spec).toBeTruthy();
    expect((spec.encoding as { color: { sort: string[] } }).color.sort).toHaveLength(6);
    const table = await plot.getComparisonTable({ query: 'inputs.lr:>0', sortTable: 'metrics.accuracy' });
    expect(table.columns).toEqual(['uid', 'name', 'lr', 'optimizer', 'loss', 'metrics.accuracy', 'metrics.loss']);
    expect(table.rows.map((r) => r['metrics.accuracy'])).toEqual([0.9, 0.91, 0.92]);
    await expect(plot.getMultiRunMetrics({ names: ['nope'] })).rejects.toThrow(MetricNotFoundError);
  });
});

describe('offline runs', () => {
  const root = tempDir('px-offline-');
  const uuid = 'f'.repeat(32);
  const dir = join(root, 'runs', uuid);
  beforeAll(() => {
    writeEvents(dir, {
      loss: metricFile([[0, '1.0'], ['', '0.5'], [2, 'nan'], [3, 'inf']]),
      empty: 'step|timestamp|metric',
    });
    writeFileSync(join(dir, 'run.plx.json'), JSON.stringify({ uuid, name: 'on-a-plane', inputs: { lr: 0.1 }, outputs: { loss: 0.5 } }));
  });

  it('RunClient data methods read the event files of an offline run', async () => {
    const offline = new RunClient({ runUuid: uuid, client: isolatedClient({ isOffline: true, offlineRoot: root }) });
    const rows = await offline.getMetricsAsTidy({ names: ['loss'] });
    expect(rows.map((r) => [r.step, r.metric])).toEqual([
      [0, 1],
      [1, 0.5],
      [2, Number.NaN],
      [3, Number.POSITIVE_INFINITY],
    ]);
    expect(await offline.getMetricsAsWide({ names: ['empty'] })).toEqual([]);
    const events = await offline.getMetrics({ names: ['loss'] });
    expect(events.data).toEqual([
      { name: 'loss', kind: 'metric', data: { step: [0, 1, 2, 3], timestamp: [stamp(0), stamp(1), stamp(2), stamp(3)].map((t) => t.replace(/\.(\d{3})\d{3}/, '.$1000')), metric: [1, 0.5, Number.NaN, Number.POSITIVE_INFINITY] } },
    ]);
    await expect(offline.getMetricsAsTidy({ names: ['acc'] })).rejects.toThrow(`Run ${dir} has no metric \`acc\`; its metrics are: empty, loss.`);
  });

  it('RunPlot charts an offline run; an all-NaN or empty metric gives a clear error, not a blank chart', async () => {
    const plot = new RunPlot({ runUuid: uuid, client: isolatedClient({ isOffline: true, offlineRoot: root }) });
    await plot.getMetrics();
    expect(plot.metricNames).toEqual(['loss']);
    const spec = plot.line();
    expect(spec.description).toBe('loss: 2 NaN/infinite values not drawn');
    expect(compile(spec as never).spec).toBeTruthy();
    const empty = await readOfflineMetrics(dir, ['empty']);
    expect(empty).toEqual([]);
    expect(() => lineChart(empty)).toThrow(new PlotDataError('There are no metric values to plot (the run has no events for these metrics).'));
    expect(() => lineChart(plot.metrics.filter((r) => !Number.isFinite(r.metric)))).toThrow('There are no plottable values: loss: 2 non-finite.');
  });

  it('several offline runs are read from their folders, each row with its run', async () => {
    const other = 'e'.repeat(32);
    writeEvents(join(root, 'runs', other), { loss: metricFile([[0, '2.0']]) });
    const offline = new RunClient({ client: isolatedClient({ isOffline: true, offlineRoot: root }) });
    const rows = await offline.getMetricsAsTidy({ names: ['loss'], runs: [uuid, other] });
    expect(rows.map((r) => [r.run, r.metric])).toEqual([
      [uuid, 1],
      [uuid, 0.5],
      [uuid, Number.NaN],
      [uuid, Number.POSITIVE_INFINITY],
      [other, 2],
    ]);
    const plot = new MultiRunPlot({ client: isolatedClient({ isOffline: true, offlineRoot: root }) });
    await plot.getMultiRunMetrics({ names: 'loss', runs: [uuid, other] });
    expect(compile(plot.line() as never).spec).toBeTruthy();
  });

  it('getRunsIo lists the offline runs (sorted, limited; no query)', async () => {
    const second = join(root, 'runs', 'd'.repeat(32));
    mkdirSync(second, { recursive: true });
    writeFileSync(join(second, 'run.plx.json'), JSON.stringify({ uuid: 'd'.repeat(32), inputs: { lr: 0.01 }, outputs: { loss: 0.2 } }));
    const plot = new MultiRunPlot({ client: isolatedClient({ isOffline: true, offlineRoot: root }) });
    const io = await plot.getRunsIo({ sort: 'outputs.loss' });
    expect(io).toEqual([
      { uid: 'd'.repeat(32), values: { lr: 0.01, loss: 0.2 } },
      { uid: uuid, name: 'on-a-plane', values: { lr: 0.1, loss: 0.5 } },
    ]);
    expect(plot.runUuids).toEqual(['d'.repeat(32), uuid]);
    expect(await plot.getRunsIo({ sort: '-inputs.lr', limit: 1 })).toHaveLength(1);
    expect(compile((await plot.getHiplot()) as never).spec).toBeTruthy();
    await expect(plot.getRunsIo({ query: 'metrics.loss:<1' })).rejects.toThrow('Offline runs cannot be filtered with a query');
    await expect(plot.getRunsIo({ sort: 'status' })).rejects.toThrow('not `status`');
  });

  it('readOfflineRunIo gives the folder’s inputs and outputs; a folder without run.plx.json is refused', async () => {
    expect(await readOfflineRunIo(dir)).toEqual({ uid: uuid, name: 'on-a-plane', values: { lr: 0.1, loss: 0.5 } });
    await expect(readOfflineRunIo(root)).rejects.toThrow(`${root} is not an offline run folder: it has no run.plx.json.`);
  });
});

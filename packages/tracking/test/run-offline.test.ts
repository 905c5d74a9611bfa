import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Run, tracking, TrackingError, TrackingNotInitializedError, WriterClosedError } from '../src/index';
import { encodePng } from '../src/media/png';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'px-run-'));
  dirs.push(d);
  return d;
}

async function offlineRun(root = temp(), extra: Partial<Parameters<typeof Run.init>[0]> = {}): Promise<Run> {
  return Run.init({
    isOffline: true, project: 'p', env: { POLYAXON_OFFLINE_ROOT: root }, homeDir: root, cwd: root,
    exitHooks: false, collectResources: false, warn: () => undefined, ...extra,
  });
}

function read(run: Run, rel: string): string {
  return readFileSync(join(run.getArtifactsPath()!, rel), 'utf8');
}

describe('module-level API', () => {
  it('raises a clear error before init()', () => {
    expect(() => tracking.logMetrics({ a: 1 })).toThrow(TrackingNotInitializedError);
    expect(() => tracking.logMetric('a', 1)).toThrow(/before tracking.init\(\)/);
  });

  it('delegates to the current run after init()', async () => {
    const root = temp();
    const run = await tracking.init({ isOffline: true, project: 'p', env: { POLYAXON_OFFLINE_ROOT: root }, homeDir: root, cwd: root, exitHooks: false, collectResources: false });
    expect(tracking.currentRun()).toBe(run);
    tracking.logMetrics({ 'train/loss': 0.5 }, { step: 1 });
    await tracking.end();
    expect(read(run, 'events/metric/train__loss.plx')).toMatch(/^step\|timestamp\|metric\n1\|.+\|0\.5$/);
  });
});

describe('no-op mode', () => {
  it('POLYAXON_NO_OP makes every call a safe no-op', async () => {
    const root = temp();
    const run = await Run.init({ env: { POLYAXON_NO_OP: 'true' }, homeDir: root, cwd: root });
    expect(run.noOp).toBe(true);
    run.logMetrics({ a: 1 });
    run.logText('t', 'x');
    run.logStatus('running');
    await run.end();
    expect(run.getArtifactsPath()).toBeUndefined();
    expect(run.runUuid).toBeUndefined();
  });
});

describe('offline runs', () => {
  it('writes every media kind with upstream paths and values', async () => {
    const run = await offlineRun();
    const src = temp();
    const png = join(src, 'pic.PNG');
    writeFileSync(png, encodePng(2, 1, 3, new Uint8Array([1, 2, 3, 4, 5, 6])));
    run.logImage(png, { step: 2 });
    run.logImage(encodePng(1, 1, 4, new Uint8Array([1, 2, 3, 4])), { name: 'bytes' });
    run.logImageWithBoxes({ data: new Uint8Array(3 * 8 * 8), shape: [3, 8, 8] }, [[1, 1, 6, 6]], { step: 0 });
    run.logAudio([0, 0.5, -0.5], { name: 'tone', sampleRate: 8000, step: 1 });
    const video = join(src, 'clip.mp4');
    writeFileSync(video, 'video-bytes');
    run.logVideo(video);
    run.logDataframe([{ a: 1, b: 'x' }], 'table', { step: 3 });
    run.logVegaChart('chart', { mark: 'bar', data: { values: [{ a: 1 }] } }, { step: 1 });
    run.logPlotlyChart('plotly', { data: [{ x: [1, 2], y: [0.5, 1] }] });
    run.logSklearnRocAucCurve('roc', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], { step: 1 });
    run.logSklearnPrCurve('multi', [[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]], [0, 1, 0], { isMultiClass: true });
    const artifact = join(src, 'weights.tar.gz');
    writeFileSync(artifact, 'w');
    run.logArtifact(artifact, { kind: 'file', step: 5 });
    await run.end();

    expect(read(run, 'events/image/pic.plx')).toMatch(/\n2\|.+\|\{"path":"assets\/image\/pic_2\.png"\}$/);
    expect(read(run, 'events/image/bytes.plx')).toMatch(/\|\{"height":1,"width":1,"colorspace":4,"path":"assets\/image\/bytes\.png"\}$/);
    expect(read(run, 'events/image/figure.plx')).toMatch(/\{"height":8,"width":8,"colorspace":3,"path":"assets\/image\/figure_0\.png"\}$/);
    expect(read(run, 'events/audio/tone.plx')).toMatch(/\{"sample_rate":8000\.0,"num_channels":1,"length_frames":3,"path":"assets\/audio\/tone_1\.wav","content_type":"audio\/wav"\}$/);
    expect(read(run, 'events/video/clip.plx')).toMatch(/\{"path":"assets\/video\/clip\.mp4","content_type":"mp4"\}$/);
    expect(read(run, 'assets/video/clip.mp4')).toBe('video-bytes');
    expect(read(run, 'assets/dataframe/table_3.csv')).toBe(',a,b\n0,1,x\n');
    expect(read(run, 'events/chart/chart.plx')).toBe(
      `\n{"timestamp": "${JSON.parse(read(run, 'events/chart/chart.plx').slice(1)).timestamp}", "step": 1, "chart": "{\\"kind\\":\\"vega\\",\\"figure\\":{\\"mark\\":\\"bar\\",\\"data\\":{\\"values\\":[{\\"a\\":1}]}}}"}`,
    );
    expect(read(run, 'events/chart/plotly.plx')).toContain('"chart": "{\\"kind\\": \\"plotly\\", \\"figure\\": {\\"data\\": [{\\"x\\": [1, 2], \\"y\\": [0.5, 1]}]}}"');
    expect(read(run, 'events/curve/roc.plx')).toMatch(/\{"kind":"roc","x":\[0\.0,0\.0,0\.5,0\.5,1\.0\],"y":\[0\.0,0\.5,0\.5,1\.0,1\.0\],"annotation":"0\.75"\}$/);
    expect(existsSync(join(run.getArtifactsPath()!, 'events/curve/multi_0.plx'))).toBe(true);
    expect(existsSync(join(run.getArtifactsPath()!, 'events/curve/multi_1.plx'))).toBe(true);
    expect(read(run, 'events/file/weights.plx')).toMatch(/\{"kind":"file","path":"assets\/file\/weights_5\.tar\.gz"\}$/);
  });

  it('logs trace spans like upstream (double-encoded JSON line, inputs/outputs merged, has_traces)', async () => {
    const run = await offlineRun();
    run.logTrace(
      { uuid: 'ceb21ee781254719b18664ad1fde57a2', name: 's', startedAt: '2024-01-02T03:04:05.123456Z', status: 'succeeded', inputs: { k: 'v' } },
      { step: 1 },
    );
    await run.end();
    const line = read(run, 'events/span/s.plx');
    expect(line).toMatch(
      /^\n\{"timestamp": "[^"]+", "step": 1, "span": "\{\\"uuid\\":\\"ceb21ee781254719b18664ad1fde57a2\\",\\"name\\":\\"s\\",\\"started_at\\":\\"2024-01-02T03:04:05\.123456\+00:00\\",\\"status\\":\\"succeeded\\",\\"inputs\\":\{\\"k\\":\\"v\\"\}\}"\}$/,
    );
    const data = JSON.parse(read(run, 'run.plx.json')) as { inputs: unknown; meta_info: Record<string, unknown> };
    expect(data.inputs).toEqual({ k: 'v' });
    expect(data.meta_info).toMatchObject({ has_traces: true, has_events: true });
  });

  it('gives a tensorboard folder and records it once', async () => {
    const run = await offlineRun();
    const path = run.getTensorboardPath()!;
    expect(path).toBe(join(run.getArtifactsPath()!, 'outputs/tensorboard'));
    expect(existsSync(path)).toBe(true);
    run.getTensorboardPath();
    await run.end();
    const lineage = JSON.parse(read(run, 'lineages.plx.json')) as { name: string; kind: string; path: string }[];
    expect(lineage.filter((l) => l.kind === 'tensorboard')).toEqual([expect.objectContaining({ name: 'tensorboard', path: 'outputs/tensorboard' })]);
  });

  it('resumes an offline run folder with the same uuid', async () => {
    const root = temp();
    const first = await offlineRun(root, { name: 'r1' });
    first.logMetrics({ m: 1 }, { step: 0 });
    await first.end();
    const uuid = first.runUuid!;
    const again = await offlineRun(root, { runUuid: uuid });
    again.logMetrics({ m: 2 }, { step: 1 });
    await again.end();
    expect(read(again, 'events/metric/m.plx').split('\n')).toHaveLength(3);
    const data = JSON.parse(read(again, 'run.plx.json')) as { name: string; status_conditions: { type: string }[] };
    expect(data.name).toBe('r1');
    expect(data.status_conditions.map((c) => c.type)).toEqual(['created', 'running', 'succeeded']);
  });

  it('logFailed ends the run with status failed, and later events are rejected', async () => {
    const run = await offlineRun();
    run.logMetrics({ m: 1 });
    await run.logFailed({ reason: 'Test', message: 'bad data' });
    const data = JSON.parse(read(run, 'run.plx.json')) as { status: string };
    expect(data.status).toBe('failed');
    expect(() => run.logMetrics({ m: 2 })).toThrow(WriterClosedError);
  });

  it('rejects bad input with typed errors and writes nothing for it', async () => {
    const run = await offlineRun();
    expect(() => run.logMetrics({ m: 'x' as unknown as number })).toThrow(TrackingError);
    expect(() => run.logMetric('m', 1, { step: 1.5 })).toThrow(/step must be an integer/);
    expect(() => run.logMetric('m', 1, { timestamp: 'not a date' })).toThrow(/invalid timestamp/);
    expect(() => run.logMetric('\u2713', 1)).toThrow(TrackingError);
    expect(() => run.logConfusionMatrix('cm', [1, 2], [1], [[1]])).toThrow(/same structure/);
    expect(() => run.logNpHistogram('h', [1, 2], [0, 1])).toThrow(TrackingError);
    expect(() => run.logImage('/does/not/exist.png')).toThrow(/does not exist/);
    expect(() => run.logDataframe([], 'd', { contentType: 'xml' as 'csv' })).toThrow(/not supported/);
    expect(() => run.logProgress(2)).toThrow();
    await expect(run.create()).rejects.toThrow(TrackingError);
    await run.end();
  });

  it('does not print secrets or internals', async () => {
    const run = await offlineRun();
    expect(Object.keys(run.toJSON())).toEqual(['owner', 'project', 'runUuid', 'isOffline', 'noOp', 'artifactsPath']);
    await run.end();
  });
});

describe('attaching to a managed offline run (px run --local --offline)', () => {
  it('a bare init with POLYAXON_IS_MANAGED + POLYAXON_RUN_INSTANCE resumes that offline folder', async () => {
    const root = temp();
    const uuid = 'a'.repeat(32);
    const first = await offlineRun(root, { runUuid: uuid, name: 'created-by-px', owner: 'acme', project: 'lab' });
    await first.end();
    const env = { POLYAXON_OFFLINE_ROOT: root, POLYAXON_IS_OFFLINE: 'true', POLYAXON_IS_MANAGED: 'true', POLYAXON_RUN_INSTANCE: `acme.lab.runs.${uuid}` };
    const run = await Run.init({ env, homeDir: root, cwd: root, exitHooks: false, collectResources: false, warn: () => undefined });
    expect(run.runUuid).toBe(uuid);
    expect(run.getArtifactsPath()).toBe(join(root, 'runs', uuid));
    run.logMetrics({ loss: 0.25 }, { step: 1 });
    await run.end();
    const record = JSON.parse(read(run, 'run.plx.json')) as { name: string; outputs: Record<string, unknown> };
    expect(record).toMatchObject({ name: 'created-by-px', outputs: { loss: 0.25 } });
  });
});

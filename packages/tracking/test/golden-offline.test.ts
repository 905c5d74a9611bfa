import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { corpusPath, hasShared, requireShared } from '@px/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { Run } from '../src/index';
import { decodePng } from './png-decode';

const fixtures = join(import.meta.dirname, '../src/__fixtures__/golden');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'px-golden-'));
  temps.push(d);
  return d;
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

const TS = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?[+-]\d{2}:\d{2}$/;

/** Compares an event file: same header/prefix structure, same steps and values; generated timestamps only by format. */
function expectSameEventFile(ours: string, golden: string, exactTimestamps: boolean): void {
  if (exactTimestamps) {
    expect(ours).toBe(golden);
    return;
  }
  const a = ours.split('\n');
  const b = golden.split('\n');
  expect(a.length).toBe(b.length);
  expect(a[0]).toBe(b[0]);
  for (let i = 1; i < a.length; i++) {
    if (b[i]!.startsWith('{')) {
      const x = JSON.parse(a[i]!) as Record<string, unknown>;
      const y = JSON.parse(b[i]!) as Record<string, unknown>;
      expect(String(x.timestamp)).toMatch(TS);
      expect(a[i]!.replace(/"timestamp": "[^"]+"/, '"timestamp": "T"')).toBe(b[i]!.replace(/"timestamp": "[^"]+"/, '"timestamp": "T"'));
      expect(Object.keys(x)).toEqual(Object.keys(y));
    } else {
      const [s1, t1, ...v1] = a[i]!.split('|');
      const [s2, , ...v2] = b[i]!.split('|');
      expect(s1).toBe(s2);
      expect(t1).toMatch(TS);
      expect(v1.join('|')).toBe(v2.join('|'));
    }
  }
}

function normaliseSummary(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseSummary);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === 'min' || k === 'max' ? (typeof v === 'string' && ISO.test(v) ? 'ISO' : v) : normaliseSummary(v);
    }
    return out;
  }
  return value;
}

type Lineage = { name: string; kind: string; path?: string; summary?: Record<string, unknown>; is_input?: boolean };

function compareFolders(ours: string, golden: string, options: { exactTimestampFiles: string[]; skipped: string[]; offlineRoot: string }): void {
  const ourFiles = files(ours).filter((f) => !f.startsWith('resources/') && f !== 'outputs/env.json');
  const goldenFiles = files(golden).filter((f) => !f.startsWith('resources/') && f !== 'outputs/env.json');
  expect(ourFiles).toEqual(goldenFiles);
  // Resource files: upstream's names are all present (px adds disk/network).
  for (const f of files(golden).filter((x) => x.startsWith('resources/'))) expect(existsSync(join(ours, f))).toBe(true);
  for (const f of ourFiles) {
    const a = readFileSync(join(ours, f));
    const b = readFileSync(join(golden, f));
    if (f.endsWith('.plx')) expectSameEventFile(a.toString('utf8'), b.toString('utf8'), options.exactTimestampFiles.includes(f));
    else if (f.endsWith('.png')) {
      const x = decodePng(a);
      const y = decodePng(b);
      expect([x.width, x.height, x.channels]).toEqual([y.width, y.height, y.channels]);
      expect(Buffer.from(x.pixels).equals(Buffer.from(y.pixels))).toBe(true);
    } else if (f === 'run.plx.json') {
      const x = JSON.parse(a.toString('utf8')) as Record<string, unknown>;
      const y = JSON.parse(b.toString('utf8')) as Record<string, unknown>;
      expect(Object.keys(x)).toEqual(Object.keys(y));
      for (const key of ['name', 'description', 'tags', 'owner', 'project', 'managed_by', 'is_managed', 'status', 'kind', 'runtime', 'inputs', 'meta_info']) {
        expect(x[key], key).toEqual(y[key]);
      }
      expect(x.outputs).toEqual(y.outputs);
      const conds = (c: unknown) => (c as Record<string, unknown>[]).map(({ type, status, reason, message }) => ({ type, status, reason, message }));
      expect(conds(x.status_conditions)).toEqual(conds(y.status_conditions));
      expect(a.toString('utf8')).toMatch(/"wait_time":\d+\.\d+,"duration":\d+\.\d+/);
      // Byte for byte but for the clock and the order of outputs (see README): same keys and Python float text (`"progress":1.0`, `"ts":3.0`).
      const clockless = (text: string): string =>
        text
          .replace(/"\d{4}-\d{2}-\d{2}T[^"]+"/g, '"T"')
          .replace(/"(wait_time|duration)":\d+\.\d+/g, '"$1":S')
          .replace(/"outputs":\{([^}]*)\}/, (_m, pairs: string) => `"outputs":{${pairs.split(',').sort().join(',')}}`);
      expect(clockless(a.toString('utf8'))).toBe(clockless(b.toString('utf8')));
    } else if (f === 'lineages.plx.json') {
      const byName = (text: string) =>
        new Map((JSON.parse(text) as Lineage[]).map((l) => [l.name, l] as const));
      const x = byName(a.toString('utf8'));
      const y = byName(b.toString('utf8').replaceAll('<OFFLINE_ROOT>', options.offlineRoot));
      expect([...x.keys()].sort()).toEqual([...y.keys()].sort().concat(/* px extensions */ [...x.keys()].filter((k) => k.startsWith('disk') || k.startsWith('network'))).sort());
      for (const [name, g] of y) {
        const o = x.get(name)!;
        expect([o.kind, o.path, o.is_input], name).toEqual([g.kind, g.path, g.is_input]);
        if (g.kind === 'system') continue;
        if (g.kind === 'env') {
          expect(Object.keys(o.summary!)).toEqual(['path', 'hash']);
          expect(o.summary!.path).toBe(g.summary!.path);
          continue;
        }
        const summary = JSON.stringify(normaliseSummary(o.summary));
        const expected = JSON.stringify(normaliseSummary(g.summary));
        // pandas parses one CSV float one ulp off (see README); compare the rest exactly.
        expect(summary.replace('0.05005000074505806', '0.050050000745058054'), name).toBe(expected);
      }
    } else {
      expect(a.equals(b), f).toBe(true);
    }
  }
}

async function replayFormatting(offlineRoot: string): Promise<Run> {
  const run = await Run.init({
    owner: 'default', project: 'golden-tracking', isOffline: true, name: 'formatting-edge-cases', runUuid: 'bd2a8be9f4ed42cdb44f8db1aa234aa6',
    env: { POLYAXON_OFFLINE_ROOT: offlineRoot }, homeDir: offlineRoot, cwd: offlineRoot, exitHooks: false, warn: () => undefined,
  });
  const edge = [1e-5, 0.0001, 1e16, 1e21, 123456789.123, 0.1 + 0.2, 3, Math.fround(0.1), 7, NaN, Infinity, -0, 5e-324, 1.5e300, true, 2.5];
  edge.forEach((v, step) => run.logMetric('edge', v as number, { step }));
  run.logMetric('ts', 1.0, { timestamp: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) });
  run.logMetric('ts', 2.0, { step: 1, timestamp: '2024-01-02T03:04:05.12+02:00' });
  run.logMetric('ts', 3.0, { step: 2, timestamp: '2024-01-02T03:04:05.5Z' });
  run.logMetrics({ 'val/loss': 0.5, 'Val Loss': 0.6, 'a.b-c': 0.7, '\u00fcn\u00ef': 0.8 }, { step: 0 });
  run.logText('unicode text', 'h\u00e9llo \u2713 "quoted"\nsecond line\ttab', { step: 1 });
  run.logText('unicode text', 'no step');
  run.logHtml('page', '<b>bold \u2713</b>', { step: 3 });
  run.logCurve('curve \u2713', [0, 1], [1, 0], { annotation: '\u00fcn\u00ef', step: 0 });
  run.logConfusionMatrix('cm', ['\u00e4', 'b'], [0, 1], [[1, 0], [0.5, 0.5]], { step: 0 });
  run.logImage({ data: new Float32Array(6), shape: [2, 3] }, { name: 'gray image', step: 0, dataformats: 'HW' });
  return run;
}

async function replayOffline(offlineRoot: string, golden: string): Promise<Run> {
  const run = await Run.init({
    owner: 'default', project: 'golden-tracking', isOffline: true, name: 'offline-run', runUuid: 'db6ad090afb5418c85e8d8b0c8c0fc42', description: 'golden offline run', tags: ['golden', 'offline'],
    env: { POLYAXON_OFFLINE_ROOT: offlineRoot }, homeDir: offlineRoot, cwd: offlineRoot, exitHooks: false, warn: () => undefined,
  });
  const losses = [1.0, 0.5, 0.3333, 0.25, 0.2];
  const accs = [0.5, 0.6, 0.7, 0.8, 0.9];
  for (let step = 0; step < 5; step++) run.logMetrics({ loss: losses[step]!, accuracy: accs[step]! }, { step });
  run.logMetric('lr', 0.001, { step: 4 });
  run.logText('notes', 'hello golden text', { step: 1 });
  run.logHtml('report', '<p>golden</p>', { step: 1 });
  const pixels = new Uint8Array(6 * 8 * 3);
  for (let y = 0; y < 6; y++) for (let x = 0; x < 8; x++) pixels.set([x * 30, y * 40, 200], (y * 8 + x) * 3);
  run.logImage({ data: pixels, shape: [6, 8, 3] }, { name: 'np_image', step: 1, dataformats: 'HWC' });
  const tiny = join(golden, 'assets/image/tiny.png');
  run.logImage(tiny, { name: 'file_image', step: 2 });
  run.logImage(tiny);
  run.logHistogram('hist', [0.1, 0.2, 0.2, 0.5, 0.9, 0.9, 0.9], 4, { step: 1 });
  run.logNpHistogram('nphist', [1, 4, 2], [0.0, 1.0, 2.0, 3.0], { step: 1 });
  run.logRocAucCurve('roc', [0, 0.1, 0.5, 1], [0, 0.6, 0.9, 1], { auc: 0.85, step: 1 });
  run.logPrCurve('pr', [1, 0.8, 0.6], [0, 0.5, 1], { averagePrecision: 0.7, step: 1 });
  run.logCurve('custom_curve', [1, 2, 3], [0.5, 0.25, 0.125], { annotation: 'halving', step: 1 });
  run.logConfusionMatrix('confusion', ['cat', 'dog'], ['cat', 'dog'], [[0.9, 0.1], [0.2, 0.8]], { step: 1 });
  run.logInputs({ lr: 0.001, epochs: 5 });
  run.logOutputs({ final_accuracy: 0.9 });
  run.logProgress(0.5);
  run.logProgress(1.0);
  const model = join(golden, 'outputs/model.txt');
  run.logArtifact(model, { name: 'model_file', kind: 'file' });
  run.logModel(model, { name: 'my_model', framework: 'scikit-learn' });
  return run;
}

function suites(): [string, string][] {
  const out: [string, string][] = [['fixtures', fixtures]];
  if (requireShared('tracking golden run folders') && hasShared) {
    out.push(['shared corpus', corpusPath('golden/run-artifacts')]);
  }
  return out;
}

describe.each(suites())('offline runs match the golden folders (%s)', (_label, base) => {
  const formatting = _label === 'fixtures' ? join(base, 'offline-formatting') : join(base, 'offline-formatting/runs/bd2a8be9f4ed42cdb44f8db1aa234aa6');
  const offline = _label === 'fixtures' ? join(base, 'offline') : join(base, 'offline/runs/db6ad090afb5418c85e8d8b0c8c0fc42');

  it('replays the encoding edge cases file by file', async () => {
    const root = temp();
    const run = await replayFormatting(root);
    const report = await run.endWithReport();
    expect(report.status).toBe('succeeded');
    expect(report.eventsPending).toBe(0);
    compareFolders(run.getArtifactsPath()!, formatting, { exactTimestampFiles: ['events/metric/ts.plx'], skipped: [], offlineRoot: root });
  });

  it('replays the offline tracking flow file by file', async () => {
    const root = temp();
    const run = await replayOffline(root, offline);
    await run.end();
    compareFolders(run.getArtifactsPath()!, offline, { exactTimestampFiles: [], skipped: [], offlineRoot: root });
  });
});

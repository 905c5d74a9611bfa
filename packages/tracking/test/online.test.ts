import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolyaxonClient, type BackgroundFailure } from '@px/client';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Run } from '../src/index';

let server: ApiServer;
let dir: string;

beforeEach(async () => {
  server = await startApiServer();
  server.state.addProject({ name: 'demo' });
  dir = mkdtempSync(join(tmpdir(), 'px-online-'));
});

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { POLYAXON_HOST: server.url, POLYAXON_AUTH_TOKEN: 'secret-token', POLYAXON_ARTIFACTS_ROOT: join(dir, 'artifacts'), ...extra };
}

async function startRun(warnings: string[] = [], extra: Record<string, string> = {}, trackLogs = false, syncIntervalMs = 3_600_000): Promise<Run> {
  return Run.init({
    trackLogs,
    syncIntervalMs,
    flushIntervalMs: syncIntervalMs,
    owner: 'default', project: 'demo', isNew: true, name: 'online', tags: ['a'],
    env: env(extra), homeDir: dir, cwd: dir, exitHooks: false, trackCode: false,
    warn: (m) => warnings.push(m),
  });
}

describe('online tracking against the API test server', () => {
  it('creates the run, syncs statuses, meta, outputs, lineage and uploads every file at end()', async () => {
    const run = await startRun([], {}, true);
    const uuid = run.runUuid!;
    expect(server.state.runs.get(uuid)?.name).toBe('online');
    process.stdout.write('px: training starts\n');
    for (let step = 0; step < 5; step++) run.logMetrics({ loss: 1 / (step + 1), accuracy: step / 5 }, { step });
    run.logMetric('lr', 0.001, { step: 4 });
    run.logText('notes', 'hello', { step: 1 });
    const model = join(dir, 'model.txt');
    writeFileSync(model, 'weights\n');
    run.logModel(model, { name: 'my_model', framework: 'tfjs' });
    run.logInputs({ lr: 0.001 });
    const report = await run.endWithReport({ timeoutMs: 20_000 });
    expect(report.timedOut).toBe(false);
    expect(report.apiCallsPending).toEqual([]);
    const stored = server.state.runs.get(uuid)!;
    expect(stored.status).toBe('succeeded');
    expect(stored.inputs).toEqual({ lr: 0.001 });
    expect(stored.outputs).toMatchObject({ loss: 0.2, accuracy: 0.8, lr: 0.001 });
    expect(stored.meta_info).toMatchObject({ has_metrics: true, has_events: true, has_model: true });
    const statuses = server.requests.filter((r) => r.path.endsWith('/statuses') && r.method === 'POST').map((r) => (r.body as { condition: { type: string } }).condition.type);
    expect(statuses).toEqual(['running', 'succeeded']);
    const lineagePosts = server.requests.filter((r) => r.path.endsWith('/lineage/artifacts') && r.method === 'POST');
    const names = new Set(lineagePosts.flatMap((r) => (r.body as { artifacts: { name: string }[] }).artifacts.map((a) => a.name)));
    for (const name of ['env', 'my_model', 'loss', 'accuracy', 'lr', 'notes']) expect(names.has(name)).toBe(true);
    const local = join(dir, 'artifacts', uuid, 'events/metric/loss.plx');
    const remote = join(server.artifactsDir, uuid, 'events/metric/loss.plx');
    expect(readFileSync(remote, 'utf8')).toBe(readFileSync(local, 'utf8'));
    expect(existsSync(join(server.artifactsDir, uuid, 'outputs/model.txt'))).toBe(true);
    const logFiles = readdirSync(join(dir, 'artifacts', uuid, 'plxlogs'));
    expect(logFiles).toHaveLength(1);
    expect(logFiles[0]).toMatch(/^\d{10}\.\d{6}$/);
    const logs = JSON.parse(readFileSync(join(dir, 'artifacts', uuid, 'plxlogs', logFiles[0]!), 'utf8')) as { logs: { node: string; value: string; timestamp: string }[] };
    expect(logs.logs.map((l) => l.value)).toContain('px: training starts');
    expect(logs.logs[0]).toMatchObject({ node: 'local' });
    expect(Object.keys(logs.logs[0]!)).toEqual(['timestamp', 'node', 'pod', 'container', 'value']);
    expect(existsSync(join(server.artifactsDir, uuid, 'plxlogs', logFiles[0]!))).toBe(true);
    expect(server.requests.every((r) => r.authorization === 'Token secret-token')).toBe(true);
    expect(JSON.stringify(run)).not.toContain('secret-token');
  });

  it('keeps training when the API fails: one warning, background retries, nothing lost', async () => {
    const warnings: string[] = [];
    const run = await startRun(warnings);
    const uuid = run.runUuid!;
    server.faults.set({ path: /\/runs\/[0-9a-f]{32}(\/|$)/, kind: 'status', status: 503, times: 12 });
    for (let step = 0; step < 100; step++) run.logMetrics({ loss: 1 / (step + 1) }, { step });
    run.logOutputs({ final: 1 });
    const report = await run.endWithReport({ timeoutMs: 60_000 });
    expect(report.apiCallsPending).toEqual([]);
    expect(warnings.filter((w) => w.includes('API call failed'))).toHaveLength(1);
    const stored = server.state.runs.get(uuid)!;
    expect(stored.status).toBe('succeeded');
    expect(stored.outputs).toMatchObject({ final: 1, loss: 0.01 });
    const remote = readFileSync(join(server.artifactsDir, uuid, 'events/metric/loss.plx'), 'utf8');
    expect(remote.split('\n')).toHaveLength(101);
  });

  it('retries a status write that failed twice until it lands, once and in order, and end() waits for it', async () => {
    const failures: BackgroundFailure[] = [];
    // No transport-level retries: every 503 reaches the client's background queue, which retries until end().
    const client = new PolyaxonClient({
      config: { host: server.url, retries: 0, retryDelay: 0.01 },
      context: { env: { POLYAXON_AUTH_TOKEN: 'secret-token' }, homeDir: dir, cwd: dir },
      onError: (f) => failures.push(f),
    });
    server.faults.set({ path: '/statuses', method: 'POST', kind: 'status', status: 503, times: 2 });
    const run = await Run.init({
      client, owner: 'default', project: 'demo', isNew: true, name: 'flaky', env: env(), homeDir: dir, cwd: dir,
      exitHooks: false, trackCode: false, trackLogs: false, syncIntervalMs: 3_600_000, warn: () => undefined,
    });
    run.logOutputs({ final: 1 });
    const report = await run.endWithReport({ timeoutMs: 20_000 });
    expect(report.timedOut).toBe(false);
    expect(report.apiCallsPending).toEqual([]);
    const statusPosts = server.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/statuses'))
      .map((r) => (r.fault === undefined ? `${(r.body as { condition: { type: string } }).condition.type} ${r.status}` : `${r.fault} ${r.status}`));
    // The two faulted attempts (bodies not recorded) are the first status write, `running`.
    expect(statusPosts).toEqual(['status 503', 'status 503', 'running 201', 'succeeded 201']);
    const landed = server.requests.findIndex((r) => r.path.endsWith('/statuses') && r.status === 201);
    const outputsPatch = server.requests.findIndex((r) => r.method === 'PATCH' && JSON.stringify(r.body).includes('"final":1'));
    expect(landed).toBeGreaterThan(0);
    expect(outputsPatch).toBeGreaterThan(landed);
    const stored = server.state.runs.get(run.runUuid!)!;
    expect(stored.status).toBe('succeeded');
    expect(stored.status_conditions.map((c) => c.type)).toEqual(['created', 'running', 'succeeded']);
    expect(stored.outputs).toMatchObject({ final: 1 });
    expect(failures.map((f) => [f.operation, f.retrying])).toEqual([['logStatus', true]]);
    await client.close();
  });

  it('end() is bounded when the API is gone and says what is still pending', async () => {
    const warnings: string[] = [];
    const run = await startRun(warnings);
    const uuid = run.runUuid!;
    server.faults.set({ kind: 'drop', times: 10_000 });
    for (let step = 0; step < 10; step++) run.logMetrics({ loss: step }, { step });
    const report = await run.endWithReport({ timeoutMs: 1500 });
    expect(report.timedOut).toBe(true);
    expect(report.apiCallsPending.length).toBeGreaterThan(0);
    expect(report.eventsPending).toBe(0);
    expect(readFileSync(join(dir, 'artifacts', uuid, 'events/metric/loss.plx'), 'utf8').split('\n')).toHaveLength(11);
    expect(warnings.some((w) => w.includes('did not complete'))).toBe(true);
    server.faults.clear();
  });

  it('syncs periodically while the run is going (sidecar): summaries, outputs and uploads before end()', async () => {
    const run = await startRun([], {}, false, 50);
    const uuid = run.runUuid!;
    run.logMetrics({ loss: 0.5 }, { step: 0 });
    const remote = join(server.artifactsDir, uuid, 'events/metric/loss.plx');
    await vi.waitFor(() => expect(existsSync(remote)).toBe(true), { timeout: 15_000, interval: 20 });
    await vi.waitFor(() => expect(server.state.runs.get(uuid)?.outputs).toMatchObject({ loss: 0.5 }), { timeout: 15_000, interval: 20 });
    expect(server.state.runs.get(uuid)?.status).toBe('running');
    await run.end();
    expect(server.state.runs.get(uuid)?.status).toBe('succeeded');
  });
});

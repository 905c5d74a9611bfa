import { cpSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusPath, requireShared, startApiServer, type ApiServer } from '@px/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PyFloat, RunClient } from '../src/index';
import { goldenRequests, normalise } from './golden/wire';
import { isolatedClient, tempDir } from './helpers/isolated';

let server: ApiServer;
beforeEach(async () => {
  server = await startApiServer();
});
afterEach(async () => {
  await server.close();
});

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

describe('offline runs', () => {
  it('keep everything local, persist run.plx.json/lineages.plx.json, and push later', async () => {
    const client = isolatedClient({ host: server.url, isOffline: true });
    const run = new RunClient({ owner: 'acme', project: 'proj', client });
    expect(run.runUuid).toMatch(/^[0-9a-f]{32}$/);
    await run.create({ name: 'exp1', tags: ['a', 'b'] });
    run.logStatus('created', { reason: 'OfflineOperation', message: 'Operation is starting' });
    run.start();
    run.logInputs({ lr: 0.01 });
    run.logOutputs({ loss: 0.25 });
    run.logArtifactLineage({ name: 'model', kind: 'model', path: 'outputs/m.bin', summary: { framework: 'pytorch' }, is_input: false });
    run.logArtifactLineage({ name: 'model', kind: 'model', path: 'outputs/m2.bin', is_input: false });
    await run.logSucceeded();
    expect(server.requests).toHaveLength(0);
    expect(run.runData).toMatchObject({ status: 'succeeded', is_managed: false, managed_by: 'user', kind: 'job', runtime: 'job' });
    expect(run.runData.started_at).toBeTruthy();
    expect(run.runData.finished_at).toBeTruthy();

    const dir = run.offlinePath;
    mkdirSync(join(dir, 'outputs'), { recursive: true });
    writeFileSync(join(dir, 'outputs', 'm2.bin'), 'weights');
    await run.persistRun();
    const text = readFileSync(join(dir, 'run.plx.json'), 'utf8');
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'uuid', 'name', 'tags', 'owner', 'project', 'created_at', 'started_at', 'finished_at', 'wait_time', 'duration',
      'managed_by', 'is_managed', 'status', 'kind', 'runtime', 'inputs', 'outputs', 'status_conditions',
    ]);
    expect(text).not.toContain('null');
    expect(statSync(join(dir, 'run.plx.json')).mode & 0o777).toBe(0o644);
    const lineages = JSON.parse(readFileSync(join(dir, 'lineages.plx.json'), 'utf8')) as Array<{ path: string }>;
    expect(lineages).toEqual([{ name: 'model', kind: 'model', path: 'outputs/m2.bin', is_input: false }]);

    const online = isolatedClient({ host: server.url });
    const loaded = await RunClient.loadOfflineRun({ path: dir, client: online, raiseIfNotFound: true });
    expect(loaded?.runUuid).toBe(run.runUuid);
    server.state.addProject({ owner: 'acme', name: 'proj' });
    await loaded!.pushOfflineRun({ path: dir });
    const stored = server.state.getRun('acme', 'proj', run.runUuid!);
    expect(stored).toBeDefined();
    expect(readFileSync(join(server.artifactsDir, run.runUuid!, 'outputs', 'm2.bin'), 'utf8')).toBe('weights');
    expect(existsSync(join(server.artifactsDir, run.runUuid!, 'run.plx.json'))).toBe(false);
    await online.close();
    await client.close();
  });

  it('writes floats with Python float text, byte for byte as upstream', async () => {
    const client = isolatedClient({ isOffline: true });
    const run = new RunClient({ owner: 'acme', project: 'proj', runUuid: 'ceb21ee781254719b18664ad1fde57a2', client });
    await run.create({ name: 'exp1', tags: ['a', 'b'] });
    const at = (us: string): { lastUpdateTime: string; lastTransitionTime: string } => ({
      lastUpdateTime: `2026-11-23T00:32:41.${us}+00:00`,
      lastTransitionTime: `2026-11-23T00:32:41.${us}+00:00`,
    });
    run.logStatus('created', { reason: 'OfflineOperation', message: 'Operation is starting', ...at('692735') });
    run.logStatus('running', { message: 'Operation is running', ...at('692735') });
    run.logInputs({ lr: 1e-5, epochs: 5, huge: 1e20 });
    run.logOutputs({ loss: new PyFloat(0), best: new PyFloat(1e-5), big: new PyFloat(1e20), final: 1 });
    run.logProgress(1);
    run.logArtifactLineage({ name: 'loss', kind: 'metric', path: 'events/metric/loss.plx', summary: { count: new PyFloat(5), std: new PyFloat(NaN) }, is_input: false });
    run.logStatus('succeeded', { message: 'Operation has succeeded', ...at('696013') });
    await run.persistRun();
    const conditions = [
      '{"type":"created","status":true,"reason":"OfflineOperation","message":"Operation is starting","last_update_time":"2026-11-23T00:32:41.692735+00:00","last_transition_time":"2026-11-23T00:32:41.692735+00:00"}',
      '{"type":"running","status":true,"reason":"PolyaxonClient","message":"Operation is running","last_update_time":"2026-11-23T00:32:41.692735+00:00","last_transition_time":"2026-11-23T00:32:41.692735+00:00"}',
      '{"type":"succeeded","status":true,"reason":"PolyaxonClient","message":"Operation has succeeded","last_update_time":"2026-11-23T00:32:41.696013+00:00","last_transition_time":"2026-11-23T00:32:41.696013+00:00"}',
    ];
    expect(readFileSync(join(run.offlinePath, 'run.plx.json'), 'utf8')).toBe(
      '{"uuid":"ceb21ee781254719b18664ad1fde57a2","name":"exp1","tags":["a","b"],"owner":"acme","project":"proj",' +
        '"created_at":"2026-11-23T00:32:41.692735+00:00","started_at":"2026-11-23T00:32:41.692735+00:00","finished_at":"2026-11-23T00:32:41.696013+00:00",' +
        '"wait_time":0.0,"duration":0.0,"managed_by":"user","is_managed":false,"status":"succeeded","meta_info":{"progress":1.0},"kind":"job","runtime":"job",' +
        '"inputs":{"lr":1e-05,"epochs":5,"huge":1e+20},"outputs":{"loss":0.0,"best":1e-05,"big":1e+20,"final":1},' +
        `"status_conditions":[${conditions.join(',')}]}`,
    );
    expect(readFileSync(join(run.offlinePath, 'lineages.plx.json'), 'utf8')).toBe(
      '[{"name":"loss","kind":"metric","path":"events/metric/loss.plx","summary":{"count":5.0,"std":null},"is_input":false}]',
    );
    const sync = tempDir();
    run.persistRunSync(sync);
    expect(readFileSync(join(sync, 'run.plx.json'), 'utf8')).toBe(readFileSync(join(run.offlinePath, 'run.plx.json'), 'utf8'));
    expect(readFileSync(join(sync, 'lineages.plx.json'), 'utf8')).toBe(readFileSync(join(run.offlinePath, 'lineages.plx.json'), 'utf8'));
    expect(run.runData.outputs).toMatchObject({ final: 1 });
    expect(Number(run.runData.outputs?.loss)).toBe(0);
  });

  it.runIf(requireShared('golden offline run.plx.json'))('loads upstream\'s golden offline run and writes run.plx.json back byte for byte', async () => {
    const golden = corpusPath('golden/run-artifacts/offline/runs/db6ad090afb5418c85e8d8b0c8c0fc42');
    const dir = tempDir();
    cpSync(join(golden, 'run.plx.json'), join(dir, 'run.plx.json'));
    const client = isolatedClient({ isOffline: true });
    const loaded = await RunClient.loadOfflineRun({ path: dir, client, raiseIfNotFound: true });
    const out = tempDir();
    await loaded!.persistRun(out);
    expect(readFileSync(join(out, 'run.plx.json'), 'utf8')).toBe(readFileSync(join(golden, 'run.plx.json'), 'utf8'));
  });

  it('returns null or throws for a folder without a run', async () => {
    const client = isolatedClient({ host: server.url });
    await expect(RunClient.loadOfflineRun({ path: tempDir(), client })).resolves.toBeNull();
    await expect(RunClient.loadOfflineRun({ path: tempDir(), client, raiseIfNotFound: true })).rejects.toThrow(/No offline run/);
  });
});

describe.runIf(requireShared('client golden push-offline wire'))('golden wire: push-offline', () => {
  it('pushes the golden offline run like the Python client', async () => {
    const src = corpusPath('golden', 'run-artifacts', 'offline', 'runs');
    const uuid = readdirSync(src)[0]!;
    const dir = join(tempDir(), uuid);
    cpSync(join(src, uuid), dir, { recursive: true });
    server.state.addProject({ name: 'golden-tracking' });
    const client = isolatedClient({ host: server.url });
    const run = await RunClient.loadOfflineRun({ path: dir, client, raiseIfNotFound: true });
    await run!.pushOfflineRun({ path: dir });
    await client.close();
    // the push itself: sync, lineage, refresh (settings), upload
    const golden = goldenRequests('push-offline').slice(0, 4).map(({ method, path, query, json, multipartJson }) => ({ method, path, query, json, multipartJson }));
    const ours = server.requests.map((r) => {
      const multipart = (r.body as { fields?: { json?: string } } | undefined)?.fields?.json;
      return {
        method: r.method,
        path: normalise(r.path),
        query: r.query.map(([k, v]) => [k, v]),
        json: multipart === undefined ? normalise(r.body ?? null) : null,
        multipartJson: multipart === undefined ? undefined : (JSON.parse(multipart) as unknown),
      };
    });
    expect(ours).toEqual(golden);
    const goldenMembers = JSON.parse(readFileSync(corpusPath('golden', 'wire', 'push-offline.json'), 'utf8')) as {
      entries: Array<{ type: string; request?: { body?: { multipart?: { parts: Array<{ tar_members?: Array<{ name: string }> }> } } } }>;
    };
    const members = goldenMembers.entries
      .flatMap((e) => e.request?.body?.multipart?.parts ?? [])
      .flatMap((p) => p.tar_members ?? [])
      .map((m) => m.name)
      .sort();
    expect(listFiles(join(server.artifactsDir, uuid))).toEqual(members);
  });
});

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, requireShared, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolyaxonClient} from '../src/index';
import { NotFoundError, ProjectClient, RunClient } from '../src/index';
import { goldenRequests, normalise, type WireRequest } from './golden/wire';
import { isolatedClient, tempDir } from './helpers/isolated';

let server: ApiServer;
let client: PolyaxonClient;
const scratch = tempDir('px-scratch-');
const results: Record<string, unknown> = {};

/** Replays the golden `runs` flow (golden/wire/runs.json) step by step. */
async function runFlow(): Promise<void> {
  mkdirSync(join(scratch, 'upload/dir/sub'), { recursive: true });
  writeFileSync(join(scratch, 'upload/hello.txt'), 'hello from the golden flow\n');
  writeFileSync(join(scratch, 'upload/dir/a.txt'), 'a file\n');
  writeFileSync(join(scratch, 'upload/dir/sub/b.json'), '{"b": 1}\n');

  const pc = new ProjectClient({ owner: 'default', project: 'golden-runs', client });
  await pc.create({ name: 'golden-runs' });
  const rc = new RunClient({ owner: 'default', project: 'golden-runs', client });
  await rc.create({ name: 'run-a', description: 'golden run', tags: ['golden', 'a'], metaInfo: { origin: 'golden' } });
  results.created = rc.runData;
  await rc.refresh();
  await rc.refresh({ loadConditions: true, loadArtifactsLineage: true });
  await rc.update({ name: 'run-a2', description: 'updated run' });
  rc.logStatus('running', { reason: 'GoldenFlow', message: 'started by golden flow' });
  await rc.flush();
  results.statuses = await rc.getStatuses();
  results.statusesSince = await rc.getStatuses('created');
  rc.logInputs({ lr: 0.01, batch_size: 32, optimizer: 'adam' });
  rc.logInputs({ lr: 0.02 }, { reset: true });
  rc.logOutputs({ accuracy: 0.93, loss: 0.12 });
  rc.logTags(['extra', 'golden']);
  rc.logTags('t1,t2', { reset: true });
  rc.logMeta({ custom_key: 1, flag: true });
  rc.logProgress(0.5);
  rc.setDescription('desc via set_description');
  await rc.flush();
  results.refreshed = await rc.refresh();
  await rc.uploadArtifact(join(scratch, 'upload/hello.txt'), { path: 'uploads' });
  await rc.uploadArtifact(join(scratch, 'upload/hello.txt'));
  await rc.uploadArtifactsDir(join(scratch, 'upload/dir'), { path: 'mydir', relativeTo: join(scratch, 'upload/dir') });
  await rc.uploadArtifacts([join(scratch, 'upload/dir/a.txt')], { path: 'plain' });
  results.tree = await rc.getArtifactsTree();
  results.subtree = await rc.getArtifactsTree('mydir');
  results.artifact = await rc.getArtifact('uploads/hello.txt');
  results.downloaded = await rc.downloadArtifact('uploads/hello.txt', { pathTo: join(scratch, 'download') });
  results.downloadedDir = await rc.downloadArtifacts('mydir', { pathTo: join(scratch, 'download-dir') });
  await rc.deleteArtifact('hello.txt');
  results.deleteMissing = await rc.deleteArtifact('nope.txt').catch((e: unknown) => e);
  await rc.deleteArtifacts('plain');
  await rc.logSucceeded();
  await rc.logFailed();
  await rc.flush();
  const rb = new RunClient({ owner: 'default', project: 'golden-runs', client });
  await rb.create({ name: 'run-b', tags: ['b'] });
  rb.logStatus('running');
  await rb.flush();
  const rc3 = new RunClient({ owner: 'default', project: 'golden-runs', client });
  await rc3.create({ name: 'run-c' });
  results.listRunning = await rc.list({ query: 'status:running', sort: '-created_at', limit: 5 });
  results.listPage = await rc.list({ sort: 'created_at', limit: 1, offset: 1 });
  results.listAll = await rc.list();
  results.listTags = await pc.listRuns({ query: 'tags:b' });
  await rc.delete();
  results.afterDelete = await rc.refresh();
  const missing = new RunClient({ owner: 'default', project: 'golden-runs', runUuid: '0'.repeat(32), client });
  results.missing = await missing.refresh().catch((e: unknown) => e);
}

beforeAll(async () => {
  server = await startApiServer();
  client = isolatedClient({ host: server.url });
  await runFlow();
}, 60_000);

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('RunClient against the API test server (golden runs flow)', () => {
  it('creates, updates and reads the run', () => {
    expect(results.created).toMatchObject({ name: 'run-a', status: 'created', is_managed: false, managed_by: 'user' });
    expect(results.refreshed).toMatchObject({ name: 'run-a2', description: 'desc via set_description', tags: ['t1', 't2'] });
    expect((results.refreshed as { inputs: unknown }).inputs).toEqual({ lr: 0.02 });
    expect((results.refreshed as { meta_info: unknown }).meta_info).toMatchObject({ origin: 'golden', custom_key: 1, flag: true, progress: 0.5 });
  });

  it('reads statuses and the conditions since a status', () => {
    const all = results.statuses as { status: string; conditions: Array<{ type: string }> };
    expect(all.status).toBe('running');
    expect(all.conditions.map((c) => c.type)).toEqual(['created', 'running']);
    const since = results.statusesSince as { conditions: Array<{ type: string; reason: string }> };
    expect(since.conditions.map((c) => [c.type, c.reason])).toEqual([['running', 'GoldenFlow']]);
  });

  it('uploads, lists, reads, downloads and deletes artifacts', () => {
    expect(results.tree).toMatchObject({ files: { 'hello.txt': 27 } });
    expect(((results.tree as { dirs: string[] }).dirs).sort()).toEqual(['mydir', 'plain', 'uploads']);
    expect(results.subtree).toMatchObject({ files: { 'a.txt': 7 }, dirs: ['sub'] });
    expect(results.artifact).toBe('hello from the golden flow\n');
    expect(readFileSync(results.downloaded as string, 'utf8')).toBe('hello from the golden flow\n');
    expect(readFileSync(join(results.downloadedDir as string, 'sub/b.json'), 'utf8')).toBe('{"b": 1}\n');
    expect((results.deleteMissing as { status: number }).status).toBe(400);
  });

  it('lists with query, sort, limit and offset', () => {
    expect((results.listRunning as { results: Array<{ name: string }> }).results.map((r) => r.name)).toEqual(['run-b']);
    expect(results.listPage).toMatchObject({ count: 3, results: [{ name: 'run-b' }] });
    expect((results.listPage as { next: string }).next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(results.listAll).toMatchObject({ count: 3 });
  });

  it('types a missing run as NotFoundError', () => {
    expect(results.missing).toBeInstanceOf(NotFoundError);
  });

  it('sends the token on every request', () => {
    expect(server.requests.every((r) => r.authorization === 'Token secret-token-123')).toBe(true);
  });
});

describe.runIf(requireShared('client golden runs wire'))('golden wire: runs', () => {
  it('sends the same methods, paths, queries and bodies as the Python client', () => {
    const golden = goldenRequests('runs');
    const ours: WireRequest[] = server.requests.map((r) => {
      const body = r.body as { fields?: { json?: string } } | undefined;
      const multipart = body?.fields?.json;
      return {
        method: r.method,
        path: normalise(r.path) as string,
        query: normalise(r.query.map(([k, v]) => [k, v])) as Array<[string, string]>,
        json: multipart === undefined ? normalise(r.body ?? null) : null,
        ...(multipart === undefined ? {} : { multipartJson: JSON.parse(multipart) as unknown }),
      };
    });
    expect(ours).toEqual(golden.map(({ target: _t, ...rest }) => rest));
  });
});

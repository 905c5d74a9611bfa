// The README examples, run against the API test server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolyaxonfileError } from '@px/polyaxonfile';
import { ApiError, PolyaxonClient, ProjectClient, RunClient } from '../src/index';
import { tempDir } from './helpers/isolated';
import { tinyServer } from './helpers/tiny-server';

let server: ApiServer;
const work = tempDir('px-readme-');
const context = { env: {}, homeDir: work, cwd: work };

const originalCwd = process.cwd();

beforeAll(async () => {
  server = await startApiServer();
  process.chdir(work);
  writeFileSync(join(work, 'model.bin'), 'weights');
  mkdirSync(join(work, 'plots'));
  writeFileSync(join(work, 'plots', 'loss.png'), 'png');
});
afterAll(async () => {
  process.chdir(originalCwd);
  await server.close();
});

describe('README examples', () => {
  it('projects, runs, watching, errors', async () => {
    const client = new PolyaxonClient({ config: { host: server.url }, context });
    const projects = new ProjectClient({ owner: 'default', project: 'demo', client });
    await projects.getOrCreate();
    const page = await projects.listRuns({ query: 'status:running', sort: '-created_at', limit: 10 });
    expect(page.count).toBe(0);

    const run = new RunClient({ owner: 'default', project: 'demo', client });
    await run.create({ name: 'exp-1', tags: ['a', 'b'], metaInfo: { origin: 'script' } });
    run.logStatus('running');
    run.logInputs({ lr: 0.01, batch_size: 32 });
    run.logOutputs({ loss: 0.12 });
    run.logTags('nightly, baseline');
    const progress: number[] = [];
    await run.uploadArtifact('./model.bin', { path: 'outputs', onProgress: (p) => progress.push(p.transferredBytes) });
    await run.uploadArtifactsDir('./plots', { path: 'plots' });
    await run.logSucceeded();
    await run.flush();
    expect(progress.at(-1)).toBe(7);

    const names: string[] = [];
    for await (const r of projects.iterateRuns({ query: 'tags:nightly' })) names.push(r.name ?? '');
    expect(names).toEqual(['exp-1']);

    const other = new RunClient({ owner: 'default', project: 'demo', runUuid: run.runUuid, client });
    const statuses: string[] = [];
    for await (const { status } of other.watchStatuses({ signal: new AbortController().signal })) statuses.push(String(status));
    expect(statuses).toEqual(['succeeded']);
    const out = await other.downloadArtifacts('outputs', { pathTo: join(work, 'downloads') });
    expect(out).toBe(join(work, 'downloads', 'outputs'));

    const error = await new RunClient({ project: 'demo', runUuid: '0'.repeat(32), client }).refresh().catch((e: unknown) => e);
    expect(ApiError.isInstance(error) && error.isNotFound).toBe(true);
    await client.close();
  });

  it('managed runs from a Polyaxonfile, a URL or the hub', async () => {
    const component = 'version: 1.1\nkind: component\ninputs: [{name: lr, type: float}]\nrun: {kind: job, container: {image: python:3.11}}\n';
    writeFileSync(join(work, 'polyaxonfile.yaml'), component);
    writeFileSync(join(work, 'gpu-preset.yaml'), 'runPatch:\n  environment:\n    nodeSelector: {gpu: "yes"}\n');
    server.state.addVersion({ owner: 'acme', project: 'trainer', kind: 'component', name: 'v2', content: component });
    const specs = await tinyServer((_req, res) => {
      res.end(component);
    });
    const client = new PolyaxonClient({ config: { host: server.url }, context });
    await new ProjectClient({ owner: 'default', project: 'demo', client }).getOrCreate();

    const managed = new RunClient({ owner: 'default', project: 'demo', client });
    try {
      await managed.createFromPolyaxonfile(['polyaxonfile.yaml', 'gpu-preset.yaml'], {
        name: 'train-1',
        tags: ['nightly'],
        params: { lr: 0.01 },
        presets: ['small'],
        queue: 'agent/gpu',
        cache: false,
      });
    } catch (error) {
      if (PolyaxonfileError.isInstance(error)) console.error(`${error.file}:${error.line}: ${error.message}`);
      else throw error;
    }
    expect(JSON.parse(server.state.getRun('default', 'demo', managed.runUuid!)?.content ?? '{}')).toMatchObject({
      queue: 'agent/gpu',
      presets: ['small'],
      cache: { disable: true },
      runPatch: { environment: { nodeSelector: { gpu: 'yes' } } },
    });
    await managed.createFromUrl(`${specs.url}/train.yaml`, { params: { lr: 0.1 } });
    await managed.createFromHub('acme/trainer:v2', { params: { lr: 0.1 }, approved: false });
    expect(JSON.parse(server.state.getRun('default', 'demo', managed.runUuid!)?.content ?? '{}')).toMatchObject({ hubRef: 'acme/trainer:v2', isApproved: false });
    await client.close();
    await specs.close();
  });

  it('offline runs pushed later', async () => {
    const client = new PolyaxonClient({ config: { host: server.url, offlineRoot: join(work, 'offline') }, context });
    const offlineClient = new PolyaxonClient({ config: { isOffline: true, offlineRoot: join(work, 'offline') }, context });
    const offline = new RunClient({ project: 'demo', client: offlineClient });
    await offline.create({ name: 'on-a-plane' });
    offline.logStatus('running');
    offline.logInputs({ lr: 0.1 });
    await offline.persistRun();
    const loaded = await RunClient.loadOfflineRun({ path: offline.offlinePath, client, raiseIfNotFound: true });
    await loaded?.pushOfflineRun({ path: offline.offlinePath });
    expect(server.state.getRun('default', 'demo', offline.runUuid!)).toMatchObject({ name: 'on-a-plane' });
    await client.close();
  });
});

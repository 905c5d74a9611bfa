import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolyaxonClient, ProjectClient, RunClient } from '../src/index';
import { isolatedClient, tempDir } from './helpers/isolated';

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => {
  await server.close();
});

describe('no-op mode', () => {
  it('POLYAXON_NO_OP makes every method a no-op with empty values and no I/O', async () => {
    const home = tempDir();
    const client = new PolyaxonClient({ config: { host: server.url }, context: { env: { POLYAXON_NO_OP: 'true' }, homeDir: home, cwd: home } });
    expect(client.config.noOp).toBe(true);
    const run = new RunClient({ client });
    const project = new ProjectClient({ client });
    expect(run.noOp).toBe(true);
    expect(await run.create({ name: 'x' })).toEqual({});
    expect(await run.refresh()).toEqual({});
    run.logStatus('running');
    run.logInputs({ a: 1 });
    run.logTags(['a']);
    run.logArtifactLineage({ name: 'a' });
    await run.logSucceeded();
    expect(await run.list()).toEqual({ count: 0, results: [], next: null, previous: null });
    expect(await run.getStatuses()).toEqual({ status: null, conditions: [] });
    expect(await run.getArtifact('a')).toBe('');
    expect(await run.downloadArtifact('a')).toBe('');
    await run.uploadArtifact('/does/not/exist');
    await run.pushOfflineRun();
    const items: unknown[] = [];
    for await (const item of run.watchStatuses()) items.push(item);
    for await (const item of run.iterate()) items.push(item);
    expect(items).toEqual([]);
    expect(await project.create({ name: 'p' })).toEqual({});
    expect(await project.list()).toMatchObject({ count: 0 });
    await run.flush();
    await client.close();
    expect(server.requests).toHaveLength(0);
  });

  it('noOp: true on one RunClient only affects it', async () => {
    const client = isolatedClient({ host: server.url });
    const run = new RunClient({ project: 'p', client, noOp: true });
    await run.create({ name: 'x' });
    expect(server.requests).toHaveLength(0);
    expect(client.config.noOp).toBe(false);
    await client.close();
  });
});

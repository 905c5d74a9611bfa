import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunClient, type PolyaxonClient } from '../src/index';
import { isolatedClient } from './helpers/isolated';

let server: ApiServer;
let client: PolyaxonClient;
beforeAll(async () => {
  server = await startApiServer();
  server.state.addProject({ name: 'l' });
  client = isolatedClient({ host: server.url });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('lineage', () => {
  it('logs, lists, gets, iterates and deletes lineage records', async () => {
    const run = new RunClient({ project: 'l', client });
    await run.create({ name: 'r' });
    run.logArtifactLineage([
      { name: 'data', kind: 'data', path: 'inputs/data.csv', is_input: true, summary: { hash: 'abc' } },
      { name: 'model', kind: 'model', path: 'outputs/m.bin', is_input: false },
    ]);
    await run.flush();
    const page = await run.getArtifactsLineage();
    expect(page.count).toBe(2);
    expect(await run.getArtifactLineage('data')).toMatchObject({ name: 'data', kind: 'data', is_input: true });
    const names: string[] = [];
    for await (const item of run.iterateArtifactsLineage({ limit: 1 })) names.push(item.name ?? '');
    expect(names.sort()).toEqual(['data', 'model']);
    expect((await run.getRunsArtifactsLineage()).count).toBe(2);
    await run.deleteArtifactLineage('model');
    expect((await run.getArtifactsLineage()).results.map((l) => l.name)).toEqual(['data']);
    await run.refresh({ loadArtifactsLineage: true });
    expect([...run.artifactsLineage.keys()]).toEqual(['data']);
  });
});

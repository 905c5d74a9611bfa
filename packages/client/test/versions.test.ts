import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectClient, RunClient, type PolyaxonClient } from '../src/index';
import { isolatedClient, tempDir } from './helpers/isolated';

let server: ApiServer;
let client: PolyaxonClient;
beforeAll(async () => {
  server = await startApiServer();
  server.state.addProject({ name: 'v' });
  server.state.addProject({ name: 'other' });
  client = isolatedClient({ host: server.url });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('project versions', () => {
  it('registers, lists, stages, copies, transfers and deletes versions', async () => {
    const project = new ProjectClient({ project: 'v', client });
    const created = await project.registerModelVersion('m1', { description: 'first', tags: 'a,b', content: { k: 1 } });
    expect(created).toMatchObject({ name: 'm1', kind: 'model', description: 'first', tags: ['a', 'b'], content: '{"k":1}' });
    await expect(project.registerModelVersion('m1')).rejects.toThrow(/already exists.*force/);
    expect(await project.registerModelVersion('m1', { description: 'second', force: true })).toMatchObject({ description: 'second' });
    expect((await project.listModelVersions()).results.map((v) => v.name)).toEqual(['m1']);
    expect(await project.getModelVersion('m1')).toMatchObject({ name: 'm1' });
    await expect(project.getComponentVersion('m1')).rejects.toThrow();
    await project.stageVersion('model', 'm1', { stage: 'staging', message: 'ready' });
    const stages = await project.getVersionStages('model', 'm1');
    expect(stages.stage).toBe('staging');
    expect(stages.stageConditions.at(-1)).toMatchObject({ type: 'staging', reason: 'ClientStageUpdate', message: 'ready' });
    expect(await project.copyVersion('model', 'm1')).toMatchObject({ name: 'm1-copy', description: 'second' });
    await project.transferVersion('model', 'm1-copy', 'other');
    expect((await new ProjectClient({ project: 'other', client }).listModelVersions()).results.map((v) => v.name)).toEqual(['m1-copy']);
    await project.deleteVersion('model', 'm1');
    expect((await project.listModelVersions()).count).toBe(0);
    await expect(project.listVersions('bogus' as 'model')).rejects.toThrow(/not supported/);
  });

  it('pulls a version to a folder and pushes it back', async () => {
    const project = new ProjectClient({ project: 'v', client });
    await project.registerComponentVersion('c1', { content: { kind: 'component', run: { kind: 'job' } }, readme: 'hi' });
    const dir = join(tempDir(), 'c1');
    expect(await project.pullVersion('component', 'c1', { path: dir })).toBe(dir);
    expect(JSON.parse(readFileSync(join(dir, 'version.plx.json'), 'utf8'))).toMatchObject({ name: 'c1', kind: 'component' });
    expect(JSON.parse(readFileSync(join(dir, 'polyaxonfile.plx.json'), 'utf8'))).toEqual({ kind: 'component', run: { kind: 'job' } });
    const target = new ProjectClient({ project: 'other', client });
    expect(await target.pushVersion('component', 'c1', { path: dir, clean: true })).toMatchObject({ name: 'c1', readme: 'hi' });
    expect(existsSync(dir)).toBe(false);
  });

  it('promotes a run to a model version', async () => {
    const run = new RunClient({ project: 'v', client });
    await run.create({ name: 'trainer' });
    expect(await run.promoteToModelVersion('from-run', { description: 'promoted' })).toMatchObject({ name: 'from-run', run: run.runUuid });
  });
});

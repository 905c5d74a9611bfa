import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NotFoundError, ProjectClient, RunClient, type PolyaxonClient } from '../src/index';
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
    // the post answers null fields; the stage is read back (api-samples 68, 69)
    const staged = await project.stageVersion('model', 'm1', { stage: 'staging', message: 'ready' });
    expect(staged.stageConditions.map((c) => c.type)).toEqual(['testing', 'staging']);
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
    await project.registerComponentVersion('c1', { content: { version: 1.1, kind: 'component', run: { kind: 'job' } }, readme: 'hi' });
    const dir = join(tempDir(), 'c1');
    expect(await project.pullVersion('component', 'c1', { path: dir })).toBe(dir);
    expect(JSON.parse(readFileSync(join(dir, 'version.plx.json'), 'utf8'))).toMatchObject({ name: 'c1', kind: 'component' });
    expect(JSON.parse(readFileSync(join(dir, 'polyaxonfile.plx.json'), 'utf8'))).toEqual({ version: 1.1, kind: 'component', run: { kind: 'job' } });
    const target = new ProjectClient({ project: 'other', client });
    expect(await target.pushVersion('component', 'c1', { path: dir, clean: true })).toMatchObject({ name: 'c1', readme: 'hi' });
    expect(existsSync(dir)).toBe(false);
  });

  it('promotes a run to a model version', async () => {
    const run = new RunClient({ project: 'v', client });
    await run.create({ name: 'trainer' });
    expect(await run.promoteToModelVersion('from-run', { description: 'promoted' })).toMatchObject({ name: 'from-run', run: run.runUuid });
  });

  it('reports the recorded error answers: 400 lists and field errors, 404, and the 405 crash page as a server error', async () => {
    const project = new ProjectClient({ project: 'v', client });
    await project.registerModelVersion('dup');
    const duplicate = await project.createVersion('model', { name: 'dup' }).catch((e: unknown) => e);
    expect(ApiError.isInstance(duplicate) && duplicate.body).toEqual(['A version with name dup already exists on the requested project.']);
    const badName = await project.createVersion('model', { name: 'bad name!' }).catch((e: unknown) => e);
    expect(ApiError.isInstance(badName) && badName.isBadRequest && badName.body).toMatchObject({ name: [expect.stringMatching(/valid/)] });
    const missing = await project.getModelVersion('nope').catch((e: unknown) => e);
    expect(NotFoundError.isInstance(missing)).toBe(true);
    const crash = await project.stageVersion('model', 'dup', { stage: 'bogus' as 'staging' }).catch((e: unknown) => e);
    expect(ApiError.isInstance(crash) && crash.status).toBe(405);
    expect(ApiError.isInstance(crash) && crash.isServerError && crash.serverCrash).toBe(true);
    expect(String(crash)).toMatch(/internal error/);
    server.takeViolations();
    // transfer answers `{}`, the version then lives in the other project
    await project.transferVersion('model', 'dup', 'other');
    expect(await new ProjectClient({ project: 'other', client }).getModelVersion('dup')).toMatchObject({ project: 'other', name: 'dup' });
  });
});

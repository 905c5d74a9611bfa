import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectClient, RunClient, type PolyaxonClient } from '../src/index';
import { isolatedClient } from './helpers/isolated';

let server: ApiServer;
let client: PolyaxonClient;
beforeAll(async () => {
  server = await startApiServer();
  server.state.addProject({ name: 'a' });
  server.state.addProject({ name: 'b' });
  client = isolatedClient({ host: server.url });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('run actions', () => {
  it('stop, approve, invalidate, restart, copy, resume and transfer with upstream paths and bodies', async () => {
    const run = new RunClient({ project: 'a', client });
    // a run without content cannot be restarted (api-samples 117)
    await run.create({ name: 'r', tags: ['x'], content: '{"version":1.1,"kind":"operation"}', isManaged: false });
    const uuid = run.runUuid!;
    await run.approve();
    await run.invalidate();
    const restarted = await run.restart({ name: 'again', recompile: true });
    const copied = await run.restart({ copyDirs: ['outputs'], copyFiles: ['a.txt'] });
    await run.stop();
    await run.resume({ description: 'resumed' });
    await run.transfer('b');
    expect(run.project).toBe('b');
    const targets = server.requests.slice(1).map((r) => `${r.method} ${r.path.replace(uuid, '<uuid>')}`);
    expect(targets).toEqual([
      'POST /api/v1/default/a/runs/<uuid>/approve',
      'POST /api/v1/default/a/runs/<uuid>/invalidate',
      'POST /api/v1/default/a/runs/<uuid>/restart',
      'POST /api/v1/default/a/runs/<uuid>/copy',
      'POST /api/v1/default/a/runs/<uuid>/stop',
      'POST /api/v1/default/a/runs/<uuid>/resume',
      'POST /api/v1/default/a/runs/<uuid>/transfer',
    ]);
    expect(server.requests[3]!.body).toEqual({ name: 'again', meta_info: { recompile: true } });
    expect(server.requests[4]!.body).toEqual({ meta_info: { copy_artifacts: { dirs: [`${uuid}/outputs`], files: [`${uuid}/a.txt`] } } });
    expect(server.requests[7]!.body).toEqual({ project: 'b' });
    expect(restarted.uuid).not.toBe(uuid);
    expect(copied.uuid).not.toBe(uuid);
  });

  it('acts on several runs of a project', async () => {
    const project = new ProjectClient({ project: 'a', client });
    const r1 = new RunClient({ project: 'a', client });
    await r1.create({ name: 'one' });
    const before = server.requests.length;
    await project.tagRuns([r1.runUuid!], 'bulk,tags');
    await project.archiveRuns([r1.runUuid!]);
    await project.restoreRuns([r1.runUuid!]);
    await project.deleteRuns([r1.runUuid!]);
    const sent = server.requests.slice(before).map((r) => [r.method, r.path, r.body]);
    expect(sent).toEqual([
      ['POST', '/api/v1/default/a/runs/tag', { uuids: [r1.runUuid], tags: ['bulk', 'tags'] }],
      ['POST', '/api/v1/default/a/runs/archive', { uuids: [r1.runUuid] }],
      ['POST', '/api/v1/default/a/runs/restore', { uuids: [r1.runUuid] }],
      ['DELETE', '/api/v1/default/a/runs/delete', { uuids: [r1.runUuid] }],
    ]);
  });
});

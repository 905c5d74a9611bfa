import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../src/index';

// Bodies are asserted field by field: they keep JSON.parse's loose type on purpose.
type Loose = ReturnType<typeof JSON.parse>;

async function json(server: ApiServer, method: string, path: string, body?: unknown): Promise<{ status: number; body: Loose }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('API test server: run updates, actions and lineage', () => {
  let server: ApiServer;
  let uuid: string;
  const R = (suffix = ''): string => `/api/v1/default/p/runs/${uuid}${suffix}`;

  beforeEach(async () => {
    server = await startApiServer();
    uuid = server.state.addRun({ project: 'p', name: 'r', tags: ['a'], inputs: { x: 1 }, content: '{"version":1.1,"kind":"operation"}' }).uuid;
  });
  afterEach(async () => {
    await server.close();
  });

  it('merges inputs/outputs/meta_info/tags with merge:true and replaces them otherwise', async () => {
    await json(server, 'PATCH', R(), { inputs: { lr: 0.1 }, merge: true });
    await json(server, 'PATCH', R(), { tags: ['b', 'a'], merge: true });
    await json(server, 'PATCH', R(), { meta_info: { has_events: true }, merge: true });
    let run = (await json(server, 'GET', R())).body;
    expect(run.inputs).toEqual({ x: 1, lr: 0.1 });
    expect(run.tags).toEqual(['a', 'b']);
    expect(run.meta_info).toEqual({ has_events: true });
    await json(server, 'PATCH', R(), { inputs: { lr: 0.2 }, tags: ['t1'] });
    run = (await json(server, 'GET', R())).body;
    expect(run.inputs).toEqual({ lr: 0.2 });
    expect(run.tags).toEqual(['t1']);
  });

  it('answers 400 with field errors for bad bodies', async () => {
    const res = await json(server, 'PATCH', R(), { tags: 'not-a-list' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ tags: ['Expected a list of items but got type "str".'] });
    // the request broke the schema too: the validator saw it
    expect(server.takeViolations().map((v) => v.direction)).toEqual(server.validating ? ['request'] : []);
  });

  it('stops, skips, approves and ignores statuses after a final one', async () => {
    expect((await json(server, 'POST', R('/stop'))).body).toEqual({});
    expect(server.state.runs.get(uuid)!.status).toBe('stopped');
    await json(server, 'POST', R('/statuses'), { condition: { type: 'running', status: true } });
    expect(server.state.runs.get(uuid)!.status).toBe('stopped');
    const other = server.state.addRun({ project: 'p', status: 'running' });
    await json(server, 'POST', `/api/v1/default/p/runs/${other.uuid}/stop`);
    expect(other.status).toBe('stopping');
    const pending = server.state.addRun({ project: 'p', pending: 'approval' });
    await json(server, 'POST', `/api/v1/default/p/runs/${pending.uuid}/approve`);
    expect(pending.pending).toBeNull();
  });

  it('restarts and copies into new runs pointing at the original, resumes done runs', async () => {
    const restarted = await json(server, 'POST', R('/restart'), { name: 'again' });
    expect(restarted.status).toBe(201);
    expect(restarted.body.original).toEqual({ uuid, name: 'r', kind: 'restart' });
    expect(restarted.body.name).toBe('again');
    const copied = await json(server, 'POST', R('/copy'), {});
    expect(copied.body.original.kind).toBe('copy');
    const refused = await json(server, 'POST', R('/resume'), {});
    expect(refused.status).toBe(400);
    await json(server, 'POST', R('/statuses'), { condition: { type: 'failed', status: true } });
    const resumed = await json(server, 'POST', R('/resume'), {});
    expect(resumed.status).toBe(201);
    expect(resumed.body.status).toBe('resuming');
  });

  it('transfers runs, lists children of a pipeline and deletes in bulk', async () => {
    server.state.addProject({ name: 'q' });
    await json(server, 'POST', R('/transfer'), { project: 'q' });
    expect(server.state.runs.get(uuid)!.project).toBe('q');
    const parent = server.state.addRun({ project: 'p' });
    server.state.addRun({ project: 'p', name: 'child', pipeline: parent.uuid });
    const children = await json(server, 'GET', `/api/v1/default/p/runs?query=${encodeURIComponent(`pipeline:${parent.uuid}`)}`);
    expect(children.body.results.map((r: { name: string }) => r.name)).toEqual(['child']);
    const del = await fetch(`${server.url}/api/v1/default/p/runs/delete`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ uuids: [parent.uuid] }),
    });
    expect(del.status).toBe(200);
    expect(parent.live_state).toBe(-1);
  });

  it('keeps a deleted run readable with live_state -1 and out of lists, like upstream', async () => {
    expect((await fetch(`${server.url}${R()}`, { method: 'DELETE' })).status).toBe(204);
    const run = await json(server, 'GET', R());
    expect(run.status).toBe(200);
    expect(run.body.live_state).toBe(-1);
    expect((await json(server, 'GET', '/api/v1/default/p/runs')).body.count).toBe(0);
    server.state.purgeDeletedRuns();
    expect((await json(server, 'GET', R())).status).toBe(404);
  });

  it('records artifact lineage (upsert by name) and lists it per run and per project', async () => {
    const artifact = { name: 'model', kind: 'model', path: 'outputs/model.txt', summary: { hash: 'abc' }, is_input: false };
    const created = await fetch(`${server.url}${R('/lineage/artifacts')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ artifacts: [artifact, { name: 'env', kind: 'env', path: 'outputs/env.json', is_input: false }] }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBeNull();
    await json(server, 'POST', R('/lineage/artifacts'), { artifacts: [{ ...artifact, summary: { hash: 'def' } }] });
    const list = await json(server, 'GET', R('/lineage/artifacts?limit=1000'));
    expect(list.body.count).toBe(2);
    const model = list.body.results.find((a: { name: string }) => a.name === 'model');
    expect(model).toEqual({
      name: 'model',
      kind: 'model',
      is_input: false,
      path: 'outputs/model.txt',
      summary: { hash: 'def' },
      state: uuid,
      run: uuid,
      meta_info: { run: { name: 'r', uuid } },
    });
    expect((await json(server, 'GET', R('/lineage/artifacts/env'))).body.kind).toBe('env');
    expect((await json(server, 'GET', '/api/v1/default/p/runs/lineage/artifacts')).body.count).toBe(2);
    expect((await fetch(`${server.url}${R('/lineage/artifacts/env')}`, { method: 'DELETE' })).status).toBe(204);
    expect((await json(server, 'GET', R('/lineage/artifacts/env'))).status).toBe(404);
    const bad = await json(server, 'POST', R('/lineage/artifacts'), { artifacts: [{ name: 'x', kind: 'nope' }] });
    expect(bad.status).toBe(400);
    server.takeViolations();
  });

  it('serves lineage seeded through the state', async () => {
    server.state.addLineage(server.state.runs.get(uuid)!, [{ name: 'data', kind: 'data', path: 'in/data.csv', is_input: true }]);
    const list = await json(server, 'GET', R('/lineage/artifacts'));
    expect(list.body.results).toEqual([
      { name: 'data', kind: 'data', is_input: true, path: 'in/data.csv', summary: null, state: expect.stringMatching(/^[0-9a-f]{32}$/) as string, run: uuid, meta_info: { run: { name: 'r', uuid } } },
    ]);
    // An input's state is derived from its summary, not the run (api-samples 101).
    expect((list.body.results as { state: string }[])[0]!.state).not.toBe(uuid);
  });

  it('syncs an offline run with its own uuid, statuses and times', async () => {
    const offline = 'b'.repeat(32);
    const res = await json(server, 'POST', '/api/v1/default/p/runs/sync', {
      uuid: offline,
      name: 'offline',
      status: 'succeeded',
      created_at: '2026-11-23T00:30:34.270382+00:00',
      started_at: '2026-11-23T00:30:34.270502+00:00',
      finished_at: '2026-11-23T00:30:34.439125+00:00',
      status_conditions: [{ type: 'succeeded', status: true, reason: 'PolyaxonClient', last_update_time: '2026-11-23T00:30:34.439056+00:00' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ uuid: offline, status: 'succeeded', created_at: '2026-11-23T00:30:34.270382Z' });
    expect(server.state.runs.get(offline)!.status_conditions).toHaveLength(1);
  });

  it('refuses to sync a managed run without its operation content, as haupt', async () => {
    const missing = await json(server, 'POST', '/api/v1/default/p/runs/sync', { uuid: 'c'.repeat(32), managed_by: 'cli' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ non_field_errors: ['Run expects a `content`.'] });
    const ok = await json(server, 'POST', '/api/v1/default/p/runs/sync', { uuid: 'c'.repeat(32), managed_by: 'cli', content: '{"kind": "operation"}' });
    expect(ok.status).toBe(201);
    expect(server.state.runs.get('c'.repeat(32))).toMatchObject({ is_managed: true, managed_by: 'cli' });
  });
});

describe('API test server: project versions', () => {
  let server: ApiServer;
  beforeEach(async () => {
    server = await startApiServer();
    server.state.addProject({ name: 'p' });
    server.state.addProject({ name: 'q' });
  });
  afterEach(async () => {
    await server.close();
  });

  it('creates, lists, gets, patches, stages, transfers and deletes versions', async () => {
    const run = server.state.addRun({ project: 'p', name: 'r' });
    server.state.addLineage(run, [{ name: 'model', kind: 'model', path: 'outputs/model.bin' }]);
    const created = await json(server, 'POST', '/api/v1/default/p/versions/model', { name: 'v1', kind: 'model', run: run.uuid, artifacts: ['model'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'v1', kind: 'model', stage: 'testing', meta_info: { run: { name: 'r', uuid: run.uuid }, lineage: [{ name: 'model' }] } });
    expect((await json(server, 'GET', '/api/v1/default/p/versions/model/v1')).body).toMatchObject({ artifacts: ['model'] });
    const crossProject = await fetch(`${server.url}/api/v1/default/q/versions/model`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', run: run.uuid }) });
    expect([crossProject.status, crossProject.headers.get('allow'), await crossProject.text()]).toEqual([405, 'GET, HEAD, OPTIONS', '']);
    const dup = await json(server, 'POST', '/api/v1/default/p/versions/model', { name: 'v1' });
    expect(dup.status).toBe(400);
    const list = await json(server, 'GET', '/api/v1/default/p/versions/model?limit=20');
    expect(list.body.count).toBe(1);
    expect((await json(server, 'GET', '/api/v1/default/p/versions/component')).body.count).toBe(0);
    const patched = await json(server, 'PATCH', '/api/v1/default/p/versions/model/v1', { description: 'best' });
    expect(patched.body.description).toBe('best');
    const staged = await json(server, 'POST', '/api/v1/default/p/versions/model/v1/stages', {
      condition: { type: 'production', status: true, reason: 'ClientStageUpdate', message: 'go' },
    });
    expect(staged.status).toBe(201);
    const stages = await json(server, 'GET', '/api/v1/default/p/versions/model/v1/stages');
    expect(stages.body.stage).toBe('production');
    expect(stages.body.stage_conditions).toMatchObject([{ type: 'testing', reason: 'ModelVersionCreated' }, { type: 'production', message: 'go' }]);
    expect((await json(server, 'POST', '/api/v1/default/p/versions/model/v1/transfer', { project: 'q' })).status).toBe(200);
    expect((await json(server, 'GET', '/api/v1/default/q/versions/model/v1')).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/default/q/versions/model/v1`, { method: 'DELETE' })).status).toBe(204);
    expect((await json(server, 'GET', '/api/v1/default/q/versions/model/v1')).body).toEqual({ detail: 'No ProjectVersion matches the given query.' });
    expect((await fetch(`${server.url}/api/v1/default/p/versions/unknown-kind`)).status).toBe(404);
  });
});

import { requireShared, startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NotFoundError, ProjectClient, type PolyaxonClient } from '../src/index';
import { goldenRequests, normalise } from './golden/wire';
import { isolatedClient } from './helpers/isolated';

let server: ApiServer;
let client: PolyaxonClient;
const results: Record<string, unknown> = {};

beforeAll(async () => {
  server = await startApiServer();
  client = isolatedClient({ host: server.url });
  const pc = new ProjectClient({ client });
  results.created = await pc.create({ name: 'golden-proj', description: 'golden project', tags: ['golden', 'wire'] });
  results.got = await pc.refresh();
  results.filtered = await pc.list({ query: 'name:golden-proj', sort: '-created_at', limit: 10, offset: 0 });
  results.all = await pc.list();
  results.updated = await pc.update({ description: 'updated description', tags: ['golden', 'updated'] });
  results.getOrCreate = await pc.getOrCreate();
  await pc.delete();
  results.missing = await new ProjectClient({ owner: 'default', project: 'golden-proj', client }).refresh().catch((e: unknown) => e);
  results.missing2 = await new ProjectClient({ owner: 'default', project: 'golden-proj', client }).refresh().catch((e: unknown) => e);
  results.invalid = await new ProjectClient({ owner: 'default', client }).create({ name: 'Not A Slug' }).catch((e: unknown) => e);
}, 60_000);

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('ProjectClient against the API test server', () => {
  it('defaults the owner to `default` and takes the created name as project', () => {
    expect(results.created).toMatchObject({ name: 'golden-proj', owner: 'default', tags: ['golden', 'wire'] });
    expect(results.got).toMatchObject({ name: 'golden-proj', description: 'golden project' });
  });

  it('returns typed pages', () => {
    expect(results.filtered).toMatchObject({ count: 1, next: null, previous: null, results: [{ name: 'golden-proj' }] });
    expect(results.all).toMatchObject({ count: 1 });
  });

  it('updates, gets or creates, deletes', () => {
    expect(results.updated).toMatchObject({ description: 'updated description', tags: ['golden', 'updated'] });
    expect(results.getOrCreate).toMatchObject({ name: 'golden-proj' });
    expect(results.missing).toBeInstanceOf(NotFoundError);
  });

  it('surfaces a 400 with the field errors of the server', () => {
    const error = results.invalid as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.isBadRequest).toBe(true);
    expect(error.body).toHaveProperty('name');
  });

  it('iterates over every project page by page', async () => {
    for (let i = 0; i < 5; i++) server.state.addProject({ name: `bulk-${i}` });
    const names: string[] = [];
    for await (const project of new ProjectClient({ client }).iterate({ limit: 2, sort: 'name' })) names.push(project.name ?? '');
    expect(names.filter((n) => n.startsWith('bulk-')).sort()).toEqual(['bulk-0', 'bulk-1', 'bulk-2', 'bulk-3', 'bulk-4']);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.runIf(requireShared('client golden projects wire'))('golden wire: projects', () => {
  it('sends the same requests as the Python client', () => {
    const golden = goldenRequests('projects').map(({ method, path, query, json }) => ({ method, path, query, json }));
    const ours = server.requests.slice(0, golden.length).map((r) => ({
      method: r.method,
      path: normalise(r.path),
      query: r.query.map(([k, v]) => [k, v]),
      json: normalise(r.body ?? null),
    }));
    expect(ours).toEqual(golden);
  });
});

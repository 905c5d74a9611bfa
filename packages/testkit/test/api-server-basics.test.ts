import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../src/index';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json: unknown;
}

/** A raw HTTP call (no automatic gunzip) so headers can be asserted. */
function call(server: ApiServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      `${server.url}${path}`,
      { method, headers: { ...(payload ? { 'Content-Type': 'application/json' } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('API test server basics', () => {
  let server: ApiServer;
  beforeEach(async () => {
    server = await startApiServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 with a random port and answers healthz', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await call(server, 'GET', '/healthz/');
    expect(res.status).toBe(200);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('creates, reads, patches, lists and deletes projects like upstream', async () => {
    const created = await call(server, 'POST', '/api/v1/default/projects/create', { name: 'demo', tags: ['a'] });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json as object)).toEqual(['uuid', 'name', 'description', 'tags', 'created_at', 'updated_at', 'readme']);
    const got = await call(server, 'GET', '/api/v1/default/demo');
    expect(got.json).toMatchObject({ name: 'demo', tags: ['a'], live_state: 1, bookmarked: false });
    const patched = await call(server, 'PATCH', '/api/v1/default/demo', { description: 'd' });
    expect(patched.json).toMatchObject({ description: 'd' });
    const dup = await call(server, 'POST', '/api/v1/default/projects/create', { name: 'demo' });
    expect(dup.status).toBe(400);
    expect(dup.json).toEqual({ name: ['project with this name already exists.'] });
    const bad = await call(server, 'POST', '/api/v1/default/projects/create', { name: 'Bad Name!' });
    expect(bad.status).toBe(400);
    const list = await call(server, 'GET', '/api/v1/default/projects/list');
    expect(list.json).toMatchObject({ count: 1, next: null, previous: null });
    const deleted = await call(server, 'DELETE', '/api/v1/default/demo');
    expect(deleted.status).toBe(204);
    const missing = await call(server, 'GET', '/api/v1/default/demo');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ detail: 'No Project matches the given query.' });
  });

  it('creates runs, records statuses and fills started_at/finished_at', async () => {
    server.state.addProject({ name: 'p' });
    const created = await call(server, 'POST', '/api/v1/default/p/runs', { is_managed: false, managed_by: 'user', name: 'r1' });
    expect(created.status).toBe(201);
    const uuid = (created.json as { uuid: string }).uuid;
    const running = await call(server, 'POST', `/api/v1/default/p/runs/${uuid}/statuses`, {
      condition: { type: 'running', status: true, reason: 'PolyaxonClient', message: 'go' },
    });
    expect(running.status).toBe(201);
    expect(running.json).toEqual({ status: null, status_conditions: null, meta_info: null });
    const statuses = await call(server, 'GET', `/api/v1/default/p/runs/${uuid}/statuses`);
    expect(statuses.json).toMatchObject({ uuid, status: 'running' });
    await call(server, 'POST', `/api/v1/default/p/runs/${uuid}/statuses`, { condition: { type: 'succeeded', status: 'True' } });
    const run = (await call(server, 'GET', `/api/v1/default/p/runs/${uuid}`)).json as Record<string, unknown>;
    expect(run.status).toBe('succeeded');
    expect(run.started_at).toEqual(expect.any(String));
    expect(run.finished_at).toEqual(expect.any(String));
    expect(run.duration).toEqual(expect.any(Number));
  });

  it('pages runs with absolute next/previous URLs and gzips the list', async () => {
    for (const name of ['a', 'b', 'c']) server.state.addRun({ project: 'p', name });
    const page1 = await call(server, 'GET', '/api/v1/default/p/runs?limit=1&offset=0');
    expect(page1.headers['content-encoding']).toBe('gzip');
    expect(page1.json).toMatchObject({ count: 3, next: `${server.url}/api/v1/default/p/runs?limit=1&offset=1`, previous: null });
    const page2 = await call(server, 'GET', '/api/v1/default/p/runs?offset=1&limit=1&sort=created_at');
    expect(page2.json).toMatchObject({
      next: `${server.url}/api/v1/default/p/runs?limit=1&offset=2&sort=created_at`,
      previous: `${server.url}/api/v1/default/p/runs?limit=1&sort=created_at`,
    });
    expect((page2.json as { results: { name: string }[] }).results[0]!.name).toBe('b');
  });

  it('filters runs with the query language', async () => {
    server.state.addRun({ project: 'p', name: 'x', status: 'running', tags: ['t1'] });
    server.state.addRun({ project: 'p', name: 'y', tags: ['t2'] });
    const names = async (query: string): Promise<string[]> => {
      const res = await call(server, 'GET', `/api/v1/default/p/runs?query=${encodeURIComponent(query)}`);
      return (res.json as { results: { name: string }[] }).results.map((r) => r.name).sort();
    };
    expect(await names('status:running')).toEqual(['x']);
    expect(await names('name:y')).toEqual(['y']);
    expect(await names('tags:t1|t2')).toEqual(['x', 'y']);
    expect(await names('status:~running')).toEqual(['y']);
    const bad = await call(server, 'GET', '/api/v1/default/p/runs?query=nope:1');
    expect(bad.status).toBe(400);
  });

  it('answers 404 with an empty HTML body for unknown paths and 405 for wrong methods', async () => {
    const res = await call(server, 'GET', '/api/v1/nothing/here/at/all/really');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const wrong = await call(server, 'POST', '/api/v1/default/p/runs/abc/artifacts/upload', {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('answers HEAD like GET without a body', async () => {
    server.state.addProject({ name: 'h' });
    const res = await call(server, 'HEAD', '/api/v1/default/h');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it('records requests with the token redacted in printable forms', async () => {
    await call(server, 'GET', '/api/v1/installation', undefined, { Authorization: 'Token s3cret-token' });
    const recorded = server.requests.at(-1)!;
    expect(recorded.authorization).toBe('Token s3cret-token');
    expect(JSON.stringify(recorded)).not.toContain('s3cret');
    expect(recorded.headers.authorization).toBe('Token <redacted>');
  });
});

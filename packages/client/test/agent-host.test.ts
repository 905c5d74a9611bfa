import { afterEach, describe, expect, it } from 'vitest';
import { RunClient } from '../src/index';
import { isolatedClient } from './helpers/isolated';
import { json, tinyServer } from './helpers/tiny-server';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

describe('streams calls and agents', () => {
  it('go to the agent URL of the run when it has one (outside the cluster)', async () => {
    const agent = await tinyServer((_req, res) => json(res, 200, { files: {}, dirs: [] }));
    closers.push(agent.close);
    const api = await tinyServer((_req, res) =>
      json(res, 200, { uuid: 'a'.repeat(32), settings: { namespace: 'team-ns', agent: { name: 'a1', url: agent.url } } }),
    );
    closers.push(api.close);
    const client = isolatedClient({ host: api.url });
    closers.push(() => client.close());
    const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client });
    await run.getArtifactsTree('x');
    expect(api.requests.map((r) => r.url)).toEqual([`/api/v1/o/p/runs/${'a'.repeat(32)}`]);
    expect(agent.requests.map((r) => r.url)).toEqual([`/streams/v1/team-ns/o/p/runs/${'a'.repeat(32)}/artifacts/tree?path=x`]);
    expect(agent.requests[0]!.headers.authorization).toBe('Token secret-token-123');
  });

  it('stay on the API host in-cluster', async () => {
    const api = await tinyServer((req, res) =>
      req.url?.startsWith('/streams')
        ? json(res, 200, { files: {}, dirs: [] })
        : json(res, 200, { uuid: 'a'.repeat(32), settings: { agent: { url: 'http://127.0.0.1:1' } } }),
    );
    closers.push(api.close);
    const client = isolatedClient({ host: api.url, inCluster: true });
    closers.push(() => client.close());
    const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client });
    await run.getArtifactsTree();
    expect(api.requests).toHaveLength(2);
  });
});

// Per-call overhead of the client against a bare `fetch` to the same local server.
import { emit, timeMedianUs } from '@px/testkit/bench';
import { PolyaxonClient, RunClient } from '../src/index';
import { benchServer } from './bench-server';

const ROUNDS = 400;
const server = await benchServer(0);
const home = (await import('node:os')).tmpdir();
const client = new PolyaxonClient({ token: 'bench', config: { host: server.url, retries: 0 }, context: { env: {}, homeDir: home, cwd: home } });
const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client });
const path = `/api/v1/o/p/runs/${'a'.repeat(32)}`;

const bare = await timeMedianUs(async () => {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: 'Token bench', accept: 'application/json' } });
  await res.json();
}, ROUNDS, 50);
const request = await timeMedianUs(() => client.request('GET', path), ROUNDS, 50);
const refresh = await timeMedianUs(() => run.refresh(), ROUNDS, 50);

emit({ package: '@px/client', name: 'GET run: bare fetch (baseline)', unit: 'us', value: bare, n: ROUNDS });
emit({ package: '@px/client', name: 'GET run: client.request', unit: 'us', value: request, n: ROUNDS });
emit({ package: '@px/client', name: 'GET run: RunClient.refresh', unit: 'us', value: refresh, n: ROUNDS });
emit({ package: '@px/client', name: 'per-call overhead vs bare fetch', unit: 'us', value: refresh - bare, n: ROUNDS });

await client.close();
await server.close();

// Per-call overhead of the client against a bare `fetch` to the same local server
// (rounds interleaved, order rotated, so machine noise hits all alike).
import { tmpdir } from 'node:os';
import { emit, median } from '@px/testkit/bench';
import { PolyaxonClient, RunClient } from '../src/index';
import { benchServer } from './bench-server';

const ROUNDS = 600;
const WARMUP = 100;
const server = await benchServer(0);
const home = tmpdir();
const client = new PolyaxonClient({ token: 'bench', config: { host: server.url, retries: 0 }, context: { env: {}, homeDir: home, cwd: home } });
const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client });
const path = `/api/v1/o/p/runs/${'a'.repeat(32)}`;

const contenders: Record<string, () => Promise<unknown>> = {
  bare: async () => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: 'Token bench', accept: 'application/json' } });
    return res.json();
  },
  request: () => client.request('GET', path),
  raw: async () => {
    const res = await client.stream('GET', path, { queryStyle: 'sdk' });
    const chunks: Buffer[] = [];
    for await (const c of res.body) chunks.push(c as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString()) as unknown;
  },
  refresh: () => run.refresh(),
};
const samples: Record<string, number[]> = { bare: [], request: [], refresh: [], raw: [] };
for (let i = 0; i < WARMUP; i++) for (const fn of Object.values(contenders)) await fn();
const entries = Object.entries(contenders);
for (let i = 0; i < ROUNDS; i++) {
  // rotate the order every round so no contender always follows the same one
  for (let j = 0; j < entries.length; j++) {
    const [name, fn] = entries[(i + j) % entries.length]!;
    const start = performance.now();
    await fn();
    samples[name]!.push((performance.now() - start) * 1000);
  }
}
const bare = median(samples.bare!);
const request = median(samples.request!);
const refresh = median(samples.refresh!);

emit({ package: '@px/client', name: 'GET run: bare fetch (baseline)', unit: 'us', value: bare, n: ROUNDS });
emit({ package: '@px/client', name: 'GET run: client.request', unit: 'us', value: request, n: ROUNDS });
emit({ package: '@px/client', name: 'GET run: RunClient.refresh', unit: 'us', value: refresh, n: ROUNDS });
emit({ package: '@px/client', name: 'GET run: node:http on the client pool (no ky)', unit: 'us', value: median(samples.raw!), n: ROUNDS });
emit({ package: '@px/client', name: 'per-call overhead vs bare fetch', unit: 'us', value: request - bare, n: ROUNDS });

await client.close();
await server.close();

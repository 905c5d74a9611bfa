// Per-call overhead of the client against a bare `fetch` to the same local server, layer by layer:
// node:http on a keep-alive agent → px's fetch over node:http → ky over that fetch → client.request
// (rounds interleaved, order shuffled every round, so machine noise hits all alike).
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { emit, median } from '@px/testkit/bench';
import { PolyaxonClient, RunClient } from '../src/index';
import { BufferedResponse } from '../src/transport/buffered-response';
import { createNodeFetch } from '../src/transport/node-fetch';
import { createAgents } from '../src/transport/tls-agents';
import ky from 'ky';
import { benchServer } from './bench-server';

const ROUNDS = 600;
const WARMUP = 100;
const server = await benchServer(0);
const home = tmpdir();
const client = new PolyaxonClient({ token: 'bench', config: { host: server.url, retries: 0 }, context: { env: {}, homeDir: home, cwd: home } });
const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client });
const path = `/api/v1/o/p/runs/${'a'.repeat(32)}`;

const agent = new Agent({ keepAlive: true, maxSockets: 10 });
const agents = createAgents({ verifySsl: true, maxSockets: 10 });
const pxFetch = createNodeFetch(agents);
const kyOverPx = ky.create({ fetch: pxFetch, timeout: 20_000, retry: 0 });
const headers = { authorization: 'Token bench', accept: 'application/json' };
// ky's own share: the same ky call over a fetch that answers at once, without I/O.
const answer = new TextEncoder().encode(JSON.stringify({ uuid: 'a'.repeat(32), name: 'bench', status: 'running', settings: { namespace: 'polyaxon' } }));
const kyNoIo = ky.create({
  fetch: (input) => Promise.resolve(new BufferedResponse(answer, { status: 200, headers: { 'content-type': 'application/json' } }, input instanceof Request ? input.url : String(input))),
  timeout: 20_000,
  retry: 0,
});

const contenders: Record<string, () => Promise<unknown>> = {
  http: () =>
    new Promise((resolve, reject) => {
      httpRequest(`${server.url}${path}`, { agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString()) as unknown));
      })
        .on('error', reject)
        .end();
    }),
  pxFetch: async () => (await pxFetch(`${server.url}${path}`, { headers })).json(),
  ky: () => kyOverPx(`${server.url}${path}`, { headers }).json(),
  kyNoIo: () => kyNoIo(`${server.url}${path}`, { headers }).json(),
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
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let i = 0; i < WARMUP; i++) for (const fn of Object.values(contenders)) await fn();
const entries = Object.entries(contenders);
// A fresh order every round (a rotation would keep each contender right behind the same one, and the
// cost one leaves behind, e.g. undici's garbage, would always land on the same neighbour).
let seed = 0x9e3779b9;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
for (let i = 0; i < ROUNDS; i++) {
  for (let j = entries.length - 1; j > 0; j--) {
    const k = Math.floor(random() * (j + 1));
    [entries[j], entries[k]] = [entries[k]!, entries[j]!];
  }
  for (const [name, fn] of entries) {
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
emit({ package: '@px/client', name: 'GET run layer 1: node:http on a keep-alive agent', unit: 'us', value: median(samples.http!), n: ROUNDS });
emit({ package: '@px/client', name: 'GET run layer 2: px fetch over node:http (no ky)', unit: 'us', value: median(samples.pxFetch!), n: ROUNDS });
emit({ package: '@px/client', name: 'GET run layer 3: ky over px fetch', unit: 'us', value: median(samples.ky!), n: ROUNDS });
emit({ package: '@px/client', name: "GET run: ky's own work (ky over a fetch that answers at once, no I/O)", unit: 'us', value: median(samples.kyNoIo!), n: ROUNDS });
emit({ package: '@px/client', name: 'per-call overhead vs bare fetch (goal <= 50 us)', unit: 'us', value: request - bare, n: ROUNDS, goal: 50 });

await client.close();
agent.destroy();
agents.destroy();
await server.close();

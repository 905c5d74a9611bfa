// Upload and download MB/s of RunClient against a raw node:http streaming baseline.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { emit, median } from '@px/testkit/bench';
import { PolyaxonClient, RunClient } from '../src/index';
import { benchServer, makeFile } from './bench-server';

const SIZE = 256 * 1024 * 1024;
const ROUNDS = 5;
// RAM-backed temp dir when available, so disk noise does not drown the client's cost.
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const dir = await mkdtemp(join(base, 'px-bench-'));
const file = join(dir, 'big.bin');
await makeFile(file, SIZE);
const server = await benchServer(SIZE);
const client = new PolyaxonClient({ token: 'bench', config: { host: server.url }, context: { env: {}, homeDir: dir, cwd: dir } });
const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client });
await run.refresh();
const url = new URL(`${server.url}/streams/v1/polyaxon/o/p/runs/${'a'.repeat(32)}/artifact`);

async function rawUpload(): Promise<void> {
  const size = (await stat(file)).size;
  await new Promise<void>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-length': size, 'content-type': 'application/octet-stream' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    createReadStream(file, { highWaterMark: 1 << 20 }).pipe(req);
  });
}

async function rawDownload(target: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = request(`${url.href}?path=big.bin`, (res) => {
      pipeline(res, createWriteStream(target)).then(resolve, reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function once(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return SIZE / (1024 * 1024) / ((performance.now() - start) / 1000);
}

/** Alternates baseline and client rounds (after one warm-up each) so machine noise hits both alike. */
async function compare(base: () => Promise<unknown>, ours: () => Promise<unknown>): Promise<[number, number]> {
  await base();
  await ours();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    a.push(await once(base));
    b.push(await once(ours));
  }
  return [median(a), median(b)];
}

const [rawUp, up] = await compare(rawUpload, () => run.uploadArtifact(file, { path: 'bench' }));
const [rawDown, down] = await compare(
  () => rawDownload(join(dir, 'raw.bin')),
  () => run.downloadArtifact('big.bin', { pathTo: join(dir, 'dl'), force: true }),
);

const n = SIZE / (1024 * 1024);
emit({ package: '@px/client', name: 'upload raw node:http (baseline)', unit: 'MB/s', value: rawUp, n });
emit({ package: '@px/client', name: 'upload RunClient.uploadArtifact', unit: 'MB/s', value: up, n });
emit({ package: '@px/client', name: 'upload vs baseline, median of 5 alternating runs (goal >= 0.9)', unit: 'ratio', value: up / rawUp, n, goal: 0.9 });
emit({ package: '@px/client', name: 'download raw node:http (baseline)', unit: 'MB/s', value: rawDown, n });
emit({ package: '@px/client', name: 'download RunClient.downloadArtifact', unit: 'MB/s', value: down, n });
emit({ package: '@px/client', name: 'download vs baseline, median of 5 alternating runs (goal >= 0.9)', unit: 'ratio', value: down / rawDown, n, goal: 0.9 });

await client.close();
await server.close();
await rm(dir, { recursive: true, force: true });

// Peak RSS of the client while uploading and downloading a large file, at two sizes, each measured
// in a fresh process (the server runs in another child process): memory must not grow with the size.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { emit } from '@px/testkit/bench';
import { PolyaxonClient, RunClient } from '../src/index';
import { benchServerProcess, makeFile } from './bench-server';

const MB = 1024 * 1024;
const SIZES = [64 * MB, 1024 * MB];

async function peakRss(fn: () => Promise<unknown>): Promise<number> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss);
}

function rawUpload(url: string, file: string, size: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-length': size } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

function rawDownload(url: string, target: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    request(url, (res) => {
      pipeline(res, createWriteStream(target)).then(resolve, reject);
    })
      .on('error', reject)
      .end();
  });
}

async function measure(size: number, raw: boolean): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'px-bench-mem-'));
  const file = join(dir, 'big.bin');
  await makeFile(file, size);
  const server = await benchServerProcess(size);
  const client = new PolyaxonClient({ token: 'bench', config: { host: server.url }, context: { env: {}, homeDir: dir, cwd: dir } });
  const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client });
  await run.refresh();
  (globalThis as { gc?: () => void }).gc?.();
  const idle = process.memoryUsage().rss;
  const artifactUrl = `${server.url}/streams/v1/polyaxon/o/p/runs/${'a'.repeat(32)}/artifact`;
  const up = await peakRss(() => (raw ? rawUpload(artifactUrl, file, size) : run.uploadArtifact(file, { path: 'bench' })));
  await rm(file, { force: true });
  const down = await peakRss(() =>
    raw ? rawDownload(`${artifactUrl}?path=big.bin`, join(dir, 'raw.bin')) : run.downloadArtifact('big.bin', { pathTo: join(dir, 'dl'), force: true }),
  );
  const n = size / MB;
  const who = raw ? 'raw node:http (baseline)' : 'RunClient';
  if (!raw) emit({ package: '@px/client', name: `RSS at rest before ${n} MB transfers`, unit: 'MB', value: idle / MB, n });
  emit({ package: '@px/client', name: `peak RSS uploading ${n} MB, ${who}`, unit: 'MB', value: up / MB, n });
  emit({ package: '@px/client', name: `peak RSS downloading ${n} MB, ${who}`, unit: 'MB', value: down / MB, n });
  await client.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}

const child = process.argv.indexOf('--size');
if (child > 0) {
  await measure(Number(process.argv[child + 1]), process.argv.includes('--raw'));
} else {
  for (const [size, raw] of SIZES.flatMap((s) => [[s, false], [s, true]] as const)) {
    await new Promise<void>((resolve, reject) => {
      const args = ['--expose-gc', process.argv[1]!, '--size', String(size), ...(raw ? ['--raw'] : [])];
      const proc = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
      proc.once('error', reject);
      proc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`memory bench for ${size} bytes exited with ${code}`))));
    });
  }
}

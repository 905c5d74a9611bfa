// Peak RSS while uploading and downloading a large file, at two sizes: memory must not grow with size.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit } from '@px/testkit/bench';
import { PolyaxonClient, RunClient } from '../src/index';
import { benchServer, makeFile } from './bench-server';

const MB = 1024 * 1024;
const SIZES = [64 * MB, 1024 * MB];

async function peakRss(fn: () => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss);
}

for (const size of SIZES) {
  const dir = await mkdtemp(join(tmpdir(), 'px-bench-mem-'));
  const file = join(dir, 'big.bin');
  await makeFile(file, size);
  const server = await benchServer(size);
  const client = new PolyaxonClient({ token: 'bench', config: { host: server.url }, context: { env: {}, homeDir: dir, cwd: dir } });
  const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client });
  await run.refresh();
  const up = await peakRss(() => run.uploadArtifact(file, { path: 'bench' }));
  await rm(file, { force: true });
  const down = await peakRss(() => run.downloadArtifact('big.bin', { pathTo: join(dir, 'dl'), force: true }));
  const n = size / MB;
  emit({ package: '@px/client', name: `peak RSS uploading ${n} MB`, unit: 'MB', value: up / MB, n });
  emit({ package: '@px/client', name: `peak RSS downloading ${n} MB`, unit: 'MB', value: down / MB, n });
  await client.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}

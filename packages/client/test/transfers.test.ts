import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunClient, type PolyaxonClient, type TransferProgress } from '../src/index';
import { isolatedClient, tempDir } from './helpers/isolated';
import { tinyServer } from './helpers/tiny-server';

let server: ApiServer;
let client: PolyaxonClient;
const dir = tempDir('px-transfer-');
const SIZE = 24 * 1024 * 1024 + 123;

async function sha(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

beforeAll(async () => {
  server = await startApiServer();
  server.state.addProject({ name: 't' });
  client = isolatedClient({ host: server.url });
  const out = createWriteStream(join(dir, 'big.bin'));
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < 24; i++) {
    chunk.fill(i);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end(Buffer.alloc(123, 9));
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
});

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('streamed transfers', () => {
  it('uploads and downloads a large file intact with progress', async () => {
    const run = new RunClient({ project: 't', client });
    await run.create({ name: 'big' });
    const up: TransferProgress[] = [];
    await run.uploadArtifact(join(dir, 'big.bin'), { path: 'data', onProgress: (p) => up.push(p) });
    expect(up.at(-1)).toEqual({ transferredBytes: SIZE, totalBytes: SIZE });
    expect(up.length).toBeGreaterThan(10);
    const down: TransferProgress[] = [];
    const target = await run.downloadArtifact('data/big.bin', { pathTo: join(dir, 'dl'), onProgress: (p) => down.push(p) });
    expect(await sha(target)).toBe(await sha(join(dir, 'big.bin')));
    expect(down.at(-1)?.transferredBytes).toBe(SIZE);
    // cached: a second download is skipped
    const again = await run.downloadArtifact('data/big.bin', { pathTo: join(dir, 'dl') });
    expect(again).toBe(target);
  });

  it('packs folders as tar.gz and extracts downloads safely', async () => {
    const run = new RunClient({ project: 't', client });
    await run.create({ name: 'dir' });
    const src = join(dir, 'tree');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(src, 'a/b'), { recursive: true });
    writeFileSync(join(src, 'a/b/c.txt'), 'deep');
    writeFileSync(join(src, 'top.txt'), 'top');
    writeFileSync(join(src, 'skip.plx.json'), '{}');
    writeFileSync(join(src, '.polyaxonignore'), '*.log\n');
    writeFileSync(join(src, 'noise.log'), 'x');
    await run.uploadArtifactsDir(src, { path: 'tree' });
    expect(await run.getArtifactsTree('tree')).toMatchObject({ files: { 'top.txt': 3 }, dirs: ['a'] });
    const out = await run.downloadArtifacts('tree', { pathTo: join(dir, 'out') });
    expect(readFileSync(join(out, 'a/b/c.txt'), 'utf8')).toBe('deep');
  });

  it('downloads what lineage records point to (file, dir, data file via check_path)', async () => {
    const run = new RunClient({ project: 't', client });
    await run.create({ name: 'lineage' });
    writeFileSync(join(dir, 'm.txt'), 'model');
    await run.uploadArtifact(join(dir, 'm.txt'), { path: 'outputs' });
    await run.uploadArtifact(join(dir, 'm.txt'), { path: 'outputs/sub' });
    const to = join(dir, 'lin');
    const file = await run.downloadArtifactForLineage({ name: 'm', kind: 'file', path: `${run.runUuid}/outputs/m.txt` }, { pathTo: to });
    expect(readFileSync(file, 'utf8')).toBe('model');
    const folder = await run.downloadArtifactForLineage({ name: 'sub', kind: 'dir', path: 'outputs/sub' }, { pathTo: join(dir, 'lin2') });
    expect(readFileSync(join(folder, 'm.txt'), 'utf8')).toBe('model');
    const data = await run.downloadArtifactForLineage({ name: 'd', kind: 'model', path: 'outputs/m.txt' }, { pathTo: join(dir, 'lin3') });
    expect(readFileSync(data, 'utf8')).toBe('model');
  });

  it('sends a single file as multipart with a Content-Length, file part first', async () => {
    const tiny = await tinyServer((req, res) => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ uuid: 'a'.repeat(32), settings: { namespace: 'ns', artifacts_store: { name: 'store' } } }));
        return;
      }
      res.writeHead(200);
      res.end();
    });
    const c = isolatedClient({ host: tiny.url });
    const run = new RunClient({ owner: 'o', project: 'p', runUuid: 'a'.repeat(32), client: c });
    writeFileSync(join(dir, 'small.txt'), 'hello');
    await run.uploadArtifact(join(dir, 'small.txt'), { path: 'x' });
    await c.close();
    await tiny.close();
    const post = tiny.requests[1]!;
    expect(post.url).toBe(`/streams/v1/ns/o/p/runs/${'a'.repeat(32)}/artifact`);
    expect(Number(post.headers['content-length'])).toBe(post.body.length);
    const boundary = /boundary=([0-9a-f]{32})$/.exec(post.headers['content-type'] ?? '')![1]!;
    expect(post.body.toString()).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="upload_file"; filename="${join(dir, 'small.txt')}"\r\nContent-Type: text/plain\r\n\r\nhello\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="json"\r\n\r\n{"untar":false,"path":"x","overwrite":true,"connection":"store"}\r\n--${boundary}--\r\n`,
    );
  });
});

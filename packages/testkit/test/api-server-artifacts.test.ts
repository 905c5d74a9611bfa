import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractTarGz, tarGzDirectory } from '../src/api-server/tar';
import { startApiServer, type ApiServer } from '../src/index';

function form(file: Blob, filename: string, json: unknown): FormData {
  const data = new FormData();
  data.append('upload_file', file, filename);
  data.append('json', JSON.stringify(json));
  return data;
}

describe('API test server artifacts (streams)', () => {
  let server: ApiServer;
  let scratch: string;
  let base: string;
  const uuid = 'a'.repeat(32);

  beforeEach(async () => {
    server = await startApiServer();
    server.state.addRun({ project: 'p', uuid });
    scratch = mkdtempSync(join(tmpdir(), 'px-artifacts-test-'));
    base = `${server.url}/streams/v1/polyaxon/default/p/runs/${uuid}`;
  });
  afterEach(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await server.close();
  });

  it('stores a single uploaded file under path/basename and serves it back', async () => {
    const res = await fetch(`${base}/artifact`, {
      method: 'POST',
      body: form(new Blob(['hello\n']), '/abs/client/path/hello.txt', { untar: false, path: 'uploads', overwrite: true }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('');
    expect(readFileSync(join(server.artifactsDir, uuid, 'uploads', 'hello.txt'), 'utf8')).toBe('hello\n');
    const recorded = server.requests.at(-1)!;
    expect(recorded.body).toMatchObject({ files: [{ field: 'upload_file', filename: '/abs/client/path/hello.txt', size: 6 }] });

    const got = await fetch(`${base}/artifact?path=uploads/hello.txt&stream=True&force=False`);
    expect(got.headers.get('content-disposition')).toBe('inline; filename="hello.txt"');
    expect(got.headers.get('content-type')).toBe('text/plain');
    expect(await got.text()).toBe('hello\n');

    const tree = await fetch(`${base}/artifacts/tree?path=`);
    expect(await tree.json()).toEqual({ files: {}, dirs: ['uploads'] });
  });

  it('keeps the existing file when overwrite is false', async () => {
    mkdirSync(join(server.artifactsDir, uuid), { recursive: true });
    writeFileSync(join(server.artifactsDir, uuid, 'keep.txt'), 'old');
    await fetch(`${base}/artifact`, { method: 'POST', body: form(new Blob(['new']), 'keep.txt', { untar: false, path: '', overwrite: false }) });
    expect(readFileSync(join(server.artifactsDir, uuid, 'keep.txt'), 'utf8')).toBe('old');
  });

  it('untars uploaded directories and downloads them as tar.gz', async () => {
    const dir = join(scratch, 'dir');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'aaaaaaa');
    writeFileSync(join(dir, 'sub', 'b.json'), '{"b": 1}\n');
    const archive = await buffer(tarGzDirectory(dir));
    const up = await fetch(`${base}/artifacts`, {
      method: 'POST',
      body: form(new Blob([archive]), '/tmp/mydir123.tar.gz', { untar: true, path: 'mydir', overwrite: true }),
    });
    expect(up.status).toBe(200);
    const tree = await (await fetch(`${base}/artifacts/tree?path=mydir`)).json();
    expect(tree).toEqual({ files: { 'a.txt': 7 }, dirs: ['sub'] });

    const down = await fetch(`${base}/artifacts?path=mydir`);
    expect(down.headers.get('content-type')).toBe('application/gzip');
    expect(down.headers.get('content-disposition')).toBe('inline; filename="mydir.tar.gz"');
    const tgz = join(scratch, 'down.tar.gz');
    writeFileSync(tgz, Buffer.from(await down.arrayBuffer()));
    const out = join(scratch, 'out');
    mkdirSync(out);
    expect((await extractTarGz(tgz, out, true)).sort()).toEqual(['a.txt', 'sub/b.json']);
    expect(readFileSync(join(out, 'sub', 'b.json'), 'utf8')).toBe('{"b": 1}\n');
  });

  it('refuses archive members that escape the run folder', async () => {
    const evil = join(scratch, 'evil');
    mkdirSync(evil);
    writeFileSync(join(evil, 'x'), 'x');
    // Rewrite the member name to climb out of the destination.
    const tgz = await buffer(tarGzDirectory(evil));
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const tar = gunzipSync(tgz);
    tar.write('../../escape.txt\0', 0, 'utf8');
    let sum = 0;
    tar.write('        ', 148, 'latin1');
    for (let i = 0; i < 512; i++) sum += tar[i]!;
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const res = await fetch(`${base}/artifacts`, {
      method: 'POST',
      body: form(new Blob([gzipSync(tar)]), 'evil.tar.gz', { untar: true, path: 'x', overwrite: true }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: 'Refusing unsafe archive member: ../../escape.txt' });
  });

  it('extracts all-or-nothing: a refused member leaves no earlier member behind', async () => {
    const src = join(scratch, 'partial');
    mkdirSync(src);
    writeFileSync(join(src, 'a.txt'), 'a');
    writeFileSync(join(src, 'b.txt'), 'b');
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const tar = gunzipSync(await buffer(tarGzDirectory(src)));
    // the second member (after a 512-byte header and one 512-byte data block) climbs out
    const at = 1024;
    expect(tar.toString('utf8', at, at + 5)).toBe('b.txt');
    tar.fill(0, at, at + 100);
    tar.write('../b.txt', at, 'utf8');
    tar.write('        ', at + 148, 'latin1');
    let sum = 0;
    for (let i = at; i < at + 512; i++) sum += tar[i]!;
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148, 'latin1');
    const archive = join(scratch, 'partial.tar.gz');
    writeFileSync(archive, gzipSync(tar));
    const parent = join(scratch, 'partial-dest');
    const dest = join(parent, 'out');
    await expect(extractTarGz(archive, dest, true)).rejects.toThrow(/HTTP 400/);
    expect(existsSync(join(dest, 'a.txt'))).toBe(false);
    expect(readdirSync(parent).filter((name) => name.includes('extract'))).toEqual([]);
  });

  it('answers like upstream for missing files and deletions', async () => {
    const missing = await fetch(`${base}/artifact?path=nope.txt&stream=true`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Artifact not found: filepath=None');
    const notDeleted = await fetch(`${base}/artifact?path=nope.txt`, { method: 'DELETE' });
    expect(notDeleted.status).toBe(400);
    expect(await notDeleted.text()).toBe(`Artifact could not be deleted: filepath=${uuid}/nope.txt`);
    mkdirSync(join(server.artifactsDir, uuid, 'd'), { recursive: true });
    writeFileSync(join(server.artifactsDir, uuid, 'd', 'f.txt'), 'f');
    expect((await fetch(`${base}/artifact?path=d/f.txt`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${base}/artifacts?path=d`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${base}/artifacts/tree?path=`)).json()).toEqual({ files: {}, dirs: [] });
  });

  it('reports uploads that break the upstream multipart protocol', async () => {
    const data = new FormData();
    data.append('uploadfile', new Blob(['x']), 'x.txt');
    const res = await fetch(`${base}/artifact`, { method: 'POST', body: data });
    expect(res.status).toBe(400);
    const violations = server.takeViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]!.errors).toEqual([
      'multipart field "json" is missing',
      'multipart file field "upload_file" is missing',
      'unexpected multipart field "uploadfile"',
    ]);
  });

  it('serves events per kind in csv and dict orientation', async () => {
    const events = join(server.artifactsDir, uuid, 'events', 'metric');
    mkdirSync(events, { recursive: true });
    writeFileSync(join(events, 'loss.plx'), 'step|timestamp|metric\n1|2026-11-23 00:30:16.388681+00:00|0.5\n2|2026-11-23 00:30:17.388681+00:00|0.25');
    const dict = await (await fetch(`${base}/events/metric?names=loss,missing&orient=dict`)).json();
    expect(dict).toEqual({
      data: [
        {
          name: 'loss',
          kind: 'metric',
          data: {
            step: [1, 2],
            timestamp: ['2026-11-23 00:30:16.388681+00:00', '2026-11-23 00:30:17.388681+00:00'],
            metric: [0.5, 0.25],
          },
        },
      ],
    });
    const csv = await (await fetch(`${base}/events/metric?names=loss&orient=csv`)).json();
    expect(csv.data[0].data).toContain('step|timestamp|metric');
    const multi = await (await fetch(`${server.url}/streams/v1/polyaxon/default/p/runs/multi/events/metric?names=loss&runs=${uuid}`)).json();
    expect(Object.keys(multi.data)).toEqual([uuid]);
  });

  it('serves logs seeded through the state', async () => {
    const run = server.state.runs.get(uuid)!;
    server.state.addLogs(run, [
      { timestamp: '2026-11-23T00:00:01.000000Z', value: 'one' },
      { timestamp: '2026-11-23T00:00:02.000000Z', value: 'two' },
    ]);
    const all = await (await fetch(`${base}/logs?kind=job`)).json();
    expect(all.logs.map((l: { value: string }) => l.value)).toEqual(['one', 'two']);
    expect(all.last_time).toBe('2026-11-23T00:00:02.000000Z');
    const after = await (await fetch(`${base}/logs?last_time=2026-11-23T00:00:01.000000Z`)).json();
    expect(after.logs.map((l: { value: string }) => l.value)).toEqual(['two']);
  });
});

describe('API test server logs from uploaded plxlogs files', () => {
  it('serves one plxlogs file per call, following last_file', async () => {
    const server = await startApiServer();
    try {
      const uuid = server.state.addRun({ project: 'p' }).uuid;
      const dir = join(server.artifactsDir, uuid, 'plxlogs');
      mkdirSync(dir, { recursive: true });
      const line = (value: string, second: number) => ({ timestamp: `2026-11-23T00:00:0${second}.000000+00:00`, node: 'local', pod: 'u', container: 'h', value });
      writeFileSync(join(dir, '1795392001'), JSON.stringify({ logs: [line('a', 1)] }));
      writeFileSync(join(dir, '1795392002'), JSON.stringify({ logs: [line('b', 2)] }));
      const base = `${server.url}/streams/v1/polyaxon/default/p/runs/${uuid}/logs`;
      const first = await (await fetch(`${base}?kind=job`)).json();
      expect(first).toMatchObject({ last_file: '1795392001', files: ['1795392001', '1795392002'] });
      expect(first.logs.map((l: { value: string }) => l.value)).toEqual(['a']);
      const second = await (await fetch(`${base}?last_file=1795392001&last_time=${encodeURIComponent(first.last_time)}`)).json();
      expect(second.logs.map((l: { value: string }) => l.value)).toEqual(['b']);
      const done = await (await fetch(`${base}?last_file=1795392002`)).json();
      expect(done.logs).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

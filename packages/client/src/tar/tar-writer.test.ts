import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTar } from './tar-reader';
import { tarStream, type TarSource } from './tar-writer';

async function temp(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'px-tar-'));
}

function source(path: string, name: string): TarSource {
  const s = statSync(path);
  return { path, name, size: s.size, mode: s.mode & 0o7777, mtime: Math.floor(s.mtimeMs / 1000) };
}

async function writeTarGz(sources: TarSource[], out: string): Promise<void> {
  await pipeline(Readable.from(tarStream(sources)), createGzip(), createWriteStream(out));
}

describe('tar writer', () => {
  it('writes archives that GNU tar lists and extracts, including long names', async () => {
    const dir = await temp();
    const longName = `${'deep/'.repeat(30)}${'n'.repeat(120)}.txt`;
    writeFileSync(join(dir, 'a.txt'), 'alpha\n');
    writeFileSync(join(dir, 'b.bin'), Buffer.alloc(70_000, 7));
    const out = join(dir, 'out.tar.gz');
    await writeTarGz([source(join(dir, 'a.txt'), 'a.txt'), source(join(dir, 'b.bin'), 'sub/b.bin'), source(join(dir, 'a.txt'), longName)], out);
    const listed = execFileSync('tar', ['-tzf', out], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(['a.txt', 'sub/b.bin', longName]);
    const dest = join(dir, 'x');
    mkdirSync(dest);
    execFileSync('tar', ['-xzf', out, '-C', dest]);
    expect(readFileSync(join(dest, 'sub/b.bin'))).toEqual(Buffer.alloc(70_000, 7));
    expect(readFileSync(join(dest, longName), 'utf8')).toBe('alpha\n');
  });

  it('round-trips through its own reader', async () => {
    const dir = await temp();
    writeFileSync(join(dir, 'f'), 'x'.repeat(1000));
    const chunks: Buffer[] = [];
    for await (const c of tarStream([source(join(dir, 'f'), `${'q'.repeat(150)}/f`)])) chunks.push(c);
    const names: string[] = [];
    for await (const entry of readTar(Readable.from(chunks))) {
      names.push(entry.name);
      let size = 0;
      for await (const c of entry.data) size += c.length;
      expect(size).toBe(1000);
    }
    expect(names).toEqual([`${'q'.repeat(150)}/f`]);
  });
});


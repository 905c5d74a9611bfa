import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { extractArchive, extractTarGz, UnsafeArchiveError } from './extract';
import { encodeHeader } from './tar-header';

async function temp(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'px-tar-'));
}

describe('safe extraction', () => {
  it('extracts what GNU tar packed (files, folders, inner symlinks)', async () => {
    const dir = await temp();
    const src = join(dir, 'src');
    mkdirSync(join(src, 'd'), { recursive: true });
    writeFileSync(join(src, 'd', 'f.txt'), 'hello');
    symlinkSync('d/f.txt', join(src, 'link'));
    execFileSync('tar', ['-czf', join(dir, 'a.tgz'), '-C', src, '.']);
    const dest = join(dir, 'dest');
    const names = await extractTarGz(Readable.from(readFileSync(join(dir, 'a.tgz'))), dest);
    expect(names).toContain('./d/f.txt');
    expect(readFileSync(join(dest, 'd/f.txt'), 'utf8')).toBe('hello');
    expect(readlinkSync(join(dest, 'link'))).toBe('d/f.txt');
  });

  it('refuses ../ escapes and absolute names', async () => {
    for (const name of ['../evil.txt', 'a/../../evil.txt', '/tmp/evil.txt']) {
      const dir = await temp();
      const header = encodeHeader({ name, typeflag: '0', size: 4, mode: 0o644, mtime: 0 })!;
      const tar = Buffer.concat([header, Buffer.from('evil'), Buffer.alloc(508), Buffer.alloc(1024)]);
      await expect(extractArchive(Readable.from([tar]), join(dir, 'dest'))).rejects.toBeInstanceOf(UnsafeArchiveError);
      expect(existsSync(join(dir, 'evil.txt'))).toBe(false);
    }
  });

  it('refuses symlinks pointing out of the target and writes through links', async () => {
    const dir = await temp();
    const out = encodeHeader({ name: 'out', typeflag: '2', size: 0, mode: 0o777, mtime: 0, linkname: '../../etc' })!;
    await expect(extractArchive(Readable.from([Buffer.concat([out, Buffer.alloc(1024)])]), join(dir, 'd1'))).rejects.toThrow(/points out/);
    const abs = encodeHeader({ name: 'abs', typeflag: '2', size: 0, mode: 0o777, mtime: 0, linkname: '/etc' })!;
    await expect(extractArchive(Readable.from([Buffer.concat([abs, Buffer.alloc(1024)])]), join(dir, 'd2'))).rejects.toBeInstanceOf(UnsafeArchiveError);
    // an inner link, then a file written through it
    const inner = encodeHeader({ name: 'in', typeflag: '2', size: 0, mode: 0o777, mtime: 0, linkname: 'sub' })!;
    const dirEntry = encodeHeader({ name: 'sub/', typeflag: '5', size: 0, mode: 0o755, mtime: 0 })!;
    const through = encodeHeader({ name: 'in/x.txt', typeflag: '0', size: 1, mode: 0o644, mtime: 0 })!;
    const tar = Buffer.concat([dirEntry, inner, through, Buffer.from('x'), Buffer.alloc(511), Buffer.alloc(1024)]);
    await expect(extractArchive(Readable.from([tar]), join(dir, 'd3'))).rejects.toThrow(/through the link/);
    expect(lstatSync(join(dir, 'd3', 'in')).isSymbolicLink()).toBe(true);
  });

  it('refuses hardlinks to files outside the target', async () => {
    const dir = await temp();
    const hard = encodeHeader({ name: 'h', typeflag: '1', size: 0, mode: 0o644, mtime: 0, linkname: '../secret' })!;
    await expect(extractArchive(Readable.from([Buffer.concat([hard, Buffer.alloc(1024)])]), join(dir, 'd'))).rejects.toBeInstanceOf(UnsafeArchiveError);
  });

  it('reports a truncated archive', async () => {
    const dir = await temp();
    const header = encodeHeader({ name: 'big', typeflag: '0', size: 10_000, mode: 0o644, mtime: 0 })!;
    await expect(extractArchive(Readable.from([Buffer.concat([header, Buffer.alloc(100)])]), join(dir, 'd'))).rejects.toThrow(/truncated/);
  });
});

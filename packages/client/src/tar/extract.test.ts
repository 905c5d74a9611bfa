import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
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
    // all-or-nothing: the link created before the refused member is gone too
    expect(existsSync(join(dir, 'd3'))).toBe(false);
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

  it('refuses a chain of links whose texts stay inside but which resolve outside on disk', async () => {
    // a/b/y -> ../.. is the root; a/b/z -> y/../.. reads as `a` but on disk is the root's grandparent
    const dir = await temp();
    const tar = archive([
      { name: 'a/b/', typeflag: '5' },
      { name: 'a/b/y', typeflag: '2', linkname: '../..' },
      { name: 'a/b/z', typeflag: '2', linkname: 'y/../..' },
    ]);
    await expect(extractArchive(Readable.from([tar]), join(dir, 'dest'))).rejects.toThrow(/resolves out of the target folder/);
    expect(existsSync(join(dir, 'dest'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a link checked while dangling once later members make it escape', async () => {
    // d/z -> q/../.. while q is missing reads as the root; then d/y -> .. and d/q -> y make q the root
    const dir = await temp();
    const tar = archive([
      { name: 'd/', typeflag: '5' },
      { name: 'd/z', typeflag: '2', linkname: 'q/../..' },
      { name: 'd/y', typeflag: '2', linkname: '..' },
      { name: 'd/q', typeflag: '2', linkname: 'y' },
    ]);
    await expect(extractArchive(Readable.from([tar]), join(dir, 'dest'))).rejects.toBeInstanceOf(UnsafeArchiveError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a hard link made through a link chain', async () => {
    const dir = await temp();
    writeFileSync(join(dir, 'secret'), 'token');
    const tar = archive([
      { name: 'a/', typeflag: '5' },
      { name: 'a/up', typeflag: '2', linkname: '..' },
      { name: 'h', typeflag: '1', linkname: 'a/up/../secret' },
    ]);
    await expect(extractArchive(Readable.from([tar]), join(dir, 'dest'))).rejects.toBeInstanceOf(UnsafeArchiveError);
    expect(readdirSync(dir)).toEqual(['secret']);
  });

  it('leaves an existing folder untouched when an archive is refused, and merges one that is accepted', async () => {
    const dir = await temp();
    const dest = join(dir, 'dest');
    mkdirSync(join(dest, 'keep'), { recursive: true });
    writeFileSync(join(dest, 'keep', 'old.txt'), 'old');
    writeFileSync(join(dest, 'same.txt'), 'before');
    const bad = archive([
      { name: 'same.txt', typeflag: '0', data: 'after' },
      { name: 'new.txt', typeflag: '0', data: 'new' },
      { name: 'evil', typeflag: '2', linkname: '../../etc' },
    ]);
    await expect(extractArchive(Readable.from([bad]), dest)).rejects.toBeInstanceOf(UnsafeArchiveError);
    expect(readFileSync(join(dest, 'same.txt'), 'utf8')).toBe('before');
    expect(existsSync(join(dest, 'new.txt'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['dest']);

    const good = archive([
      { name: 'same.txt', typeflag: '0', data: 'after' },
      { name: 'keep/inner.txt', typeflag: '0', data: 'inner' },
      { name: 'link', typeflag: '2', linkname: 'keep/old.txt' },
    ]);
    await extractArchive(Readable.from([good]), dest);
    expect(readFileSync(join(dest, 'same.txt'), 'utf8')).toBe('after');
    expect(readFileSync(join(dest, 'keep', 'old.txt'), 'utf8')).toBe('old');
    expect(readFileSync(join(dest, 'keep', 'inner.txt'), 'utf8')).toBe('inner');
    expect(readFileSync(join(dest, 'link'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['dest']);
  });

  it('keeps links that resolve inside through other links', async () => {
    const dir = await temp();
    const tar = archive([
      { name: 'a/b/', typeflag: '5' },
      { name: 'a/b/f.txt', typeflag: '0', data: 'f' },
      { name: 'a/up', typeflag: '2', linkname: 'b' },
      { name: 'top', typeflag: '2', linkname: 'a/up/f.txt' },
    ]);
    await extractArchive(Readable.from([tar]), join(dir, 'dest'));
    expect(readFileSync(join(dir, 'dest', 'top'), 'utf8')).toBe('f');
  });
});

interface Member {
  name: string;
  typeflag: '0' | '1' | '2' | '5';
  linkname?: string;
  data?: string;
}

/** A tar archive built member by member with the repo's header encoder. */
function archive(members: Member[]): Buffer {
  const parts: Buffer[] = [];
  for (const member of members) {
    const data = Buffer.from(member.data ?? '');
    const mode = member.typeflag === '5' ? 0o755 : member.typeflag === '2' ? 0o777 : 0o644;
    parts.push(encodeHeader({ name: member.name, typeflag: member.typeflag, size: data.length, mode, mtime: 0, linkname: member.linkname ?? '' })!);
    if (data.length > 0) parts.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractTarGz, safeJoin, tarGzDirectory } from './tar';

describe('tar.gz', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'px-tar-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips files, nested folders and long (pax) names', async () => {
    const src = join(dir, 'src');
    const long = `${'deep/'.repeat(30)}file.txt`;
    mkdirSync(join(src, 'deep/'.repeat(30)), { recursive: true });
    writeFileSync(join(src, long), 'long');
    writeFileSync(join(src, 'a.txt'), 'a'.repeat(1000));
    writeFileSync(join(src, 'empty'), '');
    const archive = join(dir, 'x.tar.gz');
    writeFileSync(archive, await buffer(tarGzDirectory(src)));
    const out = join(dir, 'out');
    const names = await extractTarGz(archive, out, true);
    expect(names.sort()).toEqual(['a.txt', 'empty', long].sort());
    expect(readFileSync(join(out, long), 'utf8')).toBe('long');
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('a'.repeat(1000));
    expect(readFileSync(join(out, 'empty'), 'utf8')).toBe('');
  });

  it('keeps existing files when overwrite is false', async () => {
    const src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'f'), 'new');
    const archive = join(dir, 'x.tar.gz');
    writeFileSync(archive, await buffer(tarGzDirectory(src)));
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'f'), 'old');
    expect(await extractTarGz(archive, out, false)).toEqual([]);
    expect(readFileSync(join(out, 'f'), 'utf8')).toBe('old');
  });

  it('refuses names that escape the destination', () => {
    expect(() => safeJoin(dir, '../x')).toThrow('HTTP 400');
    expect(() => safeJoin(dir, '/etc/passwd')).toThrow('HTTP 400');
    expect(() => safeJoin(dir, 'a/../../x')).toThrow('HTTP 400');
    expect(safeJoin(dir, './a/b')).toBe(join(dir, 'a', 'b'));
    expect(safeJoin(dir, '')).toBe(dir);
  });

  it('answers 400 for an archive that is not gzip', async () => {
    const bogus = join(dir, 'bogus.tar.gz');
    writeFileSync(bogus, 'not gzip at all');
    await expect(extractTarGz(bogus, join(dir, 'out'), true)).rejects.toThrow('HTTP 400');
  });
});

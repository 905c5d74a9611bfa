import { describe, expect, it } from 'vitest';
import { cacheFile, isReplacedCache, isTrustedCache, tempCachePid } from './compile-cache';

const file = (mode: number, uid = 1000, isFile = true) => ({ isFile: () => isFile, uid, mode });

describe('cacheFile', () => {
  it('lives under PX_COMPILE_CACHE_DIR, else $XDG_CACHE_HOME/px, else ~/.cache/px, one file per command', () => {
    expect(cacheFile({ PX_COMPILE_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' }, 'check', '/px.cjs', 's')).toMatch(/^\/c\/check-[0-9a-f]{8}-[0-9a-f]{8}\.bin$/);
    expect(cacheFile({ XDG_CACHE_HOME: '/x', HOME: '/h' }, 'run', '/px.cjs', 's')).toMatch(/^\/x\/px\/compile-cache\/run-[0-9a-f]{8}-[0-9a-f]{8}\.bin$/);
    expect(cacheFile({ HOME: '/h' }, 'ops', '/px.cjs', 's')).toMatch(/^\/h\/\.cache\/px\/compile-cache\/ops-[0-9a-f]{8}-[0-9a-f]{8}\.bin$/);
  });

  it('changes its name with the bundle file, and files words that are not commands under `other`', () => {
    expect(cacheFile({ HOME: '/h' }, 'check', '/px.cjs', 'a')).not.toBe(cacheFile({ HOME: '/h' }, 'check', '/px.cjs', 'b'));
    expect(cacheFile({ HOME: '/h' }, '--host', '/px.cjs', 's')).toMatch(/\/other-[0-9a-f]{8}-[0-9a-f]{8}\.bin$/);
    expect(cacheFile({ HOME: '/h' }, '../../etc', '/px.cjs', 's')).toMatch(/^\/h\/\.cache\/px\/compile-cache\/other-/);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE, without a home, or with a relative folder', () => {
    expect(cacheFile({ HOME: '/h', NODE_DISABLE_COMPILE_CACHE: '1' }, 'check', '/px.cjs', 's')).toBeUndefined();
    expect(cacheFile({}, 'check', '/px.cjs', 's')).toBeUndefined();
    expect(cacheFile({ PX_COMPILE_CACHE_DIR: 'rel/dir' }, 'check', '/px.cjs', 's')).toBeUndefined();
  });
});

describe('isReplacedCache', () => {
  it('replaces older caches of the same command and installation only', () => {
    const [a, b] = [cacheFile({ HOME: '/h' }, 'check', '/a/px.cjs', 's')!, cacheFile({ HOME: '/h' }, 'check', '/b/px.cjs', 's')!].map((p) => p.slice(p.lastIndexOf('/') + 1));
    const older = `${a!.slice(0, a!.lastIndexOf('-'))}-00000000.bin`;
    expect(isReplacedCache(a!, older)).toBe(true);
    expect(isReplacedCache(a!, a!)).toBe(false);
    expect(isReplacedCache(a!, b!)).toBe(false);
    expect(isReplacedCache(a!, `${older}.123.tmp`)).toBe(false);
    expect(isReplacedCache(a!, a!.replace('check-', 'run-'))).toBe(false);
  });
});

describe('tempCachePid', () => {
  it('names the writer of a temporary file of the same command and installation only', () => {
    const [a, b] = [cacheFile({ HOME: '/h' }, 'check', '/a/px.cjs', 's')!, cacheFile({ HOME: '/h' }, 'check', '/b/px.cjs', 's')!].map((p) => p.slice(p.lastIndexOf('/') + 1));
    const older = `${a!.slice(0, a!.lastIndexOf('-'))}-00000000.bin`;
    expect(tempCachePid(a!, `${older}.4242.tmp`)).toBe(4242);
    expect(tempCachePid(a!, `${a!}.17.tmp`)).toBe(17);
    expect(tempCachePid(a!, older)).toBeUndefined();
    expect(tempCachePid(a!, `${b!}.17.tmp`)).toBeUndefined();
    expect(tempCachePid(a!, `${older}.0.tmp`)).toBeUndefined();
    expect(tempCachePid(a!, `${older}.12.tmp.x`)).toBeUndefined();
  });
});

describe('isTrustedCache', () => {
  it('trusts only regular files of this user that group and others cannot write', () => {
    expect(isTrustedCache(file(0o100600), 1000)).toBe(true);
    expect(isTrustedCache(file(0o100644), 1000)).toBe(true);
    expect(isTrustedCache(file(0o100620), 1000)).toBe(false);
    expect(isTrustedCache(file(0o100602), 1000)).toBe(false);
    expect(isTrustedCache(file(0o100600, 0), 1000)).toBe(false);
    expect(isTrustedCache(file(0o040700, 1000, false), 1000)).toBe(false);
    expect(isTrustedCache(file(0o100666, 0), undefined)).toBe(true);
  });
});

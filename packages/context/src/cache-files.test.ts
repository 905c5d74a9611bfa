import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { purgeConfig, readAuthFile, readProjectCache, readRunCache, writeAuthFile, writeClientConfigFile, writeHomeFile, writeProjectCache, writeRunCache } from './index';

describe('.project and .run caches', () => {
  it('goes global until the working directory is initialized, then local', () => {
    const box = sandbox();
    const global = writeProjectCache({ uuid: 'u', owner: 'acme', name: 'p' }, box.options());
    expect(global).toBe(join(box.home, '.polyaxon', '.project'));
    expect(writeRunCache({ uuid: 'r1' }, box.options())).toBe(join(box.home, '.polyaxon', '.run'));
    const local = writeProjectCache({ uuid: 'u', owner: 'acme', name: 'p' }, box.options(), 'local');
    expect(local).toBe(join(box.cwd, '.polyaxon', '.project'));
    expect(writeRunCache({ uuid: 'r2' }, box.options())).toBe(join(box.cwd, '.polyaxon', '.run'));
    expect(readProjectCache(box.options())?.visibility).toBe('local');
    expect(readRunCache(box.options())?.data.uuid).toBe('r2');
    expect(readRunCache(box.options(), 'global')?.data.uuid).toBe('r1');
  });

  it('orders keys like the schema and drops nulls', () => {
    const box = sandbox();
    const path = writeProjectCache({ name: 'p', description: null, owner: 'acme', uuid: 'u', extra: 1 }, box.options());
    expect(box.read(path)).toBe('{"uuid":"u","owner":"acme","name":"p","extra":1}');
  });

  it('purgeConfig removes config and caches but keeps .home; cacheOnly keeps config', () => {
    const box = sandbox();
    const o = box.options();
    writeHomeFile(join(box.root, 'ph'), o);
    writeClientConfigFile({ host: 'h' }, o);
    writeAuthFile({ token: 't' }, o);
    writeProjectCache({ name: 'p' }, o, 'local');
    writeRunCache({ uuid: 'r' }, o, 'global');
    expect(purgeConfig(o, { cacheOnly: true })).toHaveLength(2);
    expect(readAuthFile(o)).toEqual({ token: 't' });
    const removed = purgeConfig(o);
    expect(removed).toEqual([join(box.root, 'ph', '.polyaxon', '.client'), join(box.root, 'ph', '.polyaxon', '.auth')]);
    expect(readFileSync(join(box.home, '.polyaxon', '.home'), 'utf8')).toContain('ph');
  });
});

describe('cache writers validate their input', () => {
  it.each([null, [], 'x'])('refuses %j', (value) => {
    const box = sandbox();
    expect(() => writeProjectCache(value as unknown as Record<string, unknown>, box.options())).toThrow('Invalid project to cache');
    expect(() => writeRunCache(value as unknown as Record<string, unknown>, box.options())).toThrow('Invalid run to cache');
  });

  it('refuses a non-string uuid', () => {
    expect(() => writeRunCache({ uuid: 5 }, sandbox().options())).toThrow('`uuid` must be a string');
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { purgeAuthFile, purgeCliConfigFile, purgeClientConfigFile, purgeHomeFile, purgeProjectCache, purgeRunCache, purgeUserFile, readRunCache, writeProjectCache, writeRunCache } from './index';

describe('purge functions remove only their own file', () => {
  it.each([
    ['.client', purgeClientConfigFile],
    ['.auth', purgeAuthFile],
    ['.user', purgeUserFile],
    ['.cli', purgeCliConfigFile],
    ['.home', purgeHomeFile],
  ] as const)('%s', (name, purge) => {
    const box = sandbox();
    const dir = join(box.home, '.polyaxon');
    for (const file of ['.client', '.auth', '.user', '.cli', '.home']) box.write(join(dir, file), file === '.home' ? 'x: 1\n' : '{}');
    expect(purge(box.options())).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['.auth', '.cli', '.client', '.home', '.user'].filter((file) => file !== name));
  });

  it('project and run caches, by visibility', () => {
    const box = sandbox();
    const o = box.options();
    writeProjectCache({ name: 'p' }, o, 'local');
    writeProjectCache({ name: 'p' }, o, 'global');
    writeRunCache({ uuid: 'r' }, o, 'local');
    writeRunCache({ uuid: 'r' }, o, 'global');
    expect(purgeProjectCache(o, 'global')).toEqual([join(box.home, '.polyaxon/.project')]);
    expect(purgeProjectCache(o)).toEqual([join(box.cwd, '.polyaxon/.project')]);
    expect(purgeRunCache(o)).toEqual([join(box.cwd, '.polyaxon/.run'), join(box.home, '.polyaxon/.run')]);
    expect(readRunCache(o)).toBeUndefined();
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from './sandbox';
import { readAuthFile, readCliConfigFile, readClientConfigFile, readHomeFile, readProjectCache, readRunCache, readUserFile, configFilePaths, ContextError, writeHomeFile, purgeHomeFile } from '../src/index';

describe('unreadable and malformed files', () => {
  it.each([
    ['.client', (o: object) => readClientConfigFile(o)],
    ['.auth', (o: object) => readAuthFile(o)],
    ['.user', (o: object) => readUserFile(o)],
    ['.cli', (o: object) => readCliConfigFile(o)],
    ['.project', (o: object) => readProjectCache(o, 'global')],
    ['.run', (o: object) => readRunCache(o, 'global')],
  ])('%s: a directory in place of the file gives a ContextError naming it', (name, read) => {
    const box = sandbox();
    const path = join(box.home, '.polyaxon', name);
    mkdirSync(path, { recursive: true });
    expect(() => read(box.options())).toThrow(ContextError);
    expect(() => read(box.options())).toThrow(path);
  });

  it.each(['not json', '[1,2]', 'null', '"str"', '{"owner": 5}'])('.project containing %j is rejected and left untouched', (content) => {
    const box = sandbox();
    const path = box.write(join(box.cwd, '.polyaxon', '.project'), content);
    expect(() => readProjectCache(box.options())).toThrow(`Malformed .project file ${path}`);
    expect(box.read(path)).toBe(content);
  });

  it('.home that is not YAML names the file', () => {
    const box = sandbox();
    const path = box.write(join(box.home, '.polyaxon', '.home'), '{{{');
    expect(() => readHomeFile(box.options())).toThrow(path);
    expect(() => configFilePaths(box.options())).toThrow(ContextError);
  });
});

describe('a malformed .home can still be fixed', () => {
  it('is rewritten by writeHomeFile and removed by purgeHomeFile', () => {
    const box = sandbox();
    const path = box.write(join(box.home, '.polyaxon', '.home'), '{{{');
    expect(writeHomeFile('/srv/plx', box.options())).toBe(path);
    expect(readHomeFile(box.options())).toBe('/srv/plx');
    box.write(path, '{{{');
    expect(purgeHomeFile(box.options())).toBe(true);
    expect(configFilePaths(box.options()).globalDir).toBe(join(box.home, '.polyaxon'));
  });
});

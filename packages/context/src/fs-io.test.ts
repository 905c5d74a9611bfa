import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { writeAuthFile, writeUserFile } from './index';

describe('atomic writes', () => {
  it('replaces the file by rename and leaves no temporary file', () => {
    const box = sandbox();
    const first = writeUserFile({ username: 'a' }, box.options());
    const inode = statSync(first).ino;
    writeUserFile({ username: 'b' }, box.options());
    expect(statSync(first).ino).not.toBe(inode);
    expect(readdirSync(join(box.home, '.polyaxon'))).toEqual(['.user']);
  });

  it('keeps the old state and cleans up when the write fails', () => {
    const box = sandbox();
    const dir = join(box.home, '.polyaxon', '.auth');
    mkdirSync(join(dir, 'blocker'), { recursive: true });
    expect(() => writeAuthFile({ token: 'secret-xyz' }, box.options())).toThrow(`Cannot write ${dir}`);
    expect(readdirSync(join(box.home, '.polyaxon'))).toEqual(['.auth']);
    expect(readdirSync(dir)).toEqual(['blocker']);
  });
});

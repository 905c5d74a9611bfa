import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { purgeAuthFile, readAuthFile, readUserFile, writeAuthFile, writeUserFile } from './index';
import { configFilePaths } from './config-paths';
import { ContextError } from './context-error';

describe('.auth', () => {
  it('writes the upstream bytes with mode 0600 in a 0700 folder', () => {
    const box = sandbox();
    const path = writeAuthFile({ username: 'golden-user', token: 'dummy-golden-token' }, box.options());
    expect(box.read(path)).toBe('{"POLYAXON_AUTH_USERNAME":"golden-user","POLYAXON_AUTH_TOKEN":"dummy-golden-token"}');
    expect(box.mode(path)).toBe(0o600);
    expect(statSync(join(box.home, '.polyaxon')).mode & 0o777).toBe(0o700);
  });

  it('reads alias keys and field names', () => {
    const box = sandbox();
    const path = configFilePaths(box.options()).auth;
    box.write(path, '{"username":"u","token":"t"}');
    expect(readAuthFile(box.options())).toEqual({ username: 'u', token: 't' });
    box.write(path, '{"POLYAXON_AUTH_TOKEN":"a","token":"b"}');
    expect(readAuthFile(box.options())).toEqual({ token: 'a' });
  });

  it('never quotes a token in errors about a malformed file', () => {
    const box = sandbox();
    const path = box.write(configFilePaths(box.options()).auth, '{"POLYAXON_AUTH_TOKEN":"secret-123"');
    const error = (() => {
      try {
        readAuthFile(box.options());
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ContextError);
    expect((error as ContextError).message).toContain(path);
    expect((error as ContextError).message).not.toContain('secret-123');
    expect((error as ContextError).file).toBe(path);
    box.write(path, '{"POLYAXON_AUTH_TOKEN":12345}');
    expect(() => readAuthFile(box.options())).toThrow('<redacted>');
  });

  it('purges only .auth', () => {
    const box = sandbox();
    writeAuthFile({ token: 't' }, box.options());
    writeUserFile({ organization: 'o' }, box.options());
    expect(purgeAuthFile(box.options())).toBe(true);
    expect(purgeAuthFile(box.options())).toBe(false);
    expect(readUserFile(box.options())).toEqual({ organization: 'o' });
  });
});

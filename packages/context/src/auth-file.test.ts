import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

describe('temporary files left by a killed write', () => {
  /** A real process that starts an atomic `.auth` write (its temporary file, token inside) and is killed with SIGKILL. */
  async function killedWriter(dir: string): Promise<string> {
    const script = `
      const { openSync, writeSync, fsyncSync } = require('node:fs');
      const { join } = require('node:path');
      const name = '.auth.' + process.pid + '.0123456789ab.tmp';
      const fd = openSync(join(process.argv[1], name), 'wx', 0o600);
      writeSync(fd, '{"POLYAXON_AUTH_TOKEN":"leaked-tok');
      fsyncSync(fd);
      process.stdout.write(name + '\\n');
      setInterval(() => undefined, 1000);
    `;
    const child = spawn(process.execPath, ['-e', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    while (!out.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    await once(child, 'exit');
    return out.trim();
  }

  it('are deleted on the next read and the next write of the config folder', async () => {
    const box = sandbox();
    const options = box.options();
    const dir = dirname(configFilePaths(options).auth);
    mkdirSync(dir, { recursive: true });
    const first = await killedWriter(dir);
    expect(readdirSync(dir)).toEqual([first]);
    expect(readAuthFile(options)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    const second = await killedWriter(dir);
    writeAuthFile({ token: 'new' }, options);
    expect(readdirSync(dir)).not.toContain(second);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the temporary file of a write still in progress, unless it is over a minute old', () => {
    const box = sandbox();
    const options = box.options();
    const dir = dirname(configFilePaths(options).auth);
    mkdirSync(dir, { recursive: true });
    const live = join(dir, `.auth.${process.pid}.abcdefabcdef.tmp`);
    writeFileSync(live, '{}', { mode: 0o600 });
    writeAuthFile({ token: 't' }, options);
    expect(readdirSync(dir)).toContain(`.auth.${process.pid}.abcdefabcdef.tmp`);
    const old = new Date(Date.now() - 120_000);
    utimesSync(live, old, old);
    readAuthFile(options);
    expect(readdirSync(dir)).toEqual(['.auth']);
  });
});

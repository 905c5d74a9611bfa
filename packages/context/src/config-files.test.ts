import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import {
  formatClientConfig,
  isCommunity,
  purgeAuthFile,
  purgeCliConfigFile,
  purgeClientConfigFile,
  purgeConfig,
  purgeHomeFile,
  purgeProjectCache,
  purgeRunCache,
  purgeUserFile,
  readAuthFile,
  readCliConfigFile,
  readClientConfigFile,
  readHomeFile,
  readProjectCache,
  readRunCache,
  readUserFile,
  writeAuthFile,
  writeCliConfigFile,
  writeClientConfigFile,
  updateClientConfigFile,
  writeHomeFile,
  writeProjectCache,
  writeRunCache,
  writeUserFile,
} from './index';
import { configFilePaths } from './config-paths';
import { ContextError } from './context-error';

describe('config file locations', () => {
  it('uses ~/.polyaxon by default and /tmp/.polyaxon under the fs root', () => {
    const box = sandbox();
    const paths = configFilePaths(box.options());
    expect(paths.globalDir).toBe(join(box.home, '.polyaxon'));
    expect(paths.client).toBe(join(box.home, '.polyaxon', '.client'));
    expect(paths.tmpAuth).toBe(join(box.fsRoot, 'tmp', '.polyaxon', '.auth'));
    expect(paths.contextAuth).toBe(join(box.fsRoot, 'plx-context', '.configs', '.auth'));
    expect(paths.localProject).toBe(join(box.cwd, '.polyaxon', '.project'));
    expect(paths.globalDirSource).toBe('default');
  });

  it('moves the global files to $POLYAXON_HOME/.polyaxon (the variable names the parent)', () => {
    const box = sandbox();
    const paths = configFilePaths(box.options({ env: { POLYAXON_HOME: join(box.root, 'ph') } }));
    expect(paths.globalDir).toBe(join(box.root, 'ph', '.polyaxon'));
    expect(paths.home).toBe(join(box.home, '.polyaxon', '.home'));
    expect(paths.globalDirSource).toBe('env');
  });

  it('follows ~/.polyaxon/.home, and POLYAXON_HOME beats it', () => {
    const box = sandbox();
    writeHomeFile(join(box.root, 'from-file'), box.options());
    expect(configFilePaths(box.options()).globalDir).toBe(join(box.root, 'from-file', '.polyaxon'));
    expect(configFilePaths(box.options()).globalDirSource).toBe('home-file');
    expect(configFilePaths(box.options({ env: { POLYAXON_HOME: '/ph' } })).globalDir).toBe('/ph/.polyaxon');
  });

  it('falls back to /tmp/.polyaxon when the home is not writable (here: missing)', () => {
    const box = sandbox();
    expect(configFilePaths(box.options({ homeDir: join(box.root, 'missing') })).globalDir).toBe(join(box.fsRoot, 'tmp', '.polyaxon'));
  });

  it('honours POLYAXON_CONTEXT_ROOT for the in-cluster auth file', () => {
    const box = sandbox();
    expect(configFilePaths(box.options({ env: { POLYAXON_CONTEXT_ROOT: '/ctx' } })).contextAuth).toBe('/ctx/.configs/.auth');
  });
});

describe('.client', () => {
  it('writes only set fields, alias keys in upstream order, client_header last', () => {
    expect(formatClientConfig({ verifySsl: false, host: 'http://127.0.0.1:8791', debug: true })).toBe(
      '{"POLYAXON_HOST":"http://127.0.0.1:8791","POLYAXON_DEBUG":true,"POLYAXON_VERIFY_SSL":false,"client_header":{}}',
    );
    expect(formatClientConfig({ host: 'h', timeout: 20, header: 'X-POLYAXON-SERVICE', headerService: 'runner' })).toBe(
      '{"POLYAXON_HOST":"h","POLYAXON_TIMEOUT":20.0,"POLYAXON_HEADER":"X-POLYAXON-SERVICE","POLYAXON_HEADER_SERVICE":"runner","client_header":{"header_name":"X-POLYAXON-SERVICE","header_value":"runner"}}',
    );
  });

  it('reads alias keys and plain field names, parsing like upstream', () => {
    const box = sandbox();
    const paths = configFilePaths(box.options());
    box.write(paths.client, '{"POLYAXON_HOST":"http://a","debug":"yes","POLYAXON_TIMEOUT":"3","watch_interval":7,"client_header":{}}');
    expect(readClientConfigFile(box.options())).toEqual({ host: 'http://a', debug: true, timeout: 3, watchInterval: 7 });
  });

  it('writes mode 0644 normally and 0600 when it holds a token', () => {
    const box = sandbox();
    const path = writeClientConfigFile({ host: 'http://a' }, box.options());
    expect(box.mode(path)).toBe(0o644);
    writeClientConfigFile({ host: 'http://a', token: 't0k' }, box.options());
    expect(box.mode(path)).toBe(0o600);
    expect(readClientConfigFile(box.options())?.token).toBe('t0k');
  });

  it('names the file and key of an invalid value and leaves the file untouched', () => {
    const box = sandbox();
    const path = box.write(configFilePaths(box.options()).client, '{"POLYAXON_DEBUG":"maybe"}');
    expect(() => readClientConfigFile(box.options())).toThrow(`Invalid key "POLYAXON_DEBUG" of ${path}: expected a boolean`);
    expect(box.read(path)).toBe('{"POLYAXON_DEBUG":"maybe"}');
  });

  it('reads the /tmp/.polyaxon copy on request', () => {
    const box = sandbox();
    box.write(configFilePaths(box.options()).tmpClient, '{"POLYAXON_HOST":"http://tmp"}');
    expect(readClientConfigFile(box.options(), { tmp: true })).toEqual({ host: 'http://tmp' });
    expect(readClientConfigFile(box.options())).toBeUndefined();
  });
});

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

describe('.user, .cli, .home', () => {
  it('writes .user in V1User key order', () => {
    const box = sandbox();
    const path = writeUserFile({ kind: 'user', name: 'Golden User', email: 'golden@example.com', username: 'golden-user' }, box.options());
    expect(box.read(path)).toBe('{"username":"golden-user","email":"golden@example.com","name":"Golden User","kind":"user"}');
    writeUserFile({ organization: 'default' }, box.options());
    expect(box.read(path)).toBe('{"organization":"default"}');
  });

  it('round-trips .cli and tells community installations apart', () => {
    const box = sandbox();
    const data = { lastCheck: '2026-11-23T00:30:46.709404+00:00', currentVersion: '2.4.0', installation: { key: 'k', version: '2.4.0', dist: 'ce', mode: 'sandbox' }, compatibility: {}, logHandler: {} };
    const path = writeCliConfigFile(data, box.options());
    expect(box.read(path)).toBe(
      '{"last_check":"2026-11-23T00:30:46.709404+00:00","current_version":"2.4.0","installation":{"key":"k","version":"2.4.0","dist":"ce","mode":"sandbox"},"compatibility":{},"log_handler":{}}',
    );
    expect(readCliConfigFile(box.options())).toEqual(data);
    expect(isCommunity(data)).toBe(true);
    expect(isCommunity(undefined)).toBe(true);
    expect(isCommunity({ installation: { dist: 'ee' } })).toBe(false);
  });

  it('writes .home as YAML in the real home even when POLYAXON_HOME is set', () => {
    const box = sandbox();
    const path = writeHomeFile('/srv/plx', box.options({ env: { POLYAXON_HOME: '/elsewhere' } }));
    expect(path).toBe(join(box.home, '.polyaxon', '.home'));
    expect(box.read(path)).toBe('POLYAXON_HOME: /srv/plx\n');
    expect(readHomeFile(box.options())).toBe('/srv/plx');
  });
});

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

describe('updateClientConfigFile', () => {
  it('patches the stored config like `config set` (null removes a field)', () => {
    const box = sandbox();
    const o = box.options();
    writeClientConfigFile({ host: 'http://127.0.0.1:8791' }, o);
    updateClientConfigFile({ verifySsl: false, debug: true }, o);
    expect(box.read(configFilePaths(o).client)).toBe(
      '{"POLYAXON_HOST":"http://127.0.0.1:8791","POLYAXON_DEBUG":true,"POLYAXON_VERIFY_SSL":false,"client_header":{}}',
    );
    expect(updateClientConfigFile({ debug: null }, o)).toEqual({ host: 'http://127.0.0.1:8791', verifySsl: false });
  });
});

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

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from './sandbox';
import { isCommunity, readCliConfigFile, readHomeFile, writeCliConfigFile, writeHomeFile, writeUserFile } from '../src/index';

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

describe('.cli and .home writers validate their input', () => {
  it('refuses wrong types', () => {
    const box = sandbox();
    expect(() => writeHomeFile('', box.options())).toThrow('Invalid home path');
    expect(() => writeHomeFile(5 as unknown as string, box.options())).toThrow('Invalid home path');
    expect(() => writeCliConfigFile({ installation: 'ce' } as unknown as object, box.options())).toThrow('Invalid option `installation`');
    expect(() => writeCliConfigFile({ currentVersion: 2 } as unknown as object, box.options())).toThrow('Invalid option `currentVersion`');
  });
});

import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { formatClientConfig, formatUser, readClientConfigFile, writeAuthFile, writeClientConfigFile, updateClientConfigFile, type ClientConfigData } from './index';
import { configFilePaths } from './config-paths';

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

describe('writers validate what they write', () => {
  it('normalizes lax values and refuses wrong types, without touching the file', () => {
    expect(formatClientConfig({ debug: 'yes', timeout: '3' } as unknown as ClientConfigData)).toBe('{"POLYAXON_DEBUG":true,"POLYAXON_TIMEOUT":3.0,"client_header":{}}');
    expect(() => formatClientConfig({ host: 5 } as unknown as ClientConfigData)).toThrow('Invalid option `host`: expected a string');
    expect(() => formatClientConfig({ token: 42 } as unknown as ClientConfigData)).toThrow('<redacted>');
  });

  it('refuses a non-string token in .auth without showing it', () => {
    const box = sandbox();
    expect(() => writeAuthFile({ token: 987654 } as unknown as { token: string }, box.options())).toThrow('Invalid option `token`');
    expect(() => writeAuthFile({ token: 987654 } as unknown as { token: string }, box.options())).not.toThrow('987654');
    expect(() => formatUser({ theme: 'dark' } as unknown as { theme: number })).toThrow('Invalid option `theme`');
  });
});

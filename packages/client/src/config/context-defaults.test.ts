import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContextError } from '@px/context';
import { afterEach, describe, expect, it } from 'vitest';
import { loadClientDefaults } from './context-defaults';

const dirs: string[] = [];
function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'px-client-defaults-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadClientDefaults', () => {
  it('takes API version, retries, pool size and in-cluster from the resolved context', () => {
    const env = {
      POLYAXON_API_VERSION: 'v2',
      POLYAXON_RETRIES: '5',
      POLYAXON_CONNECTION_POOL_MAXSIZE: '7',
      POLYAXON_K8S_IN_CLUSTER: 'yes',
      POLYAXON_ASSERT_HOSTNAME: 'false',
    };
    const { config } = loadClientDefaults({ env, homeDir: home(), cwd: home(), fsRoot: home() }, {}, undefined);
    expect(config).toMatchObject({ version: 'v2', retries: 5, connectionPoolMaxsize: 7, inCluster: true, assertHostname: false });
  });

  it('uses upstream defaults when nothing is set', () => {
    const { config } = loadClientDefaults({ env: {}, homeDir: home(), cwd: home(), fsRoot: home() }, {}, undefined);
    expect(config).toMatchObject({ version: 'v1', retries: 3, connectionPoolMaxsize: 10, inCluster: false, host: 'http://localhost:8000' });
  });

  it('reads the values the Python CLI stored in ~/.polyaxon/.client', () => {
    const dir = home();
    mkdirSync(join(dir, '.polyaxon'));
    writeFileSync(join(dir, '.polyaxon', '.client'), JSON.stringify({ POLYAXON_HOST: 'http://10.0.0.9:8000', POLYAXON_RETRIES: 1 }));
    const { config } = loadClientDefaults({ env: {}, homeDir: dir, cwd: home(), fsRoot: home() }, {}, undefined);
    expect(config).toMatchObject({ host: 'http://10.0.0.9:8000', retries: 1 });
  });

  it('rejects an invalid value with a ContextError naming the variable', () => {
    expect(() => loadClientDefaults({ env: { POLYAXON_RETRIES: 'many' }, homeDir: home(), cwd: home(), fsRoot: home() }, {}, undefined)).toThrow(
      ContextError,
    );
    expect(() => loadClientDefaults({ env: { POLYAXON_RETRIES: 'many' }, homeDir: home(), cwd: home(), fsRoot: home() }, {}, undefined)).toThrow(
      /POLYAXON_RETRIES/,
    );
  });
});

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { px, requireBuild, sandbox, type Sandbox } from './helpers';

let server: ApiServer;
let sb: Sandbox;
beforeAll(async () => {
  requireBuild();
  server = await startApiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  sb = sandbox();
});
afterEach(() => sb.cleanup());

describe('px config', () => {
  it('shows every value with its source on a fresh machine', async () => {
    const result = await px(sb, ['config', 'show', '-o', 'json']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.context.host).toEqual({ value: 'http://localhost:8000', source: 'default', origin: '' });
    expect(data.cli).toBeNull();
    const text = await px(sb, ['config', 'show']);
    expect(text.stdout).toContain('http://localhost:8000');
    expect(text.stdout).toContain('This cli is not configured.');
    const env = await px(sb, ['config', 'show', '-o', 'json'], { env: { POLYAXON_HOST: 'http://env-host:1' } });
    expect(JSON.parse(env.stdout).context.host).toEqual({ value: 'http://env-host:1', source: 'env', origin: 'POLYAXON_HOST' });
  });

  it('set --host writes .client like the Python CLI and caches the installation in .cli', async () => {
    const result = await px(sb, ['config', 'set', `--host=${server.url}`]);
    expect(result).toMatchObject({ code: 0, stdout: 'Config was updated.\n' });
    expect(readFileSync(sb.config('.client'), 'utf8')).toBe(`{"POLYAXON_HOST":"${server.url}","client_header":{}}`);
    const cli = sb.readJson(sb.config('.cli')) as Record<string, unknown>;
    expect(Object.keys(cli)).toEqual(['last_check', 'current_version', 'installation', 'compatibility', 'log_handler']);
    expect(cli.installation).toMatchObject({ dist: 'ce', mode: 'sandbox' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/v1/installation');
    const show = JSON.parse((await px(sb, ['config', 'show', '-o', 'json'])).stdout);
    expect(show.context.host).toMatchObject({ value: server.url, source: 'cli-config', origin: sb.config('.client') });
    expect((await px(sb, ['config', 'show'])).stdout).toMatch(/DIST\s+ce/);
  });

  it('set --host refuses a URL that is not http(s)://host[:port] and saves nothing', async () => {
    await px(sb, ['config', 'set', `--host=${server.url}`]);
    const before = readFileSync(sb.config('.client'), 'utf8');
    for (const [host, reason] of [
      ['ftp://x', 'the scheme `ftp` is not supported; use http:// or https://'],
      ['localhost:8000', 'it has no scheme'],
      ['http://x:70000', 'the port `70000` is not a number between 1 and 65535'],
    ] as const) {
      const result = await px(sb, ['config', 'set', `--host=${host}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Invalid value for '--host': \`${host}\` is not a Polyaxon host URL: ${reason}`);
      expect(readFileSync(sb.config('.client'), 'utf8')).toBe(before);
    }
    expect((await px(sb, ['config', 'show', '-o', 'json'])).code).toBe(0);
  });

  it('set --owner writes .user and drops .cli; --verify-ssl/--debug keep auth with --no-purge', async () => {
    await px(sb, ['config', 'set', `--host=${server.url}`]);
    expect((await px(sb, ['config', 'set', '--owner=acme'])).code).toBe(0);
    expect(existsSync(sb.config('.cli'))).toBe(false);
    expect(readFileSync(sb.config('.user'), 'utf8')).toBe('{"organization":"acme"}');
    expect((await px(sb, ['config', 'set', '--verify-ssl=false', '--debug=true', '--no-purge'])).code).toBe(0);
    expect(readFileSync(sb.config('.client'), 'utf8')).toBe(`{"POLYAXON_HOST":"${server.url}","POLYAXON_DEBUG":true,"POLYAXON_VERIFY_SSL":false,"client_header":{}}`);
    const failing = await px(sb, ['project', 'get', '-p', 'ghost']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/\n\s+at /);
    const bad = await px(sb, ['config', 'set', '--verify-ssl=maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'maybe' is not a valid boolean");
  });

  it('set --home moves the global files (written as YAML in ~/.polyaxon/.home)', async () => {
    const home = join(sb.root, 'plx-home');
    expect((await px(sb, ['config', 'set', `--home=${home}`])).code).toBe(0);
    expect(readFileSync(sb.config('.home'), 'utf8')).toBe(`POLYAXON_HOME: ${home}\n`);
    await px(sb, ['config', 'set', `--host=${server.url}`]);
    expect(existsSync(join(home, '.polyaxon', '.client'))).toBe(true);
    const get = await px(sb, ['config', 'get', 'host', 'home', 'nope']);
    expect(get.stdout).toContain(server.url);
    expect(get.stdout).toContain(home);
    expect(get.stdout).toContain('The following keys `nope` were not found in any configuration.');
  });

  it('never prints the token (config get / show)', async () => {
    const env = { POLYAXON_AUTH_TOKEN: 'very-secret-token-42' };
    const get = await px(sb, ['config', 'get', 'token', 'host'], { env });
    expect(get.code).toBe(0);
    expect(get.stdout).toContain('<redacted>');
    for (const args of [['config', 'get', 'token'], ['config', 'show'], ['config', 'show', '-o', 'json'], ['config', 'show', '-o', 'yaml']]) {
      const result = await px(sb, args, { env });
      expect(result.stdout + result.stderr).not.toContain('very-secret-token-42');
    }
  });

  it('purge removes the config files (or only the caches)', async () => {
    await px(sb, ['config', 'set', `--host=${server.url}`]);
    const result = await px(sb, ['config', 'purge']);
    expect(result).toMatchObject({ code: 0, stdout: 'Configs was removed.\n' });
    expect(existsSync(sb.config('.client'))).toBe(false);
    expect(existsSync(sb.config('.cli'))).toBe(false);
    expect((await px(sb, ['config', 'purge', '--cache-only'])).code).toBe(0);
  });

  it('warns but succeeds when the new host cannot be reached', async () => {
    const result = await px(sb, ['config', 'set', '--host=http://127.0.0.1:9']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Could not connect to remote server');
    expect(statSync(sb.config('.client')).isFile()).toBe(true);
  });
});

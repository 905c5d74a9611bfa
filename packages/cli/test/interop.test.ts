import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath, requireShared, startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { px, requireBuild, sandbox, type Sandbox } from './helpers';

// Interop with the Python CLI through the same config files: the golden files
// were written by `polyaxon` 2.4.0 (config set, login, init, run).
const GOLDEN_HOST = 'http://127.0.0.1:8791';
const GOLDEN_TOKEN = 'dummy-golden-token';

describe.runIf(requireShared('cli interop with the Python CLI config files'))('interop with the Python CLI', () => {
  let server: ApiServer;
  let sb: Sandbox;
  beforeAll(async () => {
    requireBuild();
    server = await startApiServer({ requireToken: GOLDEN_TOKEN });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.state.clear();
    sb = sandbox();
  });
  afterEach(() => sb.cleanup());

  function golden(...segments: string[]): string {
    return corpusPath('golden', 'cli-config', ...segments);
  }

  /** Copies a golden folder into the sandbox, replacing `<HOME>` and pointing the host at the test server. */
  function install(from: string, to: string): void {
    cpSync(from, to, { recursive: true });
    for (const file of ['.polyaxon/.home', 'plx-home/.polyaxon/.client', '.polyaxon/.client']) {
      const path = join(to, file);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      writeFileSync(path, text.replaceAll('<HOME>', sb.home).replaceAll(GOLDEN_HOST, server.url));
    }
  }

  it('after the Python CLI set a home, a host and logged in, px uses the same host and token', async () => {
    install(golden('files-home-scenario', 'home'), sb.home);
    const who = await px(sb, ['whoami', '-o', 'json']);
    expect(who.code).toBe(0);
    expect(server.requests.at(-1)?.authorization).toBe(`Token ${GOLDEN_TOKEN}`);

    const show = await px(sb, ['config', 'show', '-o', 'json']);
    expect(show.code).toBe(0);
    expect(show.stdout).not.toContain(GOLDEN_TOKEN);
    const data = JSON.parse(show.stdout);
    const clientFile = join(sb.home, 'plx-home', '.polyaxon', '.client');
    expect(data.home).toBe(join(sb.home, 'plx-home'));
    expect(data.context.host).toEqual({ value: server.url, source: 'cli-config', origin: clientFile });
    expect(data.context.token.source).toBe('cli-config');
    expect(data.context.token.value).not.toBe('');
    expect(data.context.verifySsl).toMatchObject({ value: 'false', source: 'cli-config' });
    expect(data.user).toMatchObject({ username: 'golden-user', email: 'golden@example.com' });
    const text = await px(sb, ['config', 'show']);
    expect(text.stdout).not.toContain(GOLDEN_TOKEN);
    expect(text.stdout).toMatch(/USERNAME\s+golden-user/);
  });

  it('after the Python CLI ran `init` and `run`, px ops get/statuses use the cached project and run', async () => {
    install(golden('files', 'home'), sb.home);
    mkdirSync(sb.cwd, { recursive: true });
    cpSync(golden('files', 'cwd', '.polyaxon'), join(sb.cwd, '.polyaxon'), { recursive: true });
    server.state.addProject({ name: 'golden-cli' });
    server.state.addRun({ project: 'golden-cli', uuid: 'd90edb67fd794fd99989312d3f881ed4', name: 'golden-job', kind: 'job', status: 'queued' });
    const get = await px(sb, ['ops', 'get'], { env: { POLYAXON_AUTH_TOKEN: GOLDEN_TOKEN } });
    expect(get.code).toBe(0);
    expect(server.requests.at(-1)?.path).toBe('/api/v1/default/golden-cli/runs/d90edb67fd794fd99989312d3f881ed4');
    expect(get.stdout).toMatch(/NAME\s+golden-job/);
    const statuses = await px(sb, ['ops', 'statuses'], { env: { POLYAXON_AUTH_TOKEN: GOLDEN_TOKEN } });
    expect(statuses.stdout.split('\n')[0]).toBe('Latest status: queued');
  });

  it('px writes .client, .cli, .auth and .project exactly in the Python CLI formats', async () => {
    const set = await px(sb, ['config', 'set', `--host=${server.url}`], { env: { POLYAXON_AUTH_TOKEN: GOLDEN_TOKEN } });
    expect(set.code).toBe(0);
    const goldenClient = readFileSync(golden('files', 'home', '.polyaxon', '.client'), 'utf8').replace(GOLDEN_HOST, server.url);
    expect(readFileSync(sb.config('.client'), 'utf8')).toBe(goldenClient);
    const goldenCli = JSON.parse(readFileSync(golden('files', 'home', '.polyaxon', '.cli'), 'utf8')) as Record<string, unknown>;
    const cli = sb.readJson(sb.config('.cli')) as Record<string, unknown>;
    expect(Object.keys(cli)).toEqual(Object.keys(goldenCli));
    expect(Object.keys(cli.installation as object)).toEqual(Object.keys(goldenCli.installation as object));

    writeFileSync(sb.config('.cli'), '{}');
    const login = await px(sb, ['login', '-t', GOLDEN_TOKEN]);
    expect(login.code).toBe(0);
    const goldenAuth = JSON.parse(readFileSync(golden('files-home-scenario', 'home', 'plx-home', '.polyaxon', '.auth'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(sb.readJson(sb.config('.auth')) as object)).toEqual(Object.keys(goldenAuth));

    const create = await px(sb, ['project', 'create', '--name=golden-cli', '--description=created by the golden CLI session', '--tags=golden,cli']);
    expect(create.code).toBe(0);
    const goldenProject = JSON.parse(readFileSync(golden('files', 'home', '.polyaxon', '.project'), 'utf8')) as Record<string, unknown>;
    const project = sb.readJson(sb.config('.project')) as Record<string, unknown>;
    expect(Object.keys(project).slice(0, Object.keys(goldenProject).length)).toEqual(Object.keys(goldenProject));
    expect(project).toMatchObject({ owner: 'default', name: 'golden-cli', description: 'created by the golden CLI session', tags: ['golden', 'cli'] });
  });

  it('pushes an offline run written by the Python tracking client', async () => {
    const uuid = 'db6ad090afb5418c85e8d8b0c8c0fc42';
    cpSync(corpusPath('golden', 'run-artifacts', 'offline', 'runs', uuid), join(sb.offlineRoot, 'runs', uuid), { recursive: true });
    server.state.addProject({ name: 'golden-tracking' });
    const ls = await px(sb, ['ops', 'ls', '--offline']);
    expect(ls.stdout).toContain('offline-run');
    const push = await px(sb, ['ops', 'push', '--uid', uuid], { env: { POLYAXON_HOST: server.url, POLYAXON_AUTH_TOKEN: GOLDEN_TOKEN } });
    expect(push.code).toBe(0);
    const sync = server.requests.find((r) => r.path === '/api/v1/default/golden-tracking/runs/sync');
    expect(sync?.body).toMatchObject({ uuid, name: 'offline-run', status: 'succeeded', inputs: { lr: 0.001, epochs: 5 } });
    expect(server.state.getRun('default', 'golden-tracking', uuid)).toMatchObject({ name: 'offline-run' });
    expect(readFileSync(join(server.artifactsDir, uuid, 'outputs', 'model.txt'), 'utf8')).toBe(
      readFileSync(corpusPath('golden', 'run-artifacts', 'offline', 'runs', uuid, 'outputs', 'model.txt'), 'utf8'),
    );
  });
});

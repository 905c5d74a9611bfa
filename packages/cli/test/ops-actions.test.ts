import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiServer } from '@px/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import { px, type Sandbox, useApiServer } from './helpers';

let server: ApiServer;
let sb: Sandbox;
useApiServer([{ name: 'demo' }, { name: 'target' }], (s, b) => {
  server = s;
  sb = b;
});
beforeEach(async () => {
  expect((await px(sb, ['init', '-p', 'demo', '--yes'])).code).toBe(0);
});

function seedRun(extra: Record<string, unknown> = {}): string {
  return server.state.addRun({ project: 'demo', name: 'seeded', kind: 'job', ...extra }).uuid;
}

describe('px ops skip / invalidate / transfer', () => {
  it('skips a run after confirming, and keeps it when declined', async () => {
    const uuid = seedRun();
    const declined = await px(sb, ['ops', 'skip', '--uid', uuid], { input: 'n\n' });
    expect(declined).toMatchObject({ code: 0, stdout: expect.stringContaining('Exiting without skipping run.') });
    expect(server.state.getRun('default', 'demo', uuid)?.status).toBe('created');
    const skipped = await px(sb, ['ops', 'skip', '--uid', uuid, '-y']);
    expect(skipped).toMatchObject({ code: 0, stdout: `Run \`${uuid}\` is skipped.\n` });
    expect(server.state.getRun('default', 'demo', uuid)?.status).toBe('skipped');
    const missing = await px(sb, ['ops', 'skip', '--uid', 'e'.repeat(32), '-y']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('404');
  });

  it('invalidates a run; an unknown run is a 404 error (exit 1)', async () => {
    const uuid = seedRun({ status: 'succeeded' });
    expect(await px(sb, ['ops', 'invalidate', '--uid', uuid])).toMatchObject({ code: 0, stdout: `Run \`${uuid}\` was invalidated\n` });
    expect(server.requests.some((r) => r.method === 'POST' && r.path === `/api/v1/default/demo/runs/${uuid}/invalidate`)).toBe(true);
    const missing = await px(sb, ['ops', 'invalidate', '--uid', 'f'.repeat(32)]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('404');
  });

  it('transfers a run with -to; a missing project is the server’s 400, a missing -to a usage error', async () => {
    const uuid = seedRun();
    expect(await px(sb, ['ops', 'transfer', '--uid', uuid, '-to', 'target'])).toMatchObject({ code: 0, stdout: `Run \`${uuid}\` was transferred.\n` });
    expect(server.state.getRun('default', 'target', uuid)).toBeDefined();
    const again = seedRun();
    const refused = await px(sb, ['ops', 'transfer', '--uid', again, '--to-project=nowhere']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The destination project `nowhere` does not exist.');
    const usage = await px(sb, ['ops', 'transfer', '--uid', again]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Missing option '-to' / '--to-project'");
  });
});

describe('px ops inspect', () => {
  it('prints the Kubernetes details as JSON, asking with the run status', async () => {
    const uuid = seedRun({ status: 'running', k8s_inspect: { pods: [{ name: 'plx-operation-x', phase: 'Running' }] } });
    const result = await px(sb, ['ops', 'inspect', '--uid', uuid]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ pods: [{ name: 'plx-operation-x', phase: 'Running' }] });
    const sent = server.requests.find((r) => r.path === `/streams/v1/polyaxon/default/demo/runs/${uuid}/k8s_inspect`);
    expect(sent?.queryParam('status')).toBe('running');
  });

  it('reports the server error of a cluster without kube config (api-samples 137)', async () => {
    const uuid = seedRun({ status: 'succeeded' });
    const result = await px(sb, ['ops', 'inspect', '--uid', uuid]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('500');
  });
});

describe('px ops service', () => {
  it('prints the dashboard and external urls of a running service with --url', async () => {
    const uuid = seedRun({ kind: 'service', status: 'running' });
    const result = await px(sb, ['ops', 'service', '--uid', uuid, '--url']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `The service will be available at: ${server.url}/ui/default/demo/runs/${uuid}/service/\n` +
        `You can also view it in an external link at: ${server.url}/services/v1/polyaxon/default/demo/runs/${uuid}/80/\n`,
    );
  });

  it('prints the external url with --external when stdout is not a terminal', async () => {
    const uuid = seedRun({ kind: 'service', status: 'running', meta_info: { is_external: true } });
    const result = await px(sb, ['ops', 'service', '--uid', uuid, '--external', '-y']);
    expect(result).toMatchObject({ code: 0, stdout: `The service is available at: ${server.url}/external/v1/polyaxon/default/demo/runs/${uuid}/80/\n` });
  });

  it('refuses runs that are not services, and stops at a final status', async () => {
    const job = seedRun({ status: 'running' });
    const refused = await px(sb, ['ops', 'service', '--uid', job, '--url']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Command expected an operation of kind `service` received kind: `job`!');
    const done = seedRun({ kind: 'service', status: 'stopped' });
    expect(await px(sb, ['ops', 'service', '--uid', done, '--url'])).toMatchObject({ code: 0, stdout: 'The operation has reached a final status: stopped.\n' });
  });
});

describe('commands px leaves to the Python CLI', () => {
  it.each([
    [['ops', 'shell', '--uid', 'abc', '-cmd', 'bash'], 'polyaxon ops shell --uid abc -cmd bash'],
    [['ops', 'exec', '--', 'ls', '-la'], 'polyaxon ops exec -- ls -la'],
    [['admin', 'deploy', '-f', 'config.yaml'], 'polyaxon admin deploy -f config.yaml'],
    [['sandbox', 'ping'], 'polyaxon sandbox ping'],
    [['port-forward', '--port', '8000'], 'polyaxon port-forward --port 8000'],
    [['ssh', 'connect', '--uid', 'abc'], 'polyaxon ssh connect --uid abc'],
  ])('px %j names the upstream command and exits 2', async (args, upstream) => {
    const result = await px(sb, args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Use the Python CLI instead (pip install polyaxon): ${upstream}`);
    expect(result.stderr).not.toContain('No such command');
  });
});

describe('offline options: --path-from, ops update/dashboard --offline', () => {
  const uuid = 'c'.repeat(32);
  let root: string;
  beforeEach(() => {
    root = join(sb.root, 'elsewhere');
    mkdirSync(join(root, 'runs', uuid), { recursive: true });
    writeFileSync(
      join(root, 'runs', uuid, 'run.plx.json'),
      JSON.stringify({ uuid, name: 'offline-run', owner: 'acme', project: 'mnist', status: 'succeeded', kind: 'job', created_at: '2026-11-23T00:32:41+00:00' }),
    );
  });

  it('reads runs from --path-from in ops ls, get and statuses, and deletes there', async () => {
    expect((await px(sb, ['ops', 'ls', '--offline', '--path-from', root, '-o', 'json'])).stdout).toContain('offline-run');
    expect((await px(sb, ['ops', 'get', '--offline', '--path-from', root, '--uid', uuid])).stdout).toMatch(/NAME\s+offline-run/);
    expect((await px(sb, ['ops', 'statuses', '--offline', '--path-from', root, '--uid', uuid])).stdout).toContain('Latest status: succeeded');
    const logs = await px(sb, ['ops', 'logs', '--offline', '--path-from', root, '--uid', uuid]);
    expect(logs).toMatchObject({ code: 0, stderr: expect.stringContaining('has no logs') });
    expect((await px(sb, ['ops', 'delete', '--offline', '--path-from', root, '--uid', uuid, '-y'])).code).toBe(0);
    expect((await px(sb, ['ops', 'get', '--offline', '--path-from', root, '--uid', uuid])).code).toBe(1);
  });

  it('updates an offline run in place', async () => {
    const result = await px(sb, ['ops', 'update', '--offline', '--path', root, '--uid', uuid, '--description', 'tuned', '--tags', 'a,b']);
    expect(result).toMatchObject({ code: 0, stdout: `Run \`${uuid}\` was updated.\n` });
    expect(JSON.parse(readFileSync(join(root, 'runs', uuid, 'run.plx.json'), 'utf8'))).toMatchObject({ name: 'offline-run', description: 'tuned', tags: ['a', 'b'] });
    expect(server.requests.some((r) => r.method === 'PATCH')).toBe(false);
    const missing = await px(sb, ['ops', 'update', '--offline', '--path', root, '--uid', 'd'.repeat(32), '--name', 'x']);
    expect(missing.code).toBe(1);
  });

  it('prints the dashboard url of an offline run from its own owner and project', async () => {
    const result = await px(sb, ['ops', 'dashboard', '--offline', '--path-from', root, '--uid', uuid, '--url']);
    expect(result).toMatchObject({ code: 0, stdout: `The run dashboard is available at: ${server.url}/ui/acme/mnist/runs/${uuid}/\n` });
    const missing = await px(sb, ['ops', 'dashboard', '--offline', '--path-from', root, '--uid', 'd'.repeat(32), '--url']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No offline run \`${'d'.repeat(32)}\``);
  });
});

describe('-o on config get and ops logs', () => {
  it('prints config values as JSON or YAML, missing keys on stderr', async () => {
    const json = await px(sb, ['config', 'get', 'host', 'nope', '-o', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ host: server.url });
    expect(json.stderr).toContain('`nope` were not found');
    expect((await px(sb, ['config', 'get', 'host', '-o', 'yaml'])).stdout).toBe(`host: ${server.url}\n`);
    expect((await px(sb, ['config', 'get', 'host', '-o', 'xml'])).code).toBe(2);
  });

  it('prints logs as JSON lines', async () => {
    const uuid = seedRun({ status: 'succeeded' });
    server.state.addLogs(server.state.getRun('default', 'demo', uuid)!, [
      { timestamp: '2026-12-07T10:00:00+00:00', node: 'n1', pod: 'p1', container: 'main', value: 'epoch 1' },
      { timestamp: '2026-12-07T10:00:01+00:00', node: 'n1', pod: 'p1', container: 'main', value: 'epoch 2' },
    ]);
    const result = await px(sb, ['ops', 'logs', '--uid', uuid, '-o', 'json']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { value: string });
    expect(lines.map((l) => l.value)).toEqual(['epoch 1', 'epoch 2']);
    expect((await px(sb, ['ops', 'logs', '--uid', uuid, '-o', 'yaml'])).code).toBe(2);
  });
});

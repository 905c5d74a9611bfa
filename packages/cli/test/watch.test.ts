import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiServer } from '@px/testkit';
import { describe, expect, it } from 'vitest';
import { FIXTURES, px, type Sandbox, useApiServer } from './helpers';

let server: ApiServer;
let sb: Sandbox;
useApiServer([{ name: 'demo' }], (s, b) => {
  server = s;
  sb = b;
});

/** Resolves once the server has seen a request matching `test` (no timing assumptions). */
async function seen(test: (path: string) => boolean, from: number): Promise<void> {
  while (!server.requests.slice(from).some((r) => test(r.path))) await new Promise((r) => setTimeout(r, 20));
}

describe('watching runs', () => {
  it('ops statuses --watch prints new conditions until the run is done', async () => {
    const run = server.state.addRun({ project: 'demo', name: 'w', kind: 'job', status: 'running' });
    const from = server.requests.length;
    const pending = px(sb, ['ops', 'statuses', '-p', 'demo', '--uid', run.uuid, '--watch']);
    await seen((p) => p.endsWith('/statuses'), from);
    server.state.setStatus(run, { type: 'succeeded', reason: 'Test' });
    const result = await pending;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^running\s/m);
    expect(result.stdout).toMatch(/^succeeded\s/m);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Latest status: succeeded');
  });

  it('ops logs follows the logs until the run is done', async () => {
    const run = server.state.addRun({ project: 'demo', name: 'l', kind: 'job', status: 'running' });
    server.state.addLogs(run, ['epoch 1']);
    const from = server.requests.length;
    const pending = px(sb, ['ops', 'logs', '-p', 'demo', '--uid', run.uuid, '-a']);
    await seen((p) => p.endsWith('/logs'), from);
    server.state.addLogs(run, ['epoch 2']);
    server.state.setStatus(run, { type: 'succeeded', reason: 'Test' });
    const result = await pending;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('epoch 1');
    expect(result.stdout).toContain('epoch 2');
  });

  it('run -w creates the run and watches it', async () => {
    const from = server.requests.length;
    const pending = px(sb, ['run', '-p', 'demo', '-f', join(FIXTURES, 'job.yaml'), '-w']);
    await seen((p) => p.endsWith('/statuses'), from);
    const run = server.state.listRuns('default', 'demo')[0]!;
    server.state.setStatus(run, { type: 'succeeded', reason: 'Test' }, true);
    const result = await pending;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A new run was created');
    expect(result.stdout).toContain('Latest status: succeeded');
  });
});

describe('run -l', () => {
  it('creates the run and streams its logs until it is done', async () => {
    const from = server.requests.length;
    const pending = px(sb, ['run', '-p', 'demo', '-f', join(FIXTURES, 'job.yaml'), '-l', '-u-to', 'code']);
    await seen((p) => p.endsWith('/logs'), from);
    const run = server.state.listRuns('default', 'demo')[0]!;
    server.state.addLogs(run, ['hello from golden job']);
    server.state.setStatus(run, { type: 'succeeded', reason: 'Test' }, true);
    const result = await pending;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('hello from golden job');
    expect(server.requests.findLast((r) => r.method === 'POST' && r.path === '/api/v1/default/demo/runs')?.body).toMatchObject({ meta_info: { upload_artifacts: 'code' } });
  });
});

describe('other commands against a server', () => {
  it('version --check and dashboard --url use the configured host', async () => {
    const version = await px(sb, ['version', '--check']);
    expect(version.code).toBe(0);
    expect(version.stdout).toContain(`Platform: 2.4.0 (ce) at ${server.url}`);
    expect((await px(sb, ['dashboard', '--url'])).stdout).toBe(`The dashboard is available at: ${server.url}/ui/\n`);
  });

  it('writes compact JSON with -o path=<file>', async () => {
    const result = await px(sb, ['project', 'get', '-p', 'demo', '-o', 'path=data']);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(sb.cwd, 'data'), 'utf8'))).toMatchObject({ name: 'demo' });
  });

  it('a failed password login leaves no credentials behind', async () => {
    const result = await px(sb, ['login', '-u', 'alice', '-p', 'hunter2-password']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not login.');
    expect(result.stderr).not.toContain('hunter2-password');
  });
});

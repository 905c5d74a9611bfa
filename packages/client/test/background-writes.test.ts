import { startApiServer, type ApiServer } from '@px/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, BackgroundWriteError, RunClient, type BackgroundFailure } from '../src/index';
import { isolatedClient } from './helpers/isolated';

let server: ApiServer;
beforeEach(async () => {
  server = await startApiServer();
  server.state.addProject({ name: 'bg' });
});
afterEach(async () => {
  await server.close();
});

async function newRun(options: Parameters<typeof isolatedClient>[1] = {}) {
  const client = isolatedClient({ host: server.url, retries: 3 }, options);
  const run = new RunClient({ project: 'bg', client });
  await run.create({ name: 'r' });
  return { client, run };
}

describe('fire-and-forget writes', () => {
  it('return at once, run in call order, and are awaited by flush()', async () => {
    const { client, run } = await newRun();
    run.logStatus('running');
    run.logInputs({ a: 1 });
    run.logOutputs({ b: 2 });
    run.logTags(['x']);
    run.logMeta({ m: true });
    run.setName('renamed');
    run.logArtifactLineage({ name: 'l1', kind: 'file', path: 'outputs/f', is_input: false });
    expect(client.pendingWrites).toBeGreaterThan(0);
    await run.flush();
    expect(client.pendingWrites).toBe(0);
    const writes = server.requests.slice(1).map((r) => `${r.method} ${r.path.split('/').slice(-2).join('/')}`);
    expect(writes).toEqual([
      expect.stringMatching(/^POST .*\/statuses$/),
      expect.stringMatching(/^PATCH /),
      expect.stringMatching(/^PATCH /),
      expect.stringMatching(/^PATCH /),
      expect.stringMatching(/^PATCH /),
      expect.stringMatching(/^PATCH /),
      'POST lineage/artifacts',
    ]);
    const stored = await run.refresh();
    expect(stored).toMatchObject({ status: 'running', inputs: { a: 1 }, outputs: { b: 2 }, name: 'renamed' });
    await client.close();
  });

  it('retries transient failures (503 with Retry-After, dropped connections)', async () => {
    const { client, run } = await newRun();
    server.faults.set({ path: '/statuses', method: 'POST', kind: 'status', status: 503, retryAfter: 0 });
    server.faults.set({ path: /\/runs\/[0-9a-f]{32}$/, method: 'PATCH', kind: 'drop' });
    run.logStatus('running');
    run.logInputs({ lr: 0.1 });
    await run.flush();
    expect(server.faults.triggered).toBe(2);
    expect(await run.refresh()).toMatchObject({ status: 'running', inputs: { lr: 0.1 } });
    await client.close();
  });

  it('reports a failure once to onError and keeps going', async () => {
    const failures: BackgroundFailure[] = [];
    const { client, run } = await newRun({ onError: (f) => failures.push(f) });
    server.faults.set({ path: '/statuses', method: 'POST', kind: 'status', status: 400 });
    run.logStatus('running');
    run.logInputs({ ok: 1 });
    await run.flush();
    expect(failures).toHaveLength(1);
    expect(failures[0]!.operation).toBe('logStatus');
    expect(failures[0]!.runUuid).toBe(run.runUuid);
    expect(ApiError.isInstance(failures[0]!.error)).toBe(true);
    expect(await run.refresh()).toMatchObject({ inputs: { ok: 1 } });
    await client.close();
  });

  it('without onError, flush() throws the failures once and warns once', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const { client, run } = await newRun();
    server.faults.set({ path: '/runs/', method: 'PATCH', kind: 'status', status: 400, times: 2 });
    run.logInputs({ a: 1 });
    run.logOutputs({ b: 1 });
    const error = await run.flush().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundWriteError);
    expect((error as BackgroundWriteError).failures.map((f) => f.operation)).toEqual(['logInputs', 'logOutputs']);
    await expect(run.flush()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/background logInputs failed/);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('secret-token-123');
    warn.mockRestore();
    await client.close();
  });

  it('with retryUntilFlush, a write that fails twice then succeeds lands once, in order, and flush() waits for it', async () => {
    const failures: BackgroundFailure[] = [];
    const client = isolatedClient({ host: server.url, retries: 0 }, { onError: (f) => failures.push(f), retryUntilFlush: true });
    const run = new RunClient({ project: 'bg', client });
    await run.create({ name: 'r' });
    server.faults.set({ path: '/statuses', method: 'POST', kind: 'status', status: 503, times: 2 });
    run.logStatus('running');
    run.logInputs({ lr: 0.1 });
    await run.flush();
    const writes = server.requests.slice(1).map((r) => `${r.method} ${r.path.split('/').at(-1)} ${r.status}`);
    expect(writes).toEqual([`POST statuses 503`, `POST statuses 503`, `POST statuses 201`, `PATCH ${run.runUuid} 200`]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ operation: 'logStatus', retrying: true });
    const stored = server.state.getRun('default', 'bg', run.runUuid!)!;
    expect(stored.status_conditions.filter((c) => c.type === 'running')).toHaveLength(1);
    expect(stored.inputs).toEqual({ lr: 0.1 });
    await client.close();
  });

  it('with retryUntilFlush and no hook, a dropped connection is retried and flush() does not throw once it landed', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const client = isolatedClient({ host: server.url, retries: 0 }, { retryUntilFlush: true });
    const run = new RunClient({ project: 'bg', client });
    await run.create({ name: 'r' });
    server.faults.set({ path: /\/runs\/[0-9a-f]{32}$/, method: 'PATCH', kind: 'drop', times: 2 });
    run.logOutputs({ loss: 0.5 });
    run.logTags(['after']);
    await expect(client.close()).resolves.toBeUndefined();
    expect(server.faults.triggered).toBe(2);
    const stored = server.state.getRun('default', 'bg', run.runUuid!)!;
    expect(stored).toMatchObject({ outputs: { loss: 0.5 }, tags: ['after'] });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('secret-token-123');
    warn.mockRestore();
  });

  it('with retryUntilFlush, flush({ timeoutMs }) returns while the API is down and the write lands later', async () => {
    const client = isolatedClient({ host: server.url, retries: 0 }, { onError: () => undefined, retryUntilFlush: true });
    const run = new RunClient({ project: 'bg', client });
    await run.create({ name: 'r' });
    server.faults.set({ path: '/statuses', method: 'POST', kind: 'status', status: 503, times: Infinity });
    run.logStatus('running');
    const error = await run.flush({ timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundWriteError);
    expect((error as BackgroundWriteError).unsent).toEqual(['logStatus']);
    expect(client.pendingOperations).toEqual(['logStatus']);
    server.faults.clear();
    await run.flush();
    expect(server.state.getRun('default', 'bg', run.runUuid!)!.status).toBe('running');
    await client.close();
  });
});

import { startApiServer, type ApiServer } from '@px/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunClient, type PolyaxonClient } from '../src/index';
import { isolatedClient } from './helpers/isolated';

let server: ApiServer;
let client: PolyaxonClient;
beforeEach(async () => {
  server = await startApiServer();
  server.state.addProject({ name: 'w' });
  client = isolatedClient({ host: server.url, watchInterval: 0.02 });
});
afterEach(async () => {
  await client.close();
  await server.close();
});

function runRecord(uuid: string) {
  return server.state.getRun('default', 'w', uuid)!;
}

describe('watching', () => {
  it('watchStatuses yields each change and ends when the run is done', async () => {
    const run = new RunClient({ project: 'w', client });
    await run.create({ name: 'r' });
    const record = runRecord(run.runUuid!);
    const seen: string[] = [];
    let step = 0;
    const script = ['running', 'succeeded'];
    for await (const update of run.watchStatuses()) {
      seen.push(...update.conditions.map((c) => String(c.type)));
      const next = script[step++];
      if (next !== undefined) server.state.setStatus(record, { type: next });
    }
    expect(seen).toEqual(['created', 'running', 'succeeded']);
    expect(run.status).toBe('succeeded');
  });

  it('waitForCondition returns the status it waited for', async () => {
    const run = new RunClient({ project: 'w', client });
    await run.create({ name: 'r' });
    setTimeout(() => server.state.setStatus(runRecord(run.runUuid!), { type: 'running' }), 50);
    await expect(run.waitForCondition({ statuses: ['running'] })).resolves.toBe('running');
  });

  it('stops on an AbortSignal', async () => {
    const run = new RunClient({ project: 'w', client });
    await run.create({ name: 'r' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    let polls = 0;
    for await (const _ of run.watchStatuses({ signal: controller.signal })) polls++;
    expect(polls).toBe(1);
    const logs: string[] = [];
    const c2 = new AbortController();
    setTimeout(() => c2.abort(), 80);
    for await (const line of run.watchLogs({ signal: c2.signal })) logs.push(line.value ?? '');
    expect(logs).toEqual([]);
  });

  it('watchLogs yields every line and ends after the run is done', async () => {
    const run = new RunClient({ project: 'w', client });
    await run.create({ name: 'r' });
    const record = runRecord(run.runUuid!);
    server.state.setStatus(record, { type: 'running' });
    server.state.addLogs(record, ['one', 'two']);
    const lines: string[] = [];
    for await (const line of run.watchLogs()) {
      lines.push(line.value ?? '');
      if (lines.length === 2) {
        server.state.addLogs(record, ['three']);
        server.state.setStatus(record, { type: 'succeeded' });
      }
    }
    expect(lines).toEqual(['one', 'two', 'three']);
  });
});

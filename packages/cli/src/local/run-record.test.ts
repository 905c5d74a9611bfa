import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolyaxonClient, RunClient } from '@px/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunRecord } from './run-record';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'px-run-record-'));
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T10:00:00.123Z') });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(root, { recursive: true, force: true });
});

const files = (dir: string): string[] => ['run.plx.json', 'lineages.plx.json'].map((f) => readFileSync(join(dir, f), 'utf8'));
const REASON = 'CliProcessExecutor';
const content = { version: 1.1, kind: 'compiled_operation', run: { kind: 'job', container: { image: 'x', command: ['true'] } } };

describe('RunRecord (offline record of a local run)', () => {
  it('writes, status by status, the same bytes as the offline RunClient it replaced', async () => {
    const client = new PolyaxonClient({ config: { isOffline: true, offlineRoot: join(root, 'ref') }, context: { env: {}, homeDir: root, cwd: root } });
    const init = { name: 'train', description: 'd', tags: ['a', ' b', 'a'], kind: 'job', content, inputs: { lr: 0.5, 'a/b': 'x' }, pipeline: { uuid: 'p'.repeat(32), name: 'sweep', kind: 'matrix' } };
    const record = await RunRecord.create({ ...init, offlineRoot: join(root, 'px'), owner: 'acme', project: 'demo', reason: REASON });
    expect(record.path).toBe(join(root, 'px', 'runs', record.uuid));

    // what px wrote before, through RunClient
    const ref = new RunClient({ owner: 'acme', project: 'demo', client, isOffline: true, runUuid: record.uuid });
    await ref.create({ name: init.name, description: init.description, tags: [...init.tags] });
    Object.assign(ref.runData, { kind: 'job', runtime: 'job', is_managed: true, managed_by: 'cli', content: JSON.stringify(content), pipeline: init.pipeline });
    ref.logInputs(init.inputs);
    ref.logStatus('created', { reason: REASON, message: 'Run is created by px run --local' });
    await ref.persistRun();
    expect(files(record.path)).toEqual(files(ref.offlinePath));

    vi.setSystemTime(new Date('2026-12-07T10:00:01.5Z'));
    record.queueStatus('scheduled', 'Operation is pulled by CLI.');
    record.queueStatus('starting');
    expect(files(record.path)[0]).toContain('"status":"created"');
    await record.setStatus('running');
    for (const [status, message] of [['scheduled', 'Operation is pulled by CLI.'], ['starting'], ['running']] as const) ref.logStatus(status, { reason: REASON, ...(message === undefined ? {} : { message }) });
    await ref.persistRun();
    expect(files(record.path)).toEqual(files(ref.offlinePath));
    expect(record.status).toBe('running');
    await record.setStatus('running', 'again');
    ref.logStatus('running', { reason: REASON, message: 'again' });
    await ref.persistRun();
    expect(files(record.path)).toEqual(files(ref.offlinePath));

    // the run's own tracking code writes outputs and lineage into both folders, then the run ends
    for (const dir of [record.path, ref.offlinePath]) {
      const child = await RunClient.loadOfflineRun({ path: dir, client, raiseIfNotFound: true });
      child!.logOutputs({ loss: 0.25 });
      child!.logArtifactLineage({ name: 'model', kind: 'model', path: 'outputs/model.bin', is_input: false });
      await child!.persistRun(dir);
    }
    vi.setSystemTime(new Date('2026-12-07T10:00:03Z'));
    await record.finish('failed', 'exit code 1');
    const loaded = await RunClient.loadOfflineRun({ path: ref.offlinePath, client });
    loaded!.logStatus('failed', { reason: REASON, message: 'exit code 1' });
    await loaded!.persistRun(ref.offlinePath);
    expect(files(record.path)).toEqual(files(ref.offlinePath));
    expect(record.outputs).toEqual({ loss: 0.25 });

    await record.logOutputs({ 'best/run': 'u' });
    loaded!.logOutputs({ 'best/run': 'u' });
    await loaded!.persistRun(ref.offlinePath);
    expect(files(record.path)).toEqual(files(ref.offlinePath));
  });

  it('saves queued statuses before it reads the folder back, and keeps a status the run recorded itself', async () => {
    const record = await RunRecord.create({ offlineRoot: root, owner: 'acme', project: 'demo', name: undefined, kind: 'job', reason: REASON });
    record.queueStatus('scheduled');
    const copy = join(root, 'copy');
    await record.finish('stopped', 'Stopped before the main container started.');
    const statuses = (JSON.parse(files(record.path)[0]!) as { status_conditions: Array<{ type: string }> }).status_conditions.map((c) => c.type);
    expect(statuses).toEqual(['created', 'scheduled', 'stopped']);

    cpSync(record.path, copy, { recursive: true });
    await record.finish('stopped');
    expect(files(record.path)).toEqual(files(copy));
  });
});

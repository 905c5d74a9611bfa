// `px run --local` of sweeps and pipelines with a server configured (no `--offline`): the runs are
// executed here and pushed to the test API server as they go.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiServer } from '@px/testkit';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, px, type Sandbox, useApiServer } from './helpers';
import { writeTrainScript } from './support/train-script';

const LOCAL = join(FIXTURES, 'local');

let server: ApiServer;
let sb: Sandbox;
let first = 0;
useApiServer([{ name: 'lab', owner: 'acme' }], (s, b) => {
  server = s;
  sb = b;
  first = s.requests.length;
  writeTrainScript(sb.root);
});

interface SyncBody {
  uuid: string;
  name: string;
  kind: string;
  status: string;
  managed_by: string;
  pipeline?: { uuid: string; kind: string };
}

const requests = (): ApiServer['requests'] => server.requests.slice(first);
const synced = (): SyncBody[] => requests().filter((r) => r.method === 'POST' && r.path === '/api/v1/acme/lab/runs/sync').map((r) => r.body as unknown as SyncBody);
const postedStatuses = (uuid: string): string[] =>
  requests().filter((r) => r.method === 'POST' && r.path === `/api/v1/acme/lab/runs/${uuid}/statuses`).map((r) => (r.body as { condition: { type: string } }).condition.type);
const offlineRuns = (): string[] => (existsSync(join(sb.offlineRoot, 'runs')) ? readdirSync(join(sb.offlineRoot, 'runs')) : []);
/** Starts px without waiting for it; `onStdout` sees its whole stdout so far at each chunk. */
function startPx(args: readonly string[], onStdout?: (stdout: string, child: ChildProcess) => void): { exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: sb.cwd, env: sb.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    onStdout?.(stdout, child);
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return { exited: new Promise((resolve) => child.on('close', resolve)), stderr: () => stderr };
}

const local = (file: string, ...rest: string[]): string[] => ['run', '-f', file, '--local', '--executor', 'process', '-p', 'acme/lab', ...rest];

describe('px run --local of a sweep with a server configured', () => {
  it('pushes the parent first, then each child as it finishes, with statuses, outputs, logs and pipeline links', async () => {
    const result = await px(sb, local(join(LOCAL, 'sweep.yaml'), '--concurrency', '2'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\[sweep-\d\] trained lr=/);
    const bodies = synced();
    const parent = bodies[0]!;
    expect(parent).toMatchObject({ kind: 'matrix', name: 'sweep', managed_by: 'cli' });
    const children = bodies.slice(1);
    expect(children).toHaveLength(6);
    expect(children.every((c) => c.pipeline?.uuid === parent.uuid && c.pipeline.kind === 'matrix')).toBe(true);
    expect(postedStatuses(parent.uuid)).toEqual(['running', 'succeeded']);
    // the parent's final status comes after the last child reached the server
    const lastChild = requests().findLastIndex((r) => r.path === '/api/v1/acme/lab/runs/sync');
    const final = requests().findIndex((r) => r.method === 'POST' && r.path === `/api/v1/acme/lab/runs/${parent.uuid}/statuses` && (r.body as { condition: { type: string } }).condition.type === 'succeeded');
    expect(final).toBeGreaterThan(lastChild);

    const onServer = server.state.listRuns('acme', 'lab');
    expect(onServer).toHaveLength(7);
    expect(server.state.getRun('acme', 'lab', parent.uuid)).toMatchObject({ kind: 'matrix', status: 'succeeded' });
    const ran = onServer.filter((r) => r.kind === 'job' && r.status === 'succeeded');
    expect(ran.length).toBeGreaterThanOrEqual(2);
    // a child still running when the early-stopping rule is met is stopped, as upstream
    expect(onServer.filter((r) => r.kind === 'job').every((r) => ['succeeded', 'skipped', 'stopped'].includes(r.status))).toBe(true);
    for (const run of ran) {
      expect(run.outputs).toMatchObject({ loss: 0.2, score: run.inputs!.lr });
      expect(existsSync(join(server.artifactsDir, run.uuid, 'events', 'metric', 'loss.plx'))).toBe(true);
      expect(readdirSync(join(server.artifactsDir, run.uuid, 'plxlogs')).length).toBeGreaterThan(0);
    }
    // the best child is the parent's output
    const best = ran.reduce((a, b) => ((a.outputs!.score as number) >= (b.outputs!.score as number) ? a : b));
    expect(server.state.getRun('acme', 'lab', parent.uuid)?.outputs).toMatchObject({ best_run: best.uuid, score: best.outputs!.score });
    // every run reached the server completely: nothing is left in the offline root
    expect(offlineRuns()).toEqual([]);
  });

  it('keeps the runs in the offline root when the server goes away mid-sweep; px ops push -a completes it', async () => {
    writeFileSync(
      join(sb.cwd, 'gate.yaml'),
      'version: 1.1\nkind: operation\nname: gated\nmatrix:\n  kind: mapping\n  values: [{n: 1}, {n: 2}]\ncomponent:\n  inputs: [{name: n, type: int}]\n  run:\n    kind: job\n    container:\n      image: x\n      command: [sh, -c, "while [ ! -f ../go ]; do sleep 0.05; done; echo done {{ n }}"]\n',
    );
    const running = startPx(local('gate.yaml'));
    // once the parent is on the server, the server stops answering pushes
    while (server.state.listRuns('acme', 'lab').length === 0) await new Promise((done) => setTimeout(done, 20));
    server.faults.set({ method: 'POST', path: '/runs/sync', kind: 'drop', times: Number.POSITIVE_INFINITY });
    writeFileSync(join(sb.root, 'go'), '');
    expect(await running.exited).toBe(1);
    const stderr = running.stderr();
    expect(stderr).toContain('Pushing to the server stopped (');
    const parent = server.state.listRuns('acme', 'lab')[0]!;
    expect(parent).toMatchObject({ kind: 'matrix', status: 'running' });
    const children = offlineRuns().filter((uuid) => uuid !== parent.uuid);
    expect(children).toHaveLength(2);
    expect(stderr).toContain(`Not pushed, kept in ${join(sb.offlineRoot, 'runs')}: `);
    for (const uuid of children) expect(stderr).toContain(uuid);
    expect(stderr).toContain(`Already on the server without their final status and outputs: ${parent.uuid}`);
    expect(offlineRuns()).toHaveLength(3);

    // the server is back: what px said completes the upload
    server.faults.clear();
    for (const uuid of children) {
      const pushed = await px(sb, ['ops', 'push', '--uid', uuid]);
      expect(pushed.code, pushed.stderr).toBe(0);
    }
    const runs = server.state.listRuns('acme', 'lab');
    expect(runs.filter((r) => r.kind === 'job').map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(runs.filter((r) => r.kind === 'job').every((r) => r.status_conditions.some((c) => c.reason === 'CliProcessExecutor'))).toBe(true);
  });
});

describe('Ctrl-C during a local sweep with a server configured', () => {
  it('stops the children and pushes them and the parent as stopped', async () => {
    writeFileSync(
      join(sb.cwd, 'slow.yaml'),
      'version: 1.1\nkind: operation\nname: slow\nmatrix:\n  kind: mapping\n  values: [{n: 1}, {n: 2}]\ncomponent:\n  inputs: [{name: n, type: int}]\n  run:\n    kind: job\n    container:\n      image: x\n      command: [node, -e, "console.log(\'ready {{ n }}\'); setTimeout(() => {}, 60000)"]\n',
    );
    const running = startPx(local('slow.yaml'), (stdout, child) => {
      if (stdout.includes('ready 1\n') && !child.killed) child.kill('SIGINT');
    });
    expect(await running.exited).toBe(130);
    const runs = server.state.listRuns('acme', 'lab');
    expect(runs.find((r) => r.kind === 'matrix')?.status).toBe('stopped');
    expect(runs.filter((r) => r.kind === 'job').map((r) => r.status)).toEqual(['stopped', 'stopped']);
    expect(offlineRuns()).toEqual([]);
  });
});

describe('px run --local of a pipeline with a server configured', () => {
  it('pushes the dag and its ops: outputs passed downstream, trigger policies, final statuses', async () => {
    const result = await px(sb, local(join(LOCAL, 'dag.yaml')));
    expect(result.code).toBe(1);
    const bodies = synced();
    expect(bodies[0]).toMatchObject({ kind: 'dag', name: 'pipe', managed_by: 'cli' });
    const parent = bodies[0]!.uuid;
    expect(bodies.slice(1).map((b) => b.pipeline?.uuid)).toEqual(Array(5).fill(parent));
    const byName = new Map(server.state.listRuns('acme', 'lab').map((r) => [r.name, r]));
    expect(byName.get('pipe')).toMatchObject({ kind: 'dag', status: 'failed' });
    expect(byName.get('produce')).toMatchObject({ status: 'succeeded', outputs: { score: 0.25 } });
    expect(byName.get('consume')).toMatchObject({ status: 'succeeded', inputs: { msg: 0.25 } });
    expect(byName.get('broken')?.status).toBe('failed');
    expect(byName.get('after-failure')?.status).toBe('skipped');
    expect(byName.get('other')?.status).toBe('succeeded');
    const logs = await px(sb, ['ops', 'logs', '-p', 'acme/lab', '--uid', byName.get('consume')!.uuid, '-nf', '-h']);
    expect(logs.stdout).toContain('got 0.25');
    expect(offlineRuns()).toEqual([]);
  });

  it('pushes an op whose params could not be resolved as failed, with what it asked for as content', async () => {
    writeFileSync(
      join(sb.cwd, 'missing-output.yaml'),
      'version: 1.1\nkind: component\nname: miss\nrun:\n  kind: dag\n  operations:\n    - {name: produce, dagRef: train, params: {lr: {value: 0.5}}}\n    - {name: consume, dagRef: show, params: {msg: {ref: ops.produce, value: outputs.nope}}}\n  components:\n    - {name: train, inputs: [{name: lr, type: float}], outputs: [{name: nope, type: float, isOptional: true}], run: {kind: job, container: {image: node, command: [node, ../train.mjs, "{{ lr }}"]}}}\n    - {name: show, inputs: [{name: msg, type: float}], run: {kind: job, container: {image: busybox, command: [sh, -c, "echo {{ msg }}"]}}}\n',
    );
    const result = await px(sb, local('missing-output.yaml'));
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('Pushing to the server stopped');
    const consume = server.state.listRuns('acme', 'lab').find((r) => r.name === 'consume');
    expect(consume).toMatchObject({ status: 'failed', managed_by: 'cli' });
    expect(consume?.status_conditions.at(-1)?.message).toContain('ops.produce has no outputs.nope');
    expect(JSON.parse(consume!.content!)).toMatchObject({ kind: 'operation', name: 'consume', params: { msg: { ref: 'ops.produce', value: 'outputs.nope' } } });
    expect(offlineRuns()).toEqual([]);
  });
});

// Early-stopping policies of a local sweep, applied to running children from their metric events.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { px, requireBuild, sandbox, type Sandbox } from './helpers';

const TRACKING = pathToFileURL(fileURLToPath(new URL('../../tracking/dist/index.js', import.meta.url))).href;

interface RunFile {
  uuid: string;
  kind: string;
  status: string;
  inputs?: Record<string, unknown>;
  status_conditions: { type: string; message?: string }[];
}

let sb: Sandbox;
beforeAll(() => requireBuild());
beforeEach(() => {
  sb = sandbox();
  // logs a constant `loss` (its first argument) for 30 steps (or its second argument), 0.1 s apart; a SIGTERM
  // ends it cleanly with exit code 0
  writeFileSync(
    join(sb.root, 'steps.mjs'),
    [
      `import { tracking } from ${JSON.stringify(TRACKING)};`,
      'const loss = Number(process.argv[2]);',
      'await tracking.init({ flushIntervalMs: 50 });',
      "process.on('SIGTERM', async () => { console.log('got SIGTERM'); await tracking.end(); process.exit(0); });",
      'const steps = Number(process.argv[3] ?? 30);',
      'for (let step = 0; step < steps; step++) { tracking.logMetrics({ loss }, { step }); await new Promise((r) => setTimeout(r, 100)); }',
      "console.log('finished');",
      'await tracking.end();',
    ].join('\n'),
  );
});
afterEach(() => sb.cleanup());

const sweep = (policy: string): string =>
  `version: 1.1\nkind: operation\nname: es\nmatrix:\n  kind: mapping\n  concurrency: 3\n  values: [{loss: 0.1}, {loss: 0.5}, {loss: 0.9}]\n  earlyStopping:\n    - kind: metric_early_stopping\n      metric: loss\n      value: 0.0001\n      optimization: minimize\n      policy: ${policy}\ncomponent:\n  inputs: [{name: loss, type: float}]\n  run:\n    kind: job\n    container: {image: node, command: [node, ../steps.mjs, "{{ loss }}"]}\n`;

function runs(): RunFile[] {
  const dir = join(sb.offlineRoot, 'runs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((uuid) => JSON.parse(readFileSync(join(dir, uuid, 'run.plx.json'), 'utf8')) as RunFile);
}

describe('early stopping of a local sweep without a policy (as upstream)', () => {
  it('a metric reaching its value stops the running children too; the sweep succeeds', async () => {
    writeFileSync(
      join(sb.cwd, 'threshold.yaml'),
      'version: 1.1\nkind: operation\nname: th\nmatrix:\n  kind: mapping\n  concurrency: 2\n  values: [{loss: 0.5, steps: 100}, {loss: 0.01, steps: 3}, {loss: 0.2, steps: 3}]\n  earlyStopping:\n    - {kind: metric_early_stopping, metric: loss, value: 0.05, optimization: minimize}\ncomponent:\n  inputs: [{name: loss, type: float}, {name: steps, type: int}]\n  run:\n    kind: job\n    container: {image: node, command: [node, ../steps.mjs, "{{ loss }}", "{{ steps }}"]}\n',
    );
    const result = await px(sb, ['run', '-f', 'threshold.yaml', '--local', '--offline', '-exc', 'process']);
    expect(result.code, result.stderr).toBe(0);
    const byLoss = new Map(runs().filter((r) => r.kind === 'job').map((c) => [c.inputs?.loss, c]));
    expect(byLoss.get(0.01)?.status).toBe('succeeded');
    expect(byLoss.get(0.5)?.status).toBe('stopped');
    expect(byLoss.get(0.5)?.status_conditions.at(-1)?.message).toBe('Early stopping: a run reached loss=0.01 (<= 0.05).');
    expect(byLoss.get(0.2)?.status).toBe('skipped');
    expect(runs().find((r) => r.kind === 'matrix')).toMatchObject({ status: 'succeeded' });
  });

  it('failure early stopping ends the sweep failed', async () => {
    writeFileSync(
      join(sb.cwd, 'failing.yaml'),
      'version: 1.1\nkind: operation\nname: fl\nmatrix:\n  kind: mapping\n  values: [{code: 3}, {code: 0}, {code: 0}]\n  earlyStopping:\n    - {kind: failure_early_stopping, percent: 30}\ncomponent:\n  inputs: [{name: code, type: int}]\n  run:\n    kind: job\n    container: {image: sh, command: [sh, -c, "exit {{ code }}"]}\n',
    );
    const result = await px(sb, ['run', '-f', 'failing.yaml', '--local', '--offline', '-exc', 'process']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Early stopping: 1 of 3 runs failed (>= 30%).');
    expect(runs().filter((r) => r.kind === 'job').map((r) => r.status).sort()).toEqual(['failed', 'skipped', 'skipped']);
    expect(runs().find((r) => r.kind === 'matrix')).toMatchObject({ status: 'failed' });
  });
});

describe('early-stopping policies of a local sweep', () => {
  it('median: the running child worse than the median of the others is stopped, with the policy as reason', async () => {
    writeFileSync(join(sb.cwd, 'median.yaml'), sweep('{kind: median, evaluationInterval: 2, minSamples: 2}'));
    const result = await px(sb, ['run', '-f', 'median.yaml', '--local', '--offline', '-exc', 'process', '-p', 'acme/lab']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Early stopping \(median policy on loss\): best 0\.9 at step \d+ is worse than the median 0\.3 of 2 other runs' running averages\. Stopping run [0-9a-f]{32}\./);
    expect(result.stdout).toContain('got SIGTERM');
    const children = runs().filter((r) => r.kind === 'job');
    const byLoss = new Map(children.map((c) => [c.inputs?.loss, c]));
    expect(byLoss.get(0.9)?.status).toBe('stopped');
    expect(byLoss.get(0.9)?.status_conditions.at(-1)?.message).toMatch(/^Early stopping \(median policy on loss\)/);
    expect(byLoss.get(0.1)?.status).toBe('succeeded');
    expect(byLoss.get(0.5)?.status).toBe('succeeded');
    expect(runs().find((r) => r.kind === 'matrix')?.status).toBe('succeeded');
  });

  it('truncation stops the worst running child; a bad policy is refused before anything runs', async () => {
    writeFileSync(join(sb.cwd, 'diff.yaml'), sweep('{kind: diff, percent: 300, evaluationInterval: 3, minSamples: 2}'));
    const diff = await px(sb, ['run', '-f', 'diff.yaml', '--local', '--offline', '-exc', 'process']);
    expect(diff.code).toBe(1);
    expect(diff.stderr).toContain('matrix.earlyStopping[0].policy: `percent` must be a number in (0, 100]');
    expect(runs()).toEqual([]);

    writeFileSync(join(sb.cwd, 'trunc.yaml'), sweep('{kind: truncation, percent: 34, evaluationInterval: 3, minSamples: 2}'));
    const result = await px(sb, ['run', '-f', 'trunc.yaml', '--local', '--offline', '-exc', 'process']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Early stopping \(truncation policy on loss\): best 0\.9 at step \d+ is in the worst 34% of 3 runs\./);
    const statuses = new Map(runs().filter((r) => r.kind === 'job').map((c) => [c.inputs?.loss, c.status]));
    expect(statuses).toEqual(new Map([[0.1, 'succeeded'], [0.5, 'succeeded'], [0.9, 'stopped']]));
  });
});

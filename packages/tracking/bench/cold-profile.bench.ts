// 100,000 logMetrics calls of 2 metrics from a cold process until end() returns (every event on disk),
// against upstream Python's 12.88 s for the same profile from its first call (golden README; see
// offline-profile.bench.ts). Each sample is a fresh Node process (this file re-run as a child), so JIT
// warm-up and module loading are paid as a user's script pays them. Median of 5.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit, median } from '@px/testkit/bench';
import { Run } from '@px/tracking';

const CALLS = 100_000;
const UPSTREAM_MS = 12_880;
const SAMPLES = 5;

if (process.env.PX_COLD_CHILD === '1') {
  const root = mkdtempSync(join(tmpdir(), 'px-bench-cold-'));
  try {
    const first = performance.now();
    const run = await Run.init({
      isOffline: true, project: 'bench', env: { POLYAXON_OFFLINE_ROOT: root }, homeDir: root, cwd: root,
      exitHooks: false, collectResources: false, trackEnv: false, warn: () => undefined,
    });
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) run.logMetrics({ loss: 1 / (i + 1), accuracy: i / CALLS }, { step: i });
    await run.end();
    const ended = performance.now();
    const rows = readFileSync(join(run.getArtifactsPath()!, 'events/metric/loss.plx'), 'utf8').split('\n').length - 1;
    if (rows !== CALLS) throw new Error(`only ${rows} rows on disk`);
    process.stdout.write(`${JSON.stringify({ fromStartMs: ended, fromInitMs: ended - first, fromFirstCallMs: ended - start })}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
} else {
  const samples: { fromStartMs: number; fromInitMs: number; fromFirstCallMs: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const child = spawnSync(process.execPath, [process.argv[1]!], { env: { ...process.env, PX_COLD_CHILD: '1' }, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold child failed: ${child.stderr}`);
    samples.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as (typeof samples)[number]);
  }
  const firstCall = median(samples.map((s) => s.fromFirstCallMs));
  emit({ package: '@px/tracking', name: 'cold process: 100k logMetrics (2 metrics) from the first call until end() returned', unit: 'ms', value: Math.round(firstCall), n: SAMPLES });
  emit({ package: '@px/tracking', name: 'cold process: same, from Run.init()', unit: 'ms', value: Math.round(median(samples.map((s) => s.fromInitMs))), n: SAMPLES });
  emit({ package: '@px/tracking', name: 'cold process: same, from process start (Node boot and module load included)', unit: 'ms', value: Math.round(median(samples.map((s) => s.fromStartMs))), n: SAMPLES });
  emit({ package: '@px/tracking', name: 'cold process: speed-up vs upstream 12.88 s, first call until end() (goal >= 100)', unit: 'ratio', value: Math.round((UPSTREAM_MS / firstCall) * 10) / 10, n: SAMPLES, goal: 100 });
}

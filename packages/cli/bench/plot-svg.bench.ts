// `px ops plot -o svg` of one metric with 1,000,000 points, end to end: a
// fresh `px` process reads the offline run's event file, downsamples it and
// renders the SVG with vega (goal: <= 3 s). Needs `dist/` (the bench task builds first).
// The CPU time of the `px` process (user + system, from /proc on Linux) is
// printed too: on a shared, loaded machine the wall time mostly measures the wait for a core.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emit, median } from '@px/testkit/bench';

const pkgDir = existsSync(join(process.cwd(), 'bin', 'px.cjs')) ? process.cwd() : resolve(process.cwd(), 'packages/cli');
const bin = join(pkgDir, 'bin', 'px.cjs');
const POINTS = 1_000_000;
const ROUNDS = 3;
const UID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** User + system CPU seconds of the waited-for child processes so far (Linux), or undefined. */
function childCpuSeconds(): number | undefined {
  try {
    // fields after the command name: state is field 3; cutime and cstime are fields 16 and 17
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function writeRun(root: string): void {
  const run = join(root, 'runs', UID);
  mkdirSync(join(run, 'events', 'metric'), { recursive: true });
  writeFileSync(join(run, 'run.plx.json'), JSON.stringify({ uuid: UID, name: 'bench', kind: 'job', status: 'succeeded', created_at: '2026-01-01T00:00:00Z' }));
  const start = Date.UTC(2026, 0, 1);
  const lines = ['step|timestamp|metric'];
  for (let i = 0; i < POINTS; i++) {
    const t = new Date(start + i * 10).toISOString().replace('T', ' ').replace('Z', '000+00:00');
    lines.push(`${i}|${t}|${(Math.sin(i / 5000) + (i % 99_991 === 0 ? 5 : 0)).toFixed(6)}`);
  }
  writeFileSync(join(run, 'events', 'metric', 'loss.plx'), `${lines.join('\n')}\n`);
}

if (!existsSync(join(pkgDir, 'dist', 'bin.cjs'))) {
  console.error('[px] @px/cli plot bench skipped: dist/bin.cjs not built');
} else {
  const root = mkdtempSync(join(tmpdir(), 'px-plot-bench-'));
  try {
    writeRun(root);
    const out = join(root, 'plot.svg');
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const cpuBefore = childCpuSeconds();
      const started = performance.now();
      const result = spawnSync(process.execPath, [bin, 'ops', 'plot', '--offline', '--uid', UID, '-o', 'svg', '--out', out], {
        env: { ...process.env, NO_COLOR: '1', POLYAXON_OFFLINE_ROOT: root, HOME: root },
        encoding: 'utf8',
      });
      samples.push(performance.now() - started);
      const cpuAfter = childCpuSeconds();
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.push((cpuAfter - cpuBefore) * 1000);
      if (result.status !== 0) throw new Error(`px ops plot exited with ${String(result.status)}: ${result.stderr}`);
      if (!readFileSync(out, 'utf8').includes('mark-line')) throw new Error('the SVG has no line');
    }
    emit({ package: '@px/cli', name: 'px ops plot -o svg, 1M points, end to end (goal <= 3000 ms)', unit: 'ms', value: Math.round(median(samples)), n: ROUNDS });
    if (cpu.length === ROUNDS) emit({ package: '@px/cli', name: 'px ops plot -o svg, 1M points, CPU time of px (user + system)', unit: 'ms', value: Math.round(median(cpu)), n: ROUNDS });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

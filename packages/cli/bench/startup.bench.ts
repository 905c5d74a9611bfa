// Start-up cost of the built `px` binary, as ratios to the `node -e 0` floor
// on the same machine: `px --version` (goal <= 1.2x) and
// `px check -f <example>` (goal <= 1.6x). Needs `dist/` (the bench task builds first).
// Profile of `check` (issue #12): help text, examples and display-width load only for help; error
// printing only on errors; Unicode segmentation only for non-ASCII text; valibot is tree-shaken
// into @px/polyaxonfile's dist. What remains is @px/polyaxonfile itself.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emit, median } from '@px/testkit/bench';

const pkgDir = existsSync(join(process.cwd(), 'bin', 'px.js')) ? process.cwd() : resolve(process.cwd(), 'packages/cli');
const bin = join(pkgDir, 'bin', 'px.js');
const example = join(pkgDir, 'test', '__fixtures__', 'job.yaml');
const ROUNDS = 20;

function wallMs(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${String(result.status)}: ${result.stderr.toString()}`);
  return elapsed;
}

/** Medians of each command, sampled in interleaved rounds so machine load affects all of them alike. */
function sampleAll(commands: Record<string, readonly string[]>): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (const [name, args] of Object.entries(commands)) {
    wallMs(args);
    samples[name] = [];
  }
  for (let i = 0; i < ROUNDS; i++) for (const [name, args] of Object.entries(commands)) samples[name]!.push(wallMs(args));
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

if (!existsSync(join(pkgDir, 'dist', 'bin.js'))) {
  console.error('[px] @px/cli startup bench skipped: dist/bin.js not built');
} else {
  const { floor = 1, version = 0, check = 0 } = sampleAll({ floor: ['-e', '0'], version: [bin, '--version'], check: [bin, 'check', '-f', example] });
  emit({ package: '@px/cli', name: 'node -e 0 (floor)', unit: 'ms', value: Math.round(floor * 10) / 10, n: ROUNDS });
  emit({ package: '@px/cli', name: 'px --version / node -e 0', unit: 'ratio', value: Math.round((version / floor) * 100) / 100, n: ROUNDS, goal: 1.2 });
  emit({ package: '@px/cli', name: 'px check -f job.yaml / node -e 0', unit: 'ratio', value: Math.round((check / floor) * 100) / 100, n: ROUNDS, goal: 1.6 });
}

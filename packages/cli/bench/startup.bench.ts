// Start-up cost of the built `px` binary, as ratios to the `node -e 0` floor
// on the same machine: `px --version` (goal <= 1.2x), `px check -f <example>` (goal <= 1.6x) and
// `px models ls` against the test API server (goal <= 2.5x). Needs `dist/` (the bench task builds first).
// Profile of `check` (issue #12): help text, examples and display-width load only for help; error
// printing only on errors; Unicode segmentation only for non-ASCII text; valibot is tree-shaken
// into @px/polyaxonfile's dist. What remains is @px/polyaxonfile itself.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApiServer } from '@px/testkit';
import { emit, median } from '@px/testkit/bench';

const pkgDir = existsSync(join(process.cwd(), 'bin', 'px.cjs')) ? process.cwd() : resolve(process.cwd(), 'packages/cli');
const bin = join(pkgDir, 'bin', 'px.cjs');
const example = join(pkgDir, 'test', '__fixtures__', 'job.yaml');
const ROUNDS = 20;

function wallMs(args: readonly string[], env: Record<string, string> = {}): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
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

/** Like {@link wallMs}, without blocking the event loop (the test API server runs in this process). */
function wallMsAsync(args: readonly string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(performance.now() - start) : reject(new Error(`node ${args.join(' ')} exited with ${String(code)}: ${stderr}`))));
  });
}

/** `px models ls` against the test API server, and the floor, sampled in interleaved rounds. */
async function modelsLsRatio(): Promise<number> {
  const server = await startApiServer({ validate: false });
  try {
    for (let i = 0; i < 3; i++) server.state.addVersion({ project: 'bench', kind: 'model', name: `v${i}`, description: 'bench' });
    const env = { POLYAXON_HOST: server.url, HOME: server.artifactsDir };
    const floor: number[] = [];
    const ls: number[] = [];
    await wallMsAsync(['-e', '0'], env);
    await wallMsAsync([bin, 'models', 'ls', '-p', 'bench'], env);
    for (let i = 0; i < ROUNDS; i++) {
      floor.push(await wallMsAsync(['-e', '0'], env));
      ls.push(await wallMsAsync([bin, 'models', 'ls', '-p', 'bench'], env));
    }
    return median(ls) / median(floor);
  } finally {
    await server.close();
  }
}

if (!existsSync(join(pkgDir, 'dist', 'bin.cjs'))) {
  console.error('[px] @px/cli startup bench skipped: dist/bin.cjs not built');
} else {
  const { floor = 1, version = 0, check = 0 } = sampleAll({ floor: ['-e', '0'], version: [bin, '--version'], check: [bin, 'check', '-f', example] });
  // context: a command's first run, before its code cache exists (src/bundle-loader.ts)
  const firstRuns = Array.from({ length: 5 }, () => wallMs([bin, 'check', '-f', example], { NODE_DISABLE_COMPILE_CACHE: '1' }));
  emit({ package: '@px/cli', name: 'node -e 0 (floor)', unit: 'ms', value: Math.round(floor * 10) / 10, n: ROUNDS });
  emit({ package: '@px/cli', name: 'px --version / node -e 0', unit: 'ratio', value: Math.round((version / floor) * 100) / 100, n: ROUNDS, goal: 1.2 });
  emit({ package: '@px/cli', name: 'px check -f job.yaml / node -e 0', unit: 'ratio', value: Math.round((check / floor) * 100) / 100, n: ROUNDS, goal: 1.6 });
  emit({ package: '@px/cli', name: 'px check -f job.yaml without its code cache (a first run) / node -e 0', unit: 'ratio', value: Math.round((median(firstRuns) / floor) * 100) / 100, n: firstRuns.length });
  const ratio = await modelsLsRatio();
  emit({ package: '@px/cli', name: 'px models ls (test API server) / node -e 0', unit: 'ratio', value: Math.round(ratio * 100) / 100, n: ROUNDS, goal: 2.5 });
}

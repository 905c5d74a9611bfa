// `px run --local --offline --executor process` (needs `dist/`; the bench task builds first):
// - overhead on a no-op command (`true`) vs running it directly, goal <= 150 ms;
// - streaming 100,000 lines: none lost (terminal and saved logs), px's peak RSS < 120 MB;
// - a 64-child grid of no-op node programs (`node -e 0`), concurrency 8, vs `xargs -P 8 setsid`, goal <= 1.5x.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emit, median } from '@px/testkit/bench';

const pkgDir = existsSync(join(process.cwd(), 'bin', 'px.cjs')) ? process.cwd() : resolve(process.cwd(), 'packages/cli');
const bin = join(pkgDir, 'bin', 'px.cjs');
const ROUNDS = 10;

function spec(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${String(result.status)}: ${result.stderr.toString()}`);
  return elapsed;
}

/** Runs px, counting stdout lines and sampling its peak RSS (VmHWM) until it exits. */
function streamed(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ lines: number; peakMb: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let lines = 0;
    let peakKb = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    const sample = (): void => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${String(child.pid)}/status`, 'utf8'))?.[1];
        if (hwm !== undefined) peakKb = Math.max(peakKb, Number(hwm));
      } catch {
        // exited
      }
    };
    const timer = setInterval(sample, 10);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) fail(new Error(`px exited with ${String(code)}`));
      else done({ lines, peakMb: peakKb / 1024 });
    });
  });
}

if (!existsSync(join(pkgDir, 'dist', 'bin.cjs'))) {
  console.error('[px] @px/cli local-run bench skipped: dist/bin.cjs not built');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'px-local-bench-'));
  const env = { ...process.env, NO_COLOR: '1', HOME: dir, POLYAXON_HOME: join(dir, 'home'), POLYAXON_OFFLINE_ROOT: join(dir, 'offline'), POLYAXON_HOST: '' };
  const run = ['run', '--local', '--offline', '--executor', 'process', '-p', 'bench/local'];
  try {
    const noop = spec(dir, 'noop.yaml', 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: x\n    command: ["true"]\n');
    const direct: number[] = [];
    const local: number[] = [];
    const version: number[] = [];
    timed('true', [], env);
    timed(process.execPath, [bin, ...run, '-f', noop], env);
    for (let i = 0; i < ROUNDS; i++) {
      direct.push(timed('true', [], env));
      local.push(timed(process.execPath, [bin, ...run, '-f', noop], env));
      version.push(timed(process.execPath, [bin, '--version'], env));
    }
    emit({ package: '@px/cli', name: 'px run --local overhead on a no-op command vs direct (goal <= 150 ms)', unit: 'ms', value: Math.round(median(local) - median(direct)), n: ROUNDS });
    emit({ package: '@px/cli', name: 'px --version on the same machine (context: the node start-up share)', unit: 'ms', value: Math.round(median(version)), n: ROUNDS });

    const N = 100_000;
    const loud = spec(dir, 'loud.yaml', `version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: x\n    command: [seq, "1", "${N}"]\n`);
    const stream = await streamed([...run, '-f', loud], env);
    const runsDir = join(dir, 'offline', 'runs');
    const uuid = readdirSync(runsDir).find((u) => readFileSync(join(runsDir, u, 'run.plx.json'), 'utf8').includes('seq'))!;
    const saved = readdirSync(join(runsDir, uuid, 'plxlogs')).reduce((sum, f) => sum + (JSON.parse(readFileSync(join(runsDir, uuid, 'plxlogs', f), 'utf8')) as { logs: unknown[] }).logs.length, 0);
    emit({ package: '@px/cli', name: `streaming ${N} lines: lines lost on the terminal + in saved logs (goal 0)`, unit: 'lines', value: Math.max(0, N - (stream.lines - 2)) + (N - saved), n: N });
    emit({ package: '@px/cli', name: `streaming ${N} lines: px peak RSS (goal < 120 MB)`, unit: 'MB', value: Math.round(stream.peakMb), n: 1 });

    const grid = spec(
      dir,
      'grid.yaml',
      'version: 1.1\nkind: operation\nmatrix:\n  kind: grid\n  concurrency: 8\n  params:\n    i: {kind: range, value: [0, 64, 1]}\ncomponent:\n  inputs: [{name: i, type: int}]\n  run:\n    kind: job\n    container:\n      image: x\n      command: [node, -e, "0"]\n',
    );
    const xargs: number[] = [];
    const sweep: number[] = [];
    for (let i = 0; i < 3; i++) {
      // px starts each child in its own session (process group); the reference does the same with setsid, so
      // the kernel's per-session CPU scheduling (autogroup) treats both alike on a shared machine
      xargs.push(timed('sh', ['-c', `seq 64 | xargs -P 8 -I{} setsid ${JSON.stringify(process.execPath)} -e 0`], env));
      sweep.push(timed(process.execPath, [bin, ...run, '-f', grid], env));
    }
    emit({ package: '@px/cli', name: '64-child grid of `node -e 0`, concurrency 8: xargs -P 8 setsid (reference)', unit: 'ms', value: Math.round(median(xargs)), n: 3 });
    emit({ package: '@px/cli', name: '64-child grid of `node -e 0`, concurrency 8, vs xargs -P 8 setsid (goal <= 1.5x)', unit: 'ratio', value: Math.round((median(sweep) / median(xargs)) * 100) / 100, n: 3 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

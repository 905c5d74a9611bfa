// The upstream offline profile: 100,000 logMetrics calls with 2 metrics each,
// then end(); every event must be on disk when end() returns.
// Upstream Python 2.4.0: 14,095 calls/s on a 2-core machine (golden README).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit } from '@px/testkit/bench';
import { Run } from '@px/tracking';

const CALLS = 100_000;
const UPSTREAM_CALLS_PER_S = 14_095;

async function once(): Promise<{ loopMs: number; endMs: number }> {
  const root = mkdtempSync(join(tmpdir(), 'px-bench-'));
  try {
    const run = await Run.init({
      isOffline: true, project: 'bench', env: { POLYAXON_OFFLINE_ROOT: root }, homeDir: root, cwd: root,
      exitHooks: false, collectResources: false, trackEnv: false, warn: () => undefined,
    });
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) run.logMetrics({ loss: 1 / (i + 1), accuracy: i / CALLS }, { step: i });
    const loopEnd = performance.now();
    const report = await run.endWithReport();
    const endAt = performance.now();
    // end() returned: every event must already be on disk.
    const rows = readFileSync(join(run.getArtifactsPath()!, 'events/metric/loss.plx'), 'utf8').split('\n').length - 1;
    if (rows !== CALLS || report.eventsPending !== 0) throw new Error(`only ${rows} rows on disk`);
    return { loopMs: loopEnd - start, endMs: endAt - start };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await once(); // warm-up
const samples: { loopMs: number; endMs: number }[] = [];
for (let i = 0; i < 5; i++) samples.push(await once());
samples.sort((a, b) => a.endMs - b.endMs);
const mid = samples[2]!;
samples.sort((a, b) => a.loopMs - b.loopMs);
const loop = samples[2]!;
const callsPerS = CALLS / (loop.loopMs / 1000);
// Same measure as upstream's 14,095 calls/s (the logging loop), checked with every event on disk when end() returns.
emit({ package: '@px/tracking', name: 'offline profile: logMetrics calls/s (2 metrics/call), all on disk at end()', unit: 'calls/s', value: Math.round(callsPerS), n: CALLS });
emit({ package: '@px/tracking', name: 'offline profile: speed-up vs upstream 14,095 calls/s (target >= 50x)', unit: 'ratio', value: Math.round((callsPerS / UPSTREAM_CALLS_PER_S) * 10) / 10, n: CALLS });
emit({ package: '@px/tracking', name: 'offline profile: first call to end() returned (summaries + run.plx.json; upstream 12.88 s)', unit: 'ms', value: Math.round(mid.endMs), n: CALLS });
emit({ package: '@px/tracking', name: 'offline profile: calls/s counting until end() returned', unit: 'calls/s', value: Math.round(CALLS / (mid.endMs / 1000)), n: CALLS });

// ns per logMetrics call in a hot loop, and events/s until all are on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit, median } from '@px/testkit/bench';
import { Run } from '@px/tracking';

const root = mkdtempSync(join(tmpdir(), 'px-bench-'));
try {
  const run = await Run.init({
    isOffline: true, project: 'bench', env: { POLYAXON_OFFLINE_ROOT: root }, homeDir: root, cwd: root,
    exitHooks: false, collectResources: false, trackEnv: false, warn: () => undefined,
  });
  const N = 200_000;
  const nsPerCall: number[] = [];
  let step = 0;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < N; i++) run.logMetrics({ loss: Math.random() }, { step: step++ });
    nsPerCall.push(Number(process.hrtime.bigint() - start) / N);
  }
  emit({ package: '@px/tracking', name: 'logMetrics hot loop (1 metric, includes inline flushes)', unit: 'ns/call', value: Math.round(median(nsPerCall.slice(2))), n: N * 5 });

  const EVENTS = 1_000_000;
  const start = performance.now();
  for (let i = 0; i < EVENTS / 4; i++) run.logMetrics({ a: i, b: i, c: i, d: i }, { step: i });
  const report = await run.endWithReport();
  const seconds = (performance.now() - start) / 1000;
  if (report.eventsPending !== 0) throw new Error('events left in memory');
  emit({ package: '@px/tracking', name: 'events/s until all on disk (1M events, end() included)', unit: 'events/s', value: Math.round(EVENTS / seconds), n: EVENTS });
} finally {
  rmSync(root, { recursive: true, force: true });
}

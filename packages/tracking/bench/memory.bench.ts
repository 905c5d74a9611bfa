// Peak RSS while logging 10 million metric events (5M calls x 2 metrics), end() included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit } from '@px/testkit/bench';
import { Run } from '@px/tracking';

const root = mkdtempSync(join(tmpdir(), 'px-bench-'));
let peak = process.memoryUsage.rss();
const sampleRss = (): void => {
  const rss = process.memoryUsage.rss();
  if (rss > peak) peak = rss;
};
try {
  const run = await Run.init({
    isOffline: true, project: 'bench', env: { POLYAXON_OFFLINE_ROOT: root }, homeDir: root, cwd: root,
    exitHooks: false, collectResources: false, trackEnv: false, warn: () => undefined,
  });
  const CALLS = 5_000_000;
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) {
    run.logMetrics({ loss: 1 / (i + 1), accuracy: i / CALLS }, { step: i });
    if ((i & 0xffff) === 0) sampleRss();
  }
  sampleRss();
  const loggingPeak = peak;
  const timer = setInterval(sampleRss, 5);
  await run.end();
  clearInterval(timer);
  sampleRss();
  emit({ package: '@px/tracking', name: 'peak RSS while logging 10M metric events', unit: 'MB', value: Math.round(loggingPeak / 1048576), n: CALLS * 2 });
  emit({ package: '@px/tracking', name: 'peak RSS over the whole lifecycle, end() summaries of the two 5M-row files included (goal < 150 MB)', unit: 'MB', value: Math.round(peak / 1048576), n: CALLS * 2, goal: 150 });
  emit({ package: '@px/tracking', name: '10M metric events logged and on disk', unit: 's', value: Math.round((performance.now() - start) / 100) / 10, n: CALLS * 2 });
} finally {
  rmSync(root, { recursive: true, force: true });
}

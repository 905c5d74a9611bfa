#!/usr/bin/env node
// Tracks a small learning-rate sweep offline with @px/tracking (one run per
// learning rate, loss and accuracy per epoch), then compares the runs with
// `px ops compare` (the last metric values are the runs' outputs, as upstream logs them). It makes the picture in the root README:
//
//   node examples/compare-offline.mjs docs/px-ops-compare.png
//
// With no argument the comparison is printed at the terminal instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Run } from '@px/tracking';

const out = process.argv[2] === undefined ? undefined : resolve(process.argv[2]);
const root = mkdtempSync(join(tmpdir(), 'px-compare-'));
const env = { ...process.env, POLYAXON_OFFLINE_ROOT: root };

let seed = 7;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

try {
  for (const [i, lr] of [0.003, 0.01, 0.03, 0.1, 0.3].entries()) {
    const run = await Run.init({ project: 'sweep', name: `lr-${lr}`, isOffline: true, env });
    const batch = [32, 64, 128][i % 3];
    run.logInputs({ lr, batch_size: batch, optimizer: i % 2 === 0 ? 'adam' : 'sgd' });
    let loss = 2.3;
    let accuracy = 0.1;
    for (let epoch = 0; epoch < 40; epoch++) {
      loss = Math.max(0.05, loss * (1 - Math.min(0.25, lr * 2.5)) + (random() - 0.5) * 0.04);
      accuracy = Math.min(0.99, 1 - loss / 2.6 + (random() - 0.5) * 0.02);
      run.logMetrics({ loss, accuracy }, { step: epoch });
    }
    await run.end();
  }
  const px = join(dirname(createRequire(import.meta.url).resolve('@px/cli/package.json')), 'bin', 'px.cjs');
  const args = ['ops', 'compare', '--offline', '--metrics', 'loss,accuracy', '--sort', '-accuracy'];
  const result = spawnSync(process.execPath, [px, ...args, ...(out === undefined ? [] : ['-o', 'png', '--out', out])], { env, stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}

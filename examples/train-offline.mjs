#!/usr/bin/env node
// Trains a tiny logistic-regression model in plain JavaScript and tracks it
// offline with @px/tracking: metrics per epoch, a ROC curve, a PR curve, a
// confusion matrix, an image of the decision boundary, and the model file.
//
//   node examples/train-offline.mjs [offline-root] [--learning-rate=0.5] [--epochs=30]
//   POLYAXON_OFFLINE_ROOT=<offline-root> px ops ls --offline
//
// Under `px run --local` (POLYAXON_RUN_INSTANCE is set) a bare `tracking.init()` attaches to the run px created.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tracking } from '@px/tracking';

const flags = Object.fromEntries(process.argv.slice(2).filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')));
const positional = process.argv.slice(2).find((a) => !a.startsWith('--'));
const offlineRoot = resolve(positional ?? process.env.POLYAXON_OFFLINE_ROOT ?? process.env.PX_DEMO_DIR ?? '.px-demo');
const managed = process.env.POLYAXON_RUN_INSTANCE !== undefined;

// Deterministic data: two Gaussian blobs.
let seed = 42;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const data = Array.from({ length: 400 }, (_, i) => {
  const label = i % 2;
  return { x: [gaussian() + (label ? 1.2 : -1.2), gaussian() + (label ? 0.8 : -0.8)], label };
});
const train = data.slice(0, 300);
const test = data.slice(300);

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const predict = (w, x) => sigmoid(w[0] + w[1] * x[0] + w[2] * x[1]);

const run = managed
  ? await tracking.init()
  : await tracking.init({
      project: 'px-demo',
      name: 'logistic-regression',
      description: 'A tiny model trained in plain JS',
      tags: ['demo', 'offline'],
      isOffline: true,
      env: { ...process.env, POLYAXON_OFFLINE_ROOT: offlineRoot },
    });

const lr = Number(flags['learning-rate'] ?? 0.5);
const epochs = Number(flags.epochs ?? 30);
tracking.logInputs({ lr, epochs, samples: train.length });

const w = [0, 0, 0];
for (let epoch = 0; epoch < epochs; epoch++) {
  const grad = [0, 0, 0];
  let loss = 0;
  for (const { x, label } of train) {
    const p = predict(w, x);
    loss -= label * Math.log(p + 1e-12) + (1 - label) * Math.log(1 - p + 1e-12);
    const e = p - label;
    grad[0] += e;
    grad[1] += e * x[0];
    grad[2] += e * x[1];
  }
  for (let k = 0; k < 3; k++) w[k] -= (lr * grad[k]) / train.length;
  const accuracy = test.filter(({ x, label }) => (predict(w, x) >= 0.5 ? 1 : 0) === label).length / test.length;
  tracking.logMetrics({ loss: loss / train.length, accuracy }, { step: epoch });
  tracking.logProgress((epoch + 1) / epochs);
}

// Curves and a confusion matrix from the test scores.
const scores = test.map(({ x }) => predict(w, x));
const labels = test.map(({ label }) => label);
tracking.logSklearnRocAucCurve('roc', scores, labels, { step: epochs });
tracking.logSklearnPrCurve('pr', scores, labels, { step: epochs });
const cm = [[0, 0], [0, 0]];
test.forEach(({ label }, i) => cm[label][scores[i] >= 0.5 ? 1 : 0]++);
tracking.logConfusionMatrix('confusion', ['0', '1'], ['0', '1'], cm, { step: epochs });
tracking.logHistogram('scores', scores, 10, { step: epochs });

// An image of the decision boundary (HWC, 0..1 floats).
const size = 48;
const pixels = new Float32Array(size * size * 3);
for (let row = 0; row < size; row++) {
  for (let col = 0; col < size; col++) {
    const p = predict(w, [(col / size) * 6 - 3, 3 - (row / size) * 6]);
    pixels.set([p, 0.2, 1 - p], (row * size + col) * 3);
  }
}
tracking.logImage({ data: pixels, shape: [size, size, 3] }, { name: 'decision-boundary', step: epochs, dataformats: 'HWC' });

// The model as an artifact.
const scratch = mkdtempSync(join(tmpdir(), 'px-demo-'));
const modelPath = join(scratch, 'model.json');
writeFileSync(modelPath, JSON.stringify({ kind: 'logistic-regression', weights: w }));
tracking.logModel(modelPath, { name: 'model', framework: 'plain-js' });
rmSync(scratch, { recursive: true, force: true });

const finalAccuracy = test.filter(({ x, label }) => (predict(w, x) >= 0.5 ? 1 : 0) === label).length / test.length;
tracking.logOutputs({ final_accuracy: finalAccuracy });
tracking.logMetric('final_loss', -test.reduce((sum, { x, label }) => sum + label * Math.log(predict(w, x) + 1e-12) + (1 - label) * Math.log(1 - predict(w, x) + 1e-12), 0) / test.length);
await tracking.end();

console.log(`run uuid:     ${run.runUuid}`);
console.log(`offline root: ${offlineRoot}`);
console.log(`run folder:   ${run.getArtifactsPath()}`);
console.log(`next:         POLYAXON_OFFLINE_ROOT=${offlineRoot} px ops ls --offline`);

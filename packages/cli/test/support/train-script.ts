import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TRACKING = pathToFileURL(fileURLToPath(new URL('../../../tracking/dist/index.js', import.meta.url))).href;

/**
 * Writes `<dir>/train.mjs`: a training script that uses @px/tracking with a bare `tracking.init()`,
 * logs `loss` and `score` (= its first argument, the learning rate) for 5 steps and prints `trained lr=…`.
 */
export function writeTrainScript(dir: string): void {
  writeFileSync(
    join(dir, 'train.mjs'),
    [
      `import { tracking } from ${JSON.stringify(TRACKING)};`,
      'const lr = Number(process.argv[2] ?? 0.1);',
      'await tracking.init();',
      'for (let step = 0; step < 5; step++) tracking.logMetrics({ loss: 1 / (step + 1), score: lr }, { step });',
      'console.log(`trained lr=${lr}`);',
      'await tracking.end();',
    ].join('\n'),
  );
}

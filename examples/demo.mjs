#!/usr/bin/env node
// The README's main job, with no server: check the example Polyaxonfiles with `px check`,
// train a tiny model tracked offline, run a small sweep of it on this machine with
// `px run --local --offline` (ranked table at the end), compare the sweep's runs at the terminal
// (`px ops compare`), then list and show the offline runs with `px ops`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const px = join(root, 'packages/cli/bin/px.cjs');
const workdir = mkdtempSync(join(tmpdir(), 'px-demo-'));
const env = {
  ...process.env,
  POLYAXON_HOME: join(workdir, 'home'),
  POLYAXON_OFFLINE_ROOT: join(workdir, 'offline'),
  POLYAXON_ARTIFACTS_ROOT: join(workdir, 'artifacts'),
};

function step(title, command, args, { expectFailure = false } = {}) {
  console.log(`\n$ ${title}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(result.stdout);
  const failed = result.status !== 0;
  if (failed !== expectFailure) {
    console.error(`demo: "${title}" exited with ${result.status ?? result.signal}`);
    process.exit(1);
  }
  return result.stdout;
}

const file = (name) => relative(root, join(here, 'polyaxonfiles', name));
step(`px check -f ${file('train.yaml')} -P learning_rate=0.05`, process.execPath, [px, 'check', '-f', file('train.yaml'), '-P', 'learning_rate=0.05']);
step(`px check -f ${file('sweep.yaml')}`, process.execPath, [px, 'check', '-f', file('sweep.yaml')]);
step(`px check -f ${file('broken.yaml')}   # rejected on purpose`, process.execPath, [px, 'check', '-f', file('broken.yaml')], { expectFailure: true });

const out = step('node examples/train-offline.mjs "$POLYAXON_OFFLINE_ROOT"', process.execPath, [join(here, 'train-offline.mjs'), env.POLYAXON_OFFLINE_ROOT]);
const uuid = /\b([0-9a-f]{32})\b/.exec(out)?.[1];
if (uuid === undefined) {
  console.error('demo: the training script printed no run uuid');
  process.exit(1);
}
step(`px check -f ${file('local-sweep.yaml')}`, process.execPath, [px, 'check', '-f', file('local-sweep.yaml')]);
step(
  `px run -f ${file('local-sweep.yaml')} --local --offline --executor process   # 4 runs, 2 at a time, ranked`,
  process.execPath,
  [px, 'run', '-f', file('local-sweep.yaml'), '--local', '--offline', '--executor', 'process', '-p', 'px-demo'],
);
step(
  'px ops compare --offline -p px-demo --params learning_rate,final_loss -m loss -s final_loss -o terminal',
  process.execPath,
  [px, 'ops', 'compare', '--offline', '-p', 'px-demo', '--params', 'learning_rate,final_loss', '-m', 'loss', '-s', 'final_loss', '-o', 'terminal'],
);
step('px ops ls --offline', process.execPath, [px, 'ops', 'ls', '--offline']);
step(`px ops get --offline -uid ${uuid}`, process.execPath, [px, 'ops', 'get', '--offline', '-uid', uuid]);
console.log(`\nOffline run folder: ${join(env.POLYAXON_OFFLINE_ROOT, 'runs', uuid)}`);

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, px, requireBuild, sandbox, type Sandbox } from './helpers';
import { writeTrainScript } from './support/train-script';

const LOCAL = join(FIXTURES, 'local');

interface RunFile {
  uuid: string;
  name?: string;
  status: string;
  kind: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  pipeline?: { uuid: string; kind: string };
  status_conditions: { type: string; reason: string; message?: string }[];
}

let sb: Sandbox;
beforeAll(() => requireBuild());
beforeEach(() => {
  sb = sandbox();
  writeTrainScript(sb.root);
});
afterEach(() => sb.cleanup());

function runs(): RunFile[] {
  const dir = join(sb.offlineRoot, 'runs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((uuid) => JSON.parse(readFileSync(join(dir, uuid, 'run.plx.json'), 'utf8')) as RunFile);
}

function logValues(uuid: string): string[] {
  const dir = join(sb.offlineRoot, 'runs', uuid, 'plxlogs');
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { logs: { value: string }[] }).logs.map((l) => l.value));
}

/** Runs px and sends it a SIGINT each time its stdout shows the next of `triggers`. */
function interrupted(args: readonly string[], triggers: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: sb.cwd, env: sb.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let next = 0;
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (next < triggers.length && stdout.includes(triggers[next]!)) {
        next += 1;
        child.kill('SIGINT');
      }
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const local = (file: string, ...rest: string[]): string[] => ['run', '-f', join(LOCAL, file), '--local', '--offline', '--executor', 'process', '-p', 'acme/lab', ...rest];

describe('px run --local --offline with the process executor', () => {
  it('runs a job: output streamed and saved as logs, statuses recorded, exit code 0', async () => {
    const result = await px(sb, local('job.yaml', '-P', 'who=world'));
    expect(result.stderr).toContain('the container image is not used');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('hello world\nfrom-env\n');
    expect(result.stderr).toContain('to stderr');
    const [run] = runs();
    expect(run).toMatchObject({ name: 'greet', status: 'succeeded', kind: 'job', inputs: { who: 'world', code: 0 } });
    expect(run!.status_conditions.map((c) => c.type)).toEqual(['created', 'scheduled', 'starting', 'running', 'succeeded']);
    expect(run!.status_conditions[1]).toMatchObject({ reason: 'CliProcessExecutor', message: 'Operation is pulled by CLI.' });
    expect(logValues(run!.uuid)).toEqual(expect.arrayContaining(['hello world', 'to stderr', 'from-env']));
    const logs = await px(sb, ['ops', 'logs', '--offline', '-uid', run!.uuid, '-h']);
    expect(logs.stdout).toContain('hello world\n');
  });

  it('records failed with the exit code and the last lines of stderr', async () => {
    const result = await px(sb, local('job.yaml', '-P', 'who=x', '-P', 'code=3'));
    expect(result.code).toBe(1);
    const [run] = runs();
    expect(run!.status).toBe('failed');
    expect(run!.status_conditions.at(-1)!.message).toBe('exit code 3; last lines of stderr:\nto stderr');
    expect(result.stderr).toContain('failed: exit code 3');
  });

  it('records failed with "command not found" for a missing command', async () => {
    writeFileSync(join(sb.cwd, 'missing.yaml'), 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: x\n    command: [px-no-such-command-xyz, --flag]\n');
    const result = await px(sb, ['run', '-f', 'missing.yaml', '--local', '--offline', '-exc', 'process']);
    expect(result.code).toBe(1);
    const [run] = runs();
    expect(run!.status_conditions.at(-1)).toMatchObject({ type: 'failed', message: 'command not found: px-no-such-command-xyz' });
  });

  it('refuses bad input before any process starts, leaving nothing behind', async () => {
    const write = (name: string, text: string): string => {
      writeFileSync(join(sb.cwd, name), text);
      return name;
    };
    const job = (container: string): string => `version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n${container}`;
    const cases: [string[], string][] = [
      [['-f', write('nocmd.yaml', job('    image: alpine\n')), '-exc', 'process'], 'has no `command`'],
      [['-f', join(LOCAL, 'job.yaml'), '-exc', 'process'], 'you need to pass valid params'],
      [['-f', join(LOCAL, 'job.yaml'), '-P', 'who=x', '-exc', 'k9s'], 'Unknown executor `k9s`; expected one of process, docker'],
      [['-f', write('wd.yaml', job('    image: alpine\n    command: [echo]\n    workingDir: ./nope\n')), '-exc', 'process'], 'is not a readable directory'],
      [['-f', write('bayes.yaml', 'version: 1.1\nkind: operation\nmatrix:\n  kind: bayes\n  numInitialRuns: 2\n  maxIterations: 2\n  metric: {name: loss, optimization: minimize}\n  utilityFunction: {acquisitionFunction: ucb, kappa: 1}\n  params:\n    lr: {kind: uniform, value: [0, 1]}\ncomponent:\n  inputs: [{name: lr, type: float}]\n  run: {kind: job, container: {image: a, command: [echo]}}\n'), '-exc', 'process'], 'supported kinds: grid, random, mapping'],
      [['-f', write('cycle.yaml', 'version: 1.1\nkind: component\nrun:\n  kind: dag\n  operations:\n    - {name: a, dagRef: c, dependencies: [b]}\n    - {name: b, dagRef: c, dependencies: [a]}\n  components:\n    - {name: c, run: {kind: job, container: {image: a, command: [echo]}}}\n'), '-exc', 'process'], 'cycle'],
      [['-f', write('orphan.yaml', 'version: 1.1\nkind: component\nrun:\n  kind: dag\n  operations:\n    - {name: a, dagRef: c, dependencies: [zz]}\n  components:\n    - {name: c, run: {kind: job, container: {image: a, command: [echo]}}}\n'), '-exc', 'process'], 'zz'],
      [['-f', write('init.yaml', job('    image: alpine\n    command: [echo]\n') + '  init:\n    - dockerfile: {image: x}\n'), '-exc', 'process'], 'dockerfile'],
    ];
    for (const [args, message] of cases) {
      const result = await px(sb, ['run', ...args, '--local', '--offline']);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toContain(message);
    }
    expect(runs()).toEqual([]);
  });

  it('forwards Ctrl-C (SIGINT) to the process, records stopped and keeps the logs', async () => {
    writeFileSync(join(sb.cwd, 'sleep.yaml'), 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: x\n    command: [node, -e, "process.on(\'SIGINT\', () => { console.log(\'got SIGINT\'); process.exit(130); }); console.log(\'ready\'); setTimeout(() => {}, 60000)"]\n');
    const { code, stdout, stderr } = await interrupted(['run', '-f', 'sleep.yaml', '--local', '--offline', '-exc', 'process'], ['ready\n']);
    expect(code).toBe(130);
    expect(stdout).toContain('got SIGINT');
    expect(stderr).toContain('Received SIGINT');
    const [run] = runs();
    expect(run!.status).toBe('stopped');
    expect(logValues(run!.uuid)).toEqual(['ready', 'got SIGINT']);
  });
});

describe('init containers', () => {
  const hasGit = spawnSync('git', ['--version']).status === 0;
  if (!hasGit) console.warn('[px] local-run init containers test skipped: git is not installed');

  it.runIf(hasGit)('writes file inits and clones a local git repository at a revision before the main container', async () => {
    const repo = join(sb.root, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]): string => spawnSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).stdout.trim();
    git('init', '-q');
    writeFileSync(join(repo, 'v.txt'), 'one');
    git('add', '.');
    git('commit', '-qm', 'one');
    const first = git('rev-parse', 'HEAD');
    writeFileSync(join(repo, 'v.txt'), 'two');
    git('commit', '-qam', 'two');
    writeFileSync(
      join(sb.cwd, 'init.yaml'),
      `version: 1.1\nkind: component\nrun:\n  kind: job\n  init:\n    - file: {filename: cfg.json, content: '{"a": 1}'}\n    - git: {url: ../repo, revision: ${first}}\n  container:\n    image: x\n    command: [sh, -c, "cat {{ globals.context_path }}/cfg.json; echo; cat {{ globals.context_path }}/repo/v.txt"]\n`,
    );
    const result = await px(sb, ['run', '-f', 'init.yaml', '--local', '--offline', '-exc', 'process']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('{"a": 1}\none');
  });

  it('copies files of another offline run with an artifacts init', async () => {
    expect((await px(sb, local('job.yaml', '-P', 'who=source'))).code).toBe(0);
    const source = runs()[0]!.uuid;
    writeFileSync(
      join(sb.cwd, 'copy.yaml'),
      `version: 1.1\nkind: component\nrun:\n  kind: job\n  init:\n    - artifacts: {files: [${source}/run.plx.json], dirs: [${source}/plxlogs]}\n      path: from-source\n  container:\n    image: x\n    command: [sh, -c, "ls {{ globals.context_path }}/from-source; ls {{ globals.context_path }}/from-source/plxlogs | wc -l"]\n`,
    );
    const result = await px(sb, ['run', '-f', 'copy.yaml', '--local', '--offline', '-exc', 'process']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/plxlogs\nrun\.plx\.json\n\s*1\n/);
  });
});

describe('a second Ctrl-C', () => {
  it('kills a process that ignores the first one', async () => {
    writeFileSync(join(sb.cwd, 'stubborn.yaml'), 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: x\n    command: [node, -e, "process.on(\'SIGINT\', () => console.log(\'ignored\')); console.log(\'ready\'); setTimeout(() => {}, 60000)"]\n');
    const { code, stderr } = await interrupted(['run', '-f', 'stubborn.yaml', '--local', '--offline', '-exc', 'process'], ['ready\n', 'ignored\n']);
    expect(code).toBe(130);
    expect(stderr).toContain('Killing the local runs.');
    const [run] = runs();
    expect(run!.status).toBe('stopped');
    expect(logValues(run!.uuid)).toEqual(['ready', 'ignored']);
  });
});

describe('tracking attach and push', () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(() => server.close());

  it('a bare tracking.init() in the process logs into the px-created run, which px ops push uploads', async () => {
    server.state.clear();
    server.state.addProject({ name: 'lab', owner: 'acme' });
    const result = await px(sb, local('tracked.yaml', '-P', 'lr=0.5'));
    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    const all = runs();
    expect(all).toHaveLength(1);
    const run = all[0]!;
    expect(run).toMatchObject({ status: 'succeeded', inputs: { lr: 0.5 }, outputs: { loss: 0.2, score: 0.5 } });
    const dir = join(sb.offlineRoot, 'runs', run.uuid);
    expect(readFileSync(join(dir, 'events', 'metric', 'loss.plx'), 'utf8').split('\n')).toHaveLength(6);
    expect(logValues(run.uuid)).toContain('trained lr=0.5');

    const pushed = await px(sb, ['ops', 'push', '--uid', run.uuid], { env: { POLYAXON_HOST: server.url } });
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    const sync = server.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/acme/lab/runs/sync');
    expect(sync?.body).toMatchObject({ uuid: run.uuid, status: 'succeeded', managed_by: 'cli' });
    expect(existsSync(join(server.artifactsDir, run.uuid, 'events', 'metric', 'loss.plx'))).toBe(true);
    expect(readdirSync(join(server.artifactsDir, run.uuid, 'plxlogs')).length).toBeGreaterThan(0);
    const logs = await px(sb, ['ops', 'logs', '-p', 'acme/lab', '--uid', run.uuid, '-nf', '-h'], { env: { POLYAXON_HOST: server.url } });
    expect(logs.stdout).toContain('trained lr=0.5');
  });
  it('faithful mode: creates the run through the API (managed by cli), posts the statuses and uploads the logs', async () => {
    server.state.clear();
    server.state.addProject({ name: 'lab', owner: 'acme' });
    const result = await px(sb, ['run', '-f', join(LOCAL, 'job.yaml'), '-P', 'who=server', '--local', '-exc', 'process', '-p', 'acme/lab'], { env: { POLYAXON_HOST: server.url } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('hello server');
    const create = server.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/acme/lab/runs');
    expect(create?.body).toMatchObject({ managed_by: 'cli', name: 'greet' });
    const uuid = /runs\/([0-9a-f]{32})/.exec(server.requests.find((r) => r.path.includes('/statuses') && r.method === 'POST')?.path ?? '')?.[1];
    const posted = server.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/acme/lab/runs/${uuid}/statuses`).map((r) => (r.body as { condition: { type: string; reason: string } }).condition);
    expect(posted.map((c) => c.type)).toEqual(['scheduled', 'starting', 'running', 'succeeded']);
    expect(posted.every((c) => c.reason === 'CliProcessExecutor')).toBe(true);
    expect(readdirSync(join(server.artifactsDir, uuid!, 'plxlogs')).length).toBeGreaterThan(0);
    expect(runs()).toEqual([]);
  });

  it('ops execute: executes a run created on the server here, with the statuses posted back', async () => {
    server.state.clear();
    server.state.addProject({ name: 'lab', owner: 'acme' });
    const created = await px(sb, ['run', '-f', join(LOCAL, 'job.yaml'), '-P', 'who=executor', '-p', 'acme/lab'], { env: { POLYAXON_HOST: server.url } });
    expect(created.code, created.stderr).toBe(0);
    const uuid = server.state.listRuns('acme', 'lab')[0]!.uuid;
    const result = await px(sb, ['ops', 'execute', '-p', 'acme/lab', '-uid', uuid, '-exc', 'process'], { env: { POLYAXON_HOST: server.url } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('hello executor');
    expect(result.stderr).toContain('experimental');
    const posted = server.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/acme/lab/runs/${uuid}/statuses`).map((r) => (r.body as { condition: { type: string; reason: string } }).condition);
    expect(posted.map((c) => c.type)).toEqual(['scheduled', 'starting', 'running', 'succeeded']);
    expect(posted.every((c) => c.reason === 'CliProcessExecutor')).toBe(true);
    const missing = await px(sb, ['ops', 'execute', '-p', 'acme/lab', '-uid', 'f'.repeat(32), '-exc', 'process'], { env: { POLYAXON_HOST: server.url } });
    expect(missing.code).toBe(1);
  });

  it('faithful mode: a bare tracking.init() in the process logs into the server run', async () => {
    server.state.clear();
    server.state.addProject({ name: 'lab', owner: 'acme' });
    const before = server.requests.length;
    const result = await px(sb, ['run', '-f', join(LOCAL, 'tracked.yaml'), '-P', 'lr=0.3', '--local', '-exc', 'process', '-p', 'acme/lab'], { env: { POLYAXON_HOST: server.url } });
    expect(result.code, result.stderr).toBe(0);
    const created = server.requests.slice(before).filter((r) => r.method === 'POST' && r.path === '/api/v1/acme/lab/runs');
    expect(created).toHaveLength(1);
    const uuid = server.state.listRuns('acme', 'lab')[0]!.uuid;
    expect(readFileSync(join(server.artifactsDir, uuid, 'events', 'metric', 'loss.plx'), 'utf8').split('\n')).toHaveLength(6);
    expect(server.state.getRun('acme', 'lab', uuid)).toMatchObject({ status: 'succeeded' });
  });
});

describe('sweeps and pipelines', () => {
  it('runs a grid sweep with concurrency and early stopping, children recorded under the parent', async () => {
    const result = await px(sb, local('sweep.yaml', '--matrix-concurrency', '1').slice(0, -2).concat(['--concurrency', '2']));
    expect(result.code, result.stderr).toBe(0);
    const all = runs();
    const parent = all.find((r) => r.kind === 'matrix')!;
    const children = all.filter((r) => r.pipeline?.uuid === parent.uuid);
    expect(children).toHaveLength(6);
    expect(result.stderr).toContain('Early stopping: a run reached score=');
    expect(children.filter((c) => c.status === 'skipped').length).toBeGreaterThanOrEqual(1);
    expect(parent.status).toBe('succeeded');
    expect(result.stdout).toMatch(/\[sweep-\d\] trained lr=/);
    expect(result.stdout).toMatch(/│ 1 +│ [0-9a-f]{8} │ sweep-\d │ succeeded │ 0\.\d +│ 0\.\d/);

    // the parent and its children push like any offline runs
    const server = await startApiServer();
    try {
      server.state.addProject({ name: 'lab', owner: 'acme' });
      const pushed = await px(sb, ['ops', 'push', '-a', '--no-artifacts'], { env: { POLYAXON_HOST: server.url } });
      expect(pushed.code, pushed.stderr).toBe(0);
      const synced = server.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/acme/lab/runs/sync');
      expect(synced).toHaveLength(7);
      expect(synced.map((r) => (r.body as { pipeline?: { uuid: string } }).pipeline?.uuid).filter((u) => u === parent.uuid)).toHaveLength(6);
    } finally {
      await server.close();
    }
  });

  it('builds a sweep from -HP and stops it on Ctrl-C: the running child and the rest are stopped', async () => {
    const hp = await px(sb, local('job.yaml', '-HP', 'who=choice:["ann","bob"]'));
    expect(hp.code, hp.stderr).toBe(0);
    expect(hp.stdout).toContain('hello ann\n');
    expect(hp.stdout).toContain('hello bob\n');
    expect(runs().filter((r) => r.kind === 'job')).toHaveLength(2);

    writeFileSync(join(sb.cwd, 'slow.yaml'), 'version: 1.1\nkind: operation\nname: slow\nmatrix:\n  kind: mapping\n  values: [{n: 1}, {n: 2}, {n: 3}]\ncomponent:\n  inputs: [{name: n, type: int}]\n  run:\n    kind: job\n    container:\n      image: x\n      command: [node, -e, "console.log(\'ready {{ n }}\'); setTimeout(() => {}, 60000)"]\n');
    const { code } = await interrupted(['run', '-f', 'slow.yaml', '--local', '--offline', '-exc', 'process'], ['ready 1\n']);
    expect(code).toBe(130);
    const slow = runs().filter((r) => r.name?.startsWith('slow'));
    expect(slow.find((r) => r.kind === 'matrix')?.status).toBe('stopped');
    expect(slow.filter((r) => r.kind === 'job').map((r) => r.status)).toEqual(['stopped', 'stopped', 'stopped']);
  });

  it('runs a dag: outputs passed downstream, trigger policies, independent ops concurrently', async () => {
    const result = await px(sb, local('dag.yaml'));
    expect(result.code).toBe(1);
    const all = runs();
    const byName = new Map(all.map((r) => [r.name, r]));
    expect(byName.get('pipe')).toMatchObject({ kind: 'dag', status: 'failed' });
    expect(byName.get('produce')).toMatchObject({ status: 'succeeded', outputs: { score: 0.25 } });
    expect(byName.get('consume')).toMatchObject({ status: 'succeeded', inputs: { msg: 0.25 } });
    expect(logValues(byName.get('consume')!.uuid)).toContain('got 0.25');
    expect(byName.get('broken')?.status).toBe('failed');
    expect(byName.get('after-failure')?.status).toBe('skipped');
    expect(byName.get('other')?.status).toBe('succeeded');
  });
});

describe('docker executor (a stand-in docker on PATH)', () => {
  it('runs `docker run` with upstream\'s conversion, and --dry-run prints it', async () => {
    const bin = join(sb.root, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'docker'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(sb.root, 'argv.txt')}"\necho from-docker\n`);
    chmodSync(join(bin, 'docker'), 0o755);
    writeFileSync(
      join(sb.cwd, 'gpu.yaml'),
      'version: 1.1\nkind: component\nname: gpu\nrun:\n  kind: job\n  container:\n    image: pytorch/pytorch:2\n    command: [python, train.py]\n    args: [--epochs, "3"]\n    workingDir: /code\n    env: [{name: A, value: "1"}]\n    resources: {limits: {cpu: "2", memory: 512Mi, nvidia.com/gpu: 1}}\n',
    );
    const env = { PATH: `${bin}:${sb.env.PATH}` };
    const result = await px(sb, ['run', '-f', 'gpu.yaml', '--local', '--offline', '-exc', 'docker'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('from-docker');
    const [run] = runs();
    const argv = readFileSync(join(sb.root, 'argv.txt'), 'utf8').trimEnd().split('\n');
    expect(argv.slice(0, 4)).toEqual(['run', '--rm', '--name', `plx-local-${run!.uuid}`]);
    expect(argv).toEqual(expect.arrayContaining(['-e', 'A=1', '-e', `POLYAXON_RUN_INSTANCE=default.local.runs.${run!.uuid}`, '-e', 'POLYAXON_IS_OFFLINE=true', '-e', 'POLYAXON_OFFLINE_ROOT=/plx-context/offline']));
    expect(argv).toEqual(expect.arrayContaining(['-v', `${join(sb.offlineRoot, 'runs', run!.uuid)}:/plx-context/offline/runs/${run!.uuid}`]));
    expect(argv.slice(argv.indexOf('-w'))).toEqual(['-w', '/code', '--cpus', '2', '--memory', '512m', '--gpus', '1', '--entrypoint', 'python', 'pytorch/pytorch:2', 'train.py', '--epochs', '3']);
    expect(run!.status_conditions.at(-1)).toMatchObject({ type: 'succeeded', reason: 'CliDockerExecutor' });

    const dry = await px(sb, ['run', '-f', 'gpu.yaml', '--local', '--offline', '-exc', 'docker', '--dry-run'], { env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^docker run --rm --name 'plx-local-<uuid>' .* -w \/code --cpus 2 --memory 512m --gpus 1 --entrypoint python pytorch\/pytorch:2 train.py --epochs 3\n$/);
    expect(runs()).toHaveLength(1);
  });
});

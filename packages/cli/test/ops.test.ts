import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiServer } from '@px/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, px, type Sandbox, useApiServer } from './helpers';

let server: ApiServer;
let sb: Sandbox;
useApiServer([{ name: 'demo', description: 'demo project' }], (s, b) => {
  server = s;
  sb = b;
});
beforeEach(async () => {
  expect((await px(sb, ['init', '-p', 'demo', '--yes'])).code).toBe(0);
});

function seedRun(extra: Record<string, unknown> = {}): string {
  return server.state.addRun({ project: 'demo', name: 'seeded', kind: 'job', status: 'succeeded', ...extra }).uuid;
}

describe('px run', () => {
  it('creates a run from a Polyaxonfile and caches it like the Python CLI', async () => {
    const result = await px(sb, ['run', '-f', join(FIXTURES, 'job.yaml')]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Creating a new run...');
    expect(lines[1]).toMatch(/^A new run was created: default\/demo:golden-job@[0-9a-f]{32}$/);
    expect(lines[2]).toMatch(new RegExp(`^You can view this run on Polyaxon UI: ${server.url}/ui/default/demo/runs/[0-9a-f]{32}/$`));
    const post = server.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/default/demo/runs');
    const body = post?.body as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['content', 'managed_by']);
    expect(JSON.parse(body.content as string)).toMatchObject({ kind: 'operation', component: { name: 'golden-job' } });
    const cached = sb.readJson(join(sb.cwd, '.polyaxon', '.run')) as Record<string, unknown>;
    expect(lines[1]).toContain(String(cached.uuid));
  });

  it('passes name, tags, params and prints the run as JSON with -o json', async () => {
    const result = await px(sb, ['run', '-f', join(FIXTURES, 'typed.yaml'), '-P', 'lr=0.1', '-n', 'exp-1', '--tags', 'a,b', '-o', 'json']);
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run).toMatchObject({ name: 'exp-1', tags: ['a', 'b'] });
    expect(run.url).toBe(`${server.url}/ui/default/demo/runs/${String(run.uuid)}/`);
  });

  it('fails before creating anything when the Polyaxonfile is invalid', async () => {
    const before = server.requests.length;
    const result = await px(sb, ['run', '-f', join(FIXTURES, 'typed.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Polyaxonfile is not valid');
    expect(server.requests.slice(before).some((r) => r.method === 'POST' && r.path.endsWith('/runs'))).toBe(false);
    expect((await px(sb, ['run', '-f', join(FIXTURES, 'job.yaml'), '-l', '-s'])).code).toBe(1);
    expect((await px(sb, ['run', '-f', join(FIXTURES, 'job.yaml'), '-p', 'ghost'])).stderr).toContain('Could not create a run.');
  });

  it('uploads the working directory with --upload and approves the run', async () => {
    writeFileSync(join(sb.cwd, 'train.py'), 'print("hi")\n');
    const result = await px(sb, ['run', '-f', join(FIXTURES, 'job.yaml'), '-u']);
    expect(result.code).toBe(0);
    const uuid = /@([0-9a-f]{32})/.exec(result.stdout)![1]!;
    expect(readFileSync(join(server.artifactsDir, uuid, 'uploads', 'train.py'), 'utf8')).toBe('print("hi")\n');
    const post = server.requests.findLast((r) => r.method === 'POST' && r.path === '/api/v1/default/demo/runs');
    expect(post?.body).toMatchObject({ pending: 'upload', meta_info: { upload_artifacts: 'uploads' } });
    expect(server.requests.some((r) => r.path.endsWith(`/runs/${uuid}/approve`))).toBe(true);
  });
});

describe('px run: matrix, mounts, approval and git preset', () => {
  const postedContent = (): Record<string, unknown> => {
    const post = server.requests.findLast((r) => r.method === 'POST' && r.path === '/api/v1/default/demo/runs');
    return JSON.parse((post?.body as { content: string }).content) as Record<string, unknown>;
  };

  it('builds a matrix from -HP and the --matrix-* options', async () => {
    const args = ['run', '-f', join(FIXTURES, 'typed.yaml'), '-HP', 'lr=choice:[0.1, 0.2]', '-HP', 'epochs=range:[1, 4, 1]'];
    const result = await px(sb, [...args, '--matrix-kind', 'random', '--matrix-concurrency', '2', '--matrix-num-runs', '3']);
    expect(result.code).toBe(0);
    expect(postedContent().matrix).toEqual({
      kind: 'random',
      concurrency: 2,
      numRuns: 3,
      params: { lr: { kind: 'choice', value: [0.1, 0.2] }, epochs: { kind: 'range', value: { start: 1, stop: 4, step: 1 } } },
    });
    const bad = await px(sb, [...args, '--matrix-concurrency', 'two']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Invalid value for '--matrix-concurrency': 'two' is not a valid integer.");
  });

  it('uploads -m mounts (and mounts of the Polyaxonfile), waits --approve-after, then approves', async () => {
    mkdirSync(join(sb.cwd, 'data'));
    writeFileSync(join(sb.cwd, 'data', 'x.csv'), '1,2\n');
    mkdirSync(join(sb.cwd, 'code'));
    writeFileSync(join(sb.cwd, 'code', 'train.py'), 'print(1)\n');
    writeFileSync(join(sb.cwd, 'op.yaml'), `version: 1.1\nkind: operation\npathRef: ${join(FIXTURES, 'job.yaml')}\nmount: ["./code:src"]\n`);
    const result = await px(sb, ['run', '-f', 'op.yaml', '-m', './data:datasets', '-m', './data', '-aa', '1']);
    expect(result.code).toBe(0);
    const uuid = /@([0-9a-f]{32})/.exec(result.stdout)![1]!;
    expect(readFileSync(join(server.artifactsDir, uuid, 'src', 'train.py'), 'utf8')).toBe('print(1)\n');
    expect(readFileSync(join(server.artifactsDir, uuid, 'datasets', 'x.csv'), 'utf8')).toBe('1,2\n');
    expect(readFileSync(join(server.artifactsDir, uuid, 'uploads', 'x.csv'), 'utf8')).toBe('1,2\n');
    expect(result.stdout).toContain('Waiting 1s to approve the run...');
    const post = server.requests.findLast((r) => r.method === 'POST' && r.path === '/api/v1/default/demo/runs');
    expect(post?.body).toMatchObject({ pending: 'upload' });
    expect(postedContent().mount).toEqual(['./code:src', './data:datasets', './data']);
    expect(server.requests.some((r) => r.path.endsWith(`/runs/${uuid}/approve`))).toBe(true);
  });

  it('runs a hub component of the host, read with the user\'s token (--hub)', async () => {
    server.state.addVersion({ owner: 'acme', project: 'trainer', kind: 'component', name: 'v1', content: readFileSync(join(FIXTURES, 'typed.yaml'), 'utf8') });
    const result = await px(sb, ['run', '--hub', 'acme/trainer:v1', '-P', 'lr=0.2'], { env: { POLYAXON_AUTH_TOKEN: 'hub-token-5678' } });
    expect(result.code).toBe(0);
    expect(postedContent()).toMatchObject({ hubRef: 'acme/trainer:v1', component: { name: 'typed' }, params: { lr: { value: '0.2' } } });
    const read = server.requests.find((r) => r.method === 'GET' && r.path === '/api/v1/acme/trainer/versions/component/v1');
    expect(read?.authorization).toBe('Token hub-token-5678');
    expect(result.stdout + result.stderr).not.toContain('hub-token-5678');
  });

  it('adds the git initializer of polyaxongit.yaml at the current commit with --git-preset', async () => {
    const noConfig = await px(sb, ['run', '-f', join(FIXTURES, 'job.yaml'), '--git-preset']);
    expect(noConfig.code).toBe(1);
    expect(noConfig.stderr).toContain('the current path is not initialized with a valid git connection or a git url');
    expect((await px(sb, ['init', '--git-url', 'https://github.com/org/repo', '--yes'])).code).toBe(0);
    const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'px', GIT_AUTHOR_EMAIL: 'px@example.com', GIT_COMMITTER_NAME: 'px', GIT_COMMITTER_EMAIL: 'px@example.com' };
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: sb.cwd, env: gitEnv, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    const head = git('rev-parse', 'HEAD');
    const result = await px(sb, ['run', '-f', join(FIXTURES, 'job.yaml'), '--git-preset']);
    expect(result.code).toBe(0);
    expect(postedContent().runPatch).toEqual({ init: [{ git: { url: 'https://github.com/org/repo', revision: head } }] });
    writeFileSync(join(sb.cwd, 'dirty.txt'), 'x');
    const pinned = await px(sb, ['run', '-f', join(FIXTURES, 'job.yaml'), '--git-revision', 'v1.0']);
    expect(pinned.code).toBe(0);
    expect(postedContent().runPatch).toEqual({ init: [{ git: { url: 'https://github.com/org/repo', revision: 'v1.0' } }] });
    const dirty = await px(sb, ['run', '-f', join(FIXTURES, 'job.yaml'), '--git-preset']);
    expect(dirty.stderr).toContain('uncommitted changes');
  });
});

describe('px ops (online)', () => {
  it('lists, gets (and caches) runs and their statuses', async () => {
    const uuid = seedRun({ inputs: { lr: 0.1 } });
    const ls = await px(sb, ['ops', 'ls']);
    expect(ls.code).toBe(0);
    expect(ls.stdout).toContain('Runs for project `default/demo`.');
    expect(ls.stdout).toContain(uuid);
    const io = await px(sb, ['ops', 'ls', '-io', '-c', 'uuid,name', '--to-csv']);
    expect(io.stdout).toContain('in.lr');
    expect(readFileSync(join(sb.cwd, 'results.csv'), 'utf8')).toBe(`uuid,name,in.lr\n${uuid},seeded,0.1\n`);
    const unsupported = await px(sb, ['ops', 'dashboard', '--uid', uuid, '-SC', 'x']);
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toContain('The option `--server-config` of `px ops dashboard` is not supported by px');
    const json = JSON.parse((await px(sb, ['ops', 'ls', '-o', 'json', '-q', 'status:succeeded', '-s', '-created_at', '-l', '5'])).stdout);
    expect(json.count).toBe(1);
    expect(server.requests.at(-1)?.target).toContain('limit=5');

    const get = await px(sb, ['ops', 'get', '--uid', uuid]);
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/STATUS\s+succeeded/);
    expect((sb.readJson(join(sb.cwd, '.polyaxon', '.run')) as { uuid: string }).uuid).toBe(uuid);
    expect(JSON.parse((await px(sb, ['ops', 'get', '-o', 'json'])).stdout)).toMatchObject({ uuid, url: `${server.url}/ui/default/demo/runs/${uuid}/` });

    const statuses = await px(sb, ['ops', 'statuses']);
    expect(statuses.stdout.split('\n')[0]).toBe('Latest status: succeeded');
    expect(statuses.stdout).toContain('TYPE');
    const watched = await px(sb, ['ops', 'statuses', '-w']);
    expect(watched.code).toBe(0);
    expect(watched.stdout).toContain('Latest status: succeeded');
  });

  it('prints logs (all at once with -nf, hiding times with -h)', async () => {
    const uuid = seedRun();
    const run = server.state.getRun('default', 'demo', uuid)!;
    server.state.addLogs(run, ['first line', 'second line']);
    const result = await px(sb, ['ops', 'logs', '--uid', uuid, '-nf', '-h']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('first line\nsecond line\n');
    const follow = await px(sb, ['ops', 'logs', '--uid', uuid]);
    expect(follow.stdout).toContain('second line');
  });

  it('updates, stops, approves, restarts, resumes and deletes runs', async () => {
    const uuid = seedRun({ status: 'running', content: '{"version":1.1,"kind":"operation"}' });
    expect((await px(sb, ['ops', 'update', '--uid', uuid, '--description', 'new'])).code).toBe(0);
    expect(server.state.getRun('default', 'demo', uuid)?.description).toBe('new');
    expect((await px(sb, ['ops', 'update', '--uid', uuid])).stderr).toContain('No argument was provided');

    const declined = await px(sb, ['ops', 'stop', '--uid', uuid], { input: 'n\n' });
    expect(declined).toMatchObject({ code: 0, stdout: expect.stringContaining('Exiting without stopping run.') });
    expect((await px(sb, ['ops', 'stop', '--uid', uuid, '-y'])).stdout).toContain(`Run \`${uuid}\` is being stopped ...`);
    expect(server.requests.some((r) => r.path.endsWith(`/runs/${uuid}/stop`))).toBe(true);
    expect((await px(sb, ['ops', 'approve', '--uid', uuid])).stdout).toBe(`Run \`${uuid}\` was approved\n`);

    const restarted = await px(sb, ['ops', 'restart', '--uid', uuid]);
    expect(restarted.stdout).toMatch(/^Run was restarted with uid [0-9a-f]{32}\n$/);
    const copied = await px(sb, ['ops', 'restart', '--uid', uuid, '-c', '--copy-dir', 'outputs']);
    expect(copied.stdout).toMatch(/^Run was copied with uid /);
    const copy = server.requests.find((r) => r.path.endsWith(`/runs/${uuid}/copy`));
    expect(copy?.body).toMatchObject({ meta_info: { copy_artifacts: { dirs: [`${uuid}/outputs`] } } });
    const preset = join(sb.root, 'override.yaml');
    writeFileSync(preset, 'queue: agent/gpu\n');
    const overridden = await px(sb, ['ops', 'restart', '--uid', uuid, '-f', preset]);
    expect(overridden.code).toBe(0);
    const restart = server.requests.findLast((r) => r.path.endsWith(`/runs/${uuid}/restart`));
    expect(JSON.parse((restart?.body as { content: string }).content)).toMatchObject({ isPreset: true, queue: 'agent/gpu' });
    const done = seedRun({ content: '{"version":1.1,"kind":"operation"}' });
    expect((await px(sb, ['ops', 'resume', '--uid', done])).stdout).toMatch(/^Run was resumed with uid /);
    const refused = await px(sb, ['ops', 'resume', '--uid', uuid]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: Status: 400\./);

    expect((await px(sb, ['ops', 'dashboard', '--uid', uuid, '--url'])).stdout).toBe(`The run dashboard is available at: ${server.url}/ui/default/demo/runs/${uuid}/\n`);
    expect((await px(sb, ['ops', 'delete', '--uid', uuid])).code).toBe(1);
    expect((await px(sb, ['ops', 'delete', '--uid', uuid, '-y'])).stdout).toBe(`Run \`${uuid}\` was deleted successfully\n`);
  });

  it('uploads and downloads artifacts', async () => {
    const uuid = seedRun();
    mkdirSync(join(sb.cwd, 'data'));
    writeFileSync(join(sb.cwd, 'data', 'a.txt'), 'A');
    const up = await px(sb, ['ops', 'upload', '--uid', uuid, '--path-from', 'data', '--path-to', 'inputs']);
    expect(up.code).toBe(0);
    expect(readFileSync(join(server.artifactsDir, uuid, 'inputs', 'a.txt'), 'utf8')).toBe('A');
    const down = await px(sb, ['ops', 'artifacts', '--uid', uuid, '--path-to', 'dl']);
    expect(down.code).toBe(0);
    expect(readFileSync(join(sb.cwd, 'dl', 'inputs', 'a.txt'), 'utf8')).toBe('A');
    const file = await px(sb, ['ops', 'artifacts', '--uid', uuid, '-f', 'inputs/a.txt', '--path-to', 'one']);
    expect(file.code).toBe(0);
    expect(readFileSync(join(sb.cwd, 'one', 'inputs', 'a.txt'), 'utf8')).toBe('A');
  });

  it('fails clearly without a run or for an unknown run', async () => {
    const none = await px(sb, ['ops', 'get']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Please provide a valid run uuid with `--uid`');
    const missing = await px(sb, ['ops', 'get', '--uid', 'f'.repeat(32)]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n')[0]).toBe('Error: Status: 404. The resource you are looking for was not found. Check if the name or uuid is correct.');
    const down = await px(sb, ['ops', 'ls'], { env: { POLYAXON_HOST: 'http://127.0.0.1:9' } });
    expect(down.code).toBe(1);
    expect(down.stderr.split('\n')).toHaveLength(2);
  });
});

describe('px ops (offline runs)', () => {
  const uuid = 'a'.repeat(32);
  beforeEach(() => {
    const dir = join(sb.offlineRoot, 'runs', uuid);
    mkdirSync(join(dir, 'outputs'), { recursive: true });
    writeFileSync(
      join(dir, 'run.plx.json'),
      JSON.stringify({
        uuid,
        name: 'offline-exp',
        owner: 'default',
        project: 'demo',
        created_at: '2026-11-23T00:32:41.692735+00:00',
        managed_by: 'user',
        is_managed: false,
        status: 'succeeded',
        kind: 'job',
        runtime: 'job',
        inputs: { lr: 0.01 },
        status_conditions: [{ type: 'created', status: true, reason: 'OfflineOperation', message: 'Operation is starting' }],
      }),
    );
    writeFileSync(join(dir, 'lineages.plx.json'), '[]');
    writeFileSync(join(dir, 'outputs', 'model.bin'), 'weights');
  });

  it('lists and reads offline runs', async () => {
    const before = server.requests.length;
    const ls = await px(sb, ['ops', 'ls', '--offline']);
    expect(ls.code).toBe(0);
    expect(ls.stdout).toContain('offline-exp');
    expect((await px(sb, ['--offline', 'ops', 'ls', '-o', 'json'])).stdout).toContain(uuid);
    expect((await px(sb, ['ops', 'get', '--offline', '--uid', uuid])).stdout).toMatch(/NAME\s+offline-exp/);
    expect((await px(sb, ['ops', 'statuses', '--offline', '--uid', uuid])).stdout).toContain('Latest status: succeeded');
    expect((await px(sb, ['ops', 'get', '--offline', '--uid', 'b'.repeat(32)])).code).toBe(1);
    expect(server.requests.length).toBe(before);
  });

  it('pushes an offline run with its artifacts, then deletes the local copy', async () => {
    const result = await px(sb, ['ops', 'push', '--uid', uuid]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Offline run \`${uuid}\` was pushed to default/demo`);
    expect(server.state.getRun('default', 'demo', uuid)).toMatchObject({ name: 'offline-exp' });
    expect(readFileSync(join(server.artifactsDir, uuid, 'outputs', 'model.bin'), 'utf8')).toBe('weights');
    expect((await px(sb, ['ops', 'delete', '--offline', '--uid', uuid, '-y'])).code).toBe(0);
    expect(existsSync(join(sb.offlineRoot, 'runs', uuid))).toBe(false);
    expect((await px(sb, ['ops', 'push'])).code).toBe(1);
  });

  it('pushes every offline run with -a: a run that fails is reported, the others are pushed, and the exit code is 1', async () => {
    const broken = 'c'.repeat(32);
    mkdirSync(join(sb.offlineRoot, 'runs', broken), { recursive: true });
    writeFileSync(join(sb.offlineRoot, 'runs', broken, 'run.plx.json'), '{"uuid": ');
    const result = await px(sb, ['ops', 'push', '-a', '--no-artifacts']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Pushing offline runs (total: 2) ...');
    expect(result.stdout).toContain(`Offline run \`${uuid}\` was pushed to default/demo`);
    expect(server.state.getRun('default', 'demo', uuid)).toMatchObject({ name: 'offline-exp' });
    expect(result.stderr).toContain(`Error: Could not push offline run \`${broken}\`: `);
    expect(result.stderr).toContain(`1 of 2 offline runs could not be pushed: \`${broken}\`.`);
  });

  it('pulls a remote run into the offline root', async () => {
    const remote = seedRun({ name: 'remote' });
    const result = await px(sb, ['ops', 'pull', '--uid', remote]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('has no artifacts to download');
    expect(sb.readJson(join(sb.offlineRoot, 'runs', remote, 'run.plx.json'))).toMatchObject({ uuid: remote, name: 'remote' });
  });
});

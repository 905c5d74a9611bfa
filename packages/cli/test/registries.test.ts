import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiServer } from '@px/testkit';
import { describe, expect, it } from 'vitest';
import { px, type Sandbox, useApiServer } from './helpers';

// `px models`, `px artifacts` and `px components` against the test API server (which validates every
// exchange against the official OpenAPI and answers like api-samples 59–108).

let server: ApiServer;
let sb: Sandbox;
useApiServer([{ name: 'demo' }, { name: 'other' }], (s, b) => {
  server = s;
  sb = b;
});

const COMPONENT = `version: 1.1
kind: component
name: echo
inputs:
  - name: msg
    type: str
    isOptional: true
    value: hello
run:
  kind: job
  container:
    image: busybox
    command: [echo, "{{ msg }}"]
`;

function seedRun(): string {
  const run = server.state.addRun({ project: 'demo', name: 'trainer', status: 'succeeded' });
  server.state.addLineage(run, [{ name: 'model', kind: 'model', path: 'outputs/model.bin', summary: { framework: 'sklearn' } }]);
  mkdirSync(join(server.artifactsDir, run.uuid, 'outputs'), { recursive: true });
  writeFileSync(join(server.artifactsDir, run.uuid, 'outputs', 'model.bin'), 'weights');
  return run.uuid;
}

describe('px models', () => {
  it('registers a run as a model version, lists it, gets it and shows its stages', async () => {
    const uuid = seedRun();
    const registered = await px(sb, ['models', 'register', '-p', 'demo', '-ver', 'v1', '--run-uid', uuid, '--artifacts', 'model', '--description', 'first', '--tags', 'best,prod', '--content', '{"framework": "sklearn"}']);
    expect(registered).toMatchObject({ code: 0, stderr: '' });
    expect(registered.stdout).toBe(`Version \`default/demo:v1\` was created successfully.\nYou can view this version on Polyaxon UI: ${server.url}/ui/default/demo/models/v1/\n`);
    expect(server.requests.findLast((r) => r.method === 'POST')?.body).toEqual({
      name: 'v1',
      kind: 'model',
      description: 'first',
      tags: ['best', 'prod'],
      content: '{"framework": "sklearn"}',
      run: uuid,
      artifacts: ['model'],
    });

    const ls = await px(sb, ['models', 'ls', '-p', 'demo', '-q', 'stage:testing', '-s', '-created_at', '--limit', '5', '--offset', '0']);
    expect(ls.code).toBe(0);
    expect(ls.stdout).toContain('Versions for <owner: default> <project: demo>');
    expect(ls.stdout).toMatch(/│ v1\s+│ \["best","prod"\]/);
    expect(server.requests.at(-1)?.target).toBe('GET /api/v1/default/demo/versions/model?limit=5&sort=-created_at&query=stage%3Atesting');
    const json = JSON.parse((await px(sb, ['models', 'ls', '-p', 'demo', '-o', 'json'])).stdout) as { count: number; results: { name: string }[] };
    expect(json).toMatchObject({ count: 1, results: [{ name: 'v1' }] });
    expect((await px(sb, ['models', 'ls', '-p', 'demo', '-q', 'name:nope'])).stdout).toBe('No version found for <owner: default> <project: demo>\n');

    const get = await px(sb, ['models', 'get', '-p', 'demo', '-ver', 'v1']);
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/Version info:\n {2}UUID\s+[0-9a-f]{32}\n {2}NAME\s+v1\n/);
    expect(get.stdout).toContain('Version artifacts lineage:');
    expect(get.stdout).toContain('"path": "outputs/model.bin"');
    expect(get.stdout).toContain('Content:\nframework: sklearn\n');
    const yaml = await px(sb, ['models', 'get', '-p', 'demo', '-ver', 'v1', '-o', 'yaml']);
    expect(yaml.stdout).toContain('name: v1\n');
    expect(yaml.stdout).toContain('artifacts:\n- model\n');
    expect(JSON.parse((await px(sb, ['models', 'get', '-p', 'demo', '-ver', 'v1', '-o', 'json'])).stdout)).toMatchObject({ name: 'v1', run: uuid, artifacts: ['model'] });

    const stages = await px(sb, ['models', 'stages', '-p', 'demo', '-ver', 'v1']);
    expect(stages.stdout).toContain('Latest stage: testing');
    expect(stages.stdout).toContain('ModelVersionCreated');
    expect(JSON.parse((await px(sb, ['models', 'stages', '-p', 'demo', '-ver', 'v1', '-o', 'json'])).stdout)).toMatchObject({
      stage: 'testing',
      stage_conditions: [{ type: 'testing', message: 'A new model version is created' }],
    });
  });

  it('stages, updates, copies, transfers and deletes versions, with upstream messages', async () => {
    server.state.addVersion({ project: 'demo', kind: 'model', name: 'v1' });
    const staged = await px(sb, ['models', 'stage', '-p', 'demo', '-ver', 'v1', '-to', 'production', '--reason', 'CI', '--message', 'ship it']);
    expect(staged).toMatchObject({ code: 0, stdout: "The model version's stage was updated.\n" });
    expect(server.requests.find((r) => r.target.endsWith('/stages') && r.method === 'POST')?.body).toMatchObject({
      condition: { type: 'production', status: true, reason: 'CI', message: 'ship it' },
    });
    expect(server.state.getVersion('default', 'demo', 'model', 'v1')?.stage).toBe('production');
    expect(await px(sb, ['models', 'stage', '-p', 'demo', '-ver', 'v1'])).toMatchObject({
      code: 1,
      stderr: 'Error: No argument was provided to update the version stage, please provide a correct `--to` value.\n',
    });
    expect((await px(sb, ['models', 'stage', '-p', 'demo', '-ver', 'v1', '--to', 'bogus'])).code).toBe(2);

    const updated = await px(sb, ['models', 'update', '-p', 'demo', '-ver', 'v1', '--description', 'better', '--tags', 'a,b']);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toMatch(/^The model version updated\.\nVersion info:\n/);
    expect(server.state.getVersion('default', 'demo', 'model', 'v1')).toMatchObject({ description: 'better', tags: ['a', 'b'] });
    expect(await px(sb, ['models', 'update', '-p', 'demo', '-ver', 'v1'])).toMatchObject({ code: 1, stderr: 'Error: No argument was provided to update the model version default/demo:v1.\n' });

    const copied = await px(sb, ['models', 'copy', '-p', 'demo', '-ver', 'v1', '-to', 'other']);
    expect(copied.stdout).toBe(`Version \`default/demo:v1\` was copied successfully to \`default/other:v1-copy\`.\nYou can view this version on Polyaxon UI: ${server.url}/ui/default/other/models/v1-copy/\n`);
    expect(server.state.getVersion('default', 'other', 'model', 'v1-copy')).toMatchObject({ description: 'better' });
    await px(sb, ['models', 'copy', '-p', 'demo', '-ver', 'v1', '--name', 'v1-backup']);
    expect(server.state.getVersion('default', 'demo', 'model', 'v1-backup')).toBeDefined();

    const moved = await px(sb, ['models', 'transfer', '-p', 'demo', '-ver', 'v1-backup', '--to-project', 'other']);
    expect(moved).toMatchObject({ code: 0, stdout: 'The `model` version was transferred to `other`.\n' });
    expect(server.state.getVersion('default', 'other', 'model', 'v1-backup')).toBeDefined();
    expect((await px(sb, ['models', 'transfer', '-p', 'demo', '-ver', 'v1'])).code).toBe(2);

    const declined = await px(sb, ['models', 'delete', '-p', 'demo', '-ver', 'v1'], { input: 'n\n' });
    expect(declined).toMatchObject({ code: 1 });
    expect(declined.stderr).toContain('Exiting without deleting model version.');
    expect(server.state.getVersion('default', 'demo', 'model', 'v1')).toBeDefined();
    const deleted = await px(sb, ['models', 'delete', '-p', 'demo', '-ver', 'v1', '-y']);
    expect(deleted).toMatchObject({ code: 0, stdout: 'The model version `default/demo:v1` was deleted successfully\n' });
    expect(server.state.getVersion('default', 'demo', 'model', 'v1')).toBeUndefined();
  });

  it('reports 404s, 400s and the server crash as errors with exit 1', async () => {
    const missing = await px(sb, ['models', 'get', '-p', 'demo', '-ver', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error: Could not get model version `default/demo:nope`.\nStatus: 404. The resource you are looking for was not found. Check if the name or uuid is correct.\n');
    expect((await px(sb, ['models', 'delete', '-p', 'demo', '-ver', 'nope', '-y'])).stderr).toContain('Could not delete the model version `default/demo:nope`.');

    const badName = await px(sb, ['models', 'register', '-p', 'demo', '-ver', 'bad name!']);
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('Status: 400. One or more request parameters are incorrect {"name":["Enter a valid');
    await px(sb, ['models', 'register', '-p', 'demo', '-ver', 'v1']);
    const again = await px(sb, ['models', 'register', '-p', 'demo', '-ver', 'v1']);
    expect(again).toMatchObject({ code: 1 });
    expect(again.stderr).toContain('already exists');
    expect((await px(sb, ['models', 'register', '-p', 'demo', '-ver', 'v1', '--force', '--description', 'forced'])).code).toBe(0);
    expect(server.state.getVersion('default', 'demo', 'model', 'v1')?.description).toBe('forced');

    // A run of another project makes the server crash; it answers 405 with an empty page (api-samples 63).
    const uuid = seedRun();
    const crash = await px(sb, ['models', 'register', '-p', 'other', '-ver', 'xrun', '--run-uid', uuid]);
    expect(crash.code).toBe(1);
    expect(crash.stderr).toContain('Error: Could not create version `default/other:xrun`.');
    expect(crash.stderr).toContain('Status: 405. Polyaxon server encountered an internal error');
    expect(crash.stderr).not.toContain('unsupported method');

    const noProject = await px(sb, ['models', 'ls']);
    expect(noProject.code).toBe(1);
    expect(noProject.stderr).toContain('Please provide a valid project');
  });

  it('fails with exit 1 and the server answer on the other subcommands too', async () => {
    const cases: [string[], string][] = [
      [['copy', '-ver', 'nope', '-to', 'other'], 'Could not copy version `default/demo:nope`.'],
      [['stages', '-ver', 'nope'], 'Could not get model version `default/demo:nope`.'],
      [['update', '-ver', 'nope', '--description', 'x'], 'Could not update the model version `default/demo:nope`.'],
      [['stage', '-ver', 'nope', '-to', 'staging'], 'Could not update the stage for model version `default/demo:nope`.'],
      [['transfer', '-ver', 'nope', '-to', 'other'], 'Could not transfer the model version `default/demo:nope` to `other`.'],
      [['pull', '-ver', 'nope'], 'Could not pull the model version `default/demo:nope`.'],
      [['push', '-ver', 'nope'], 'Could not load offline version `nope`'],
    ];
    for (const [args, message] of cases) {
      const result = await px(sb, ['models', ...args, '-p', 'demo']);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    server.state.addVersion({ project: 'demo', kind: 'model', name: 'v1' });
    const noTarget = await px(sb, ['models', 'transfer', '-p', 'demo', '-ver', 'v1', '-to', 'missing']);
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr).toContain('Status: 404');
    expect((await px(sb, ['models', 'ls', '-p', 'demo', '--limit', 'x'])).code).toBe(2);
    expect((await px(sb, ['models', 'get', '-p', 'demo', '-ver', 'v1', '-o', 'xml'])).code).toBe(2);
  });

  it('pulls a version with its artifacts and pushes it to another project', async () => {
    const uuid = seedRun();
    server.state.addVersion({ project: 'demo', kind: 'model', name: 'v1', run: uuid, artifacts: ['model'], meta_info: { run: { uuid, name: 'trainer', project: 'demo' }, lineage: [{ name: 'model' }] } });
    const pulled = await px(sb, ['models', 'pull', '-p', 'demo', '-ver', 'v1', '--path', 'versions']);
    expect(pulled.stderr).toBe('');
    const folder = join(sb.cwd, 'versions', 'models', 'v1');
    expect(pulled.stdout).toContain(`Finished pulling the model version \`default/demo:v1\` to \`${folder}\``);
    expect(JSON.parse(readFileSync(join(folder, 'version.plx.json'), 'utf8'))).toMatchObject({ name: 'v1', kind: 'model', run: uuid });
    expect(readFileSync(join(folder, 'outputs', 'model.bin'), 'utf8')).toBe('weights');

    // pushed back to the project recorded in the folder (the server refuses a run of another project)
    expect((await px(sb, ['models', 'delete', '-p', 'demo', '-ver', 'v1', '-y'])).code).toBe(0);
    const pushed = await px(sb, ['models', 'push', '-p', 'other', '-ver', 'v1', '--path', 'versions', '-c']);
    expect(pushed).toMatchObject({ code: 0, stderr: '' });
    expect(pushed.stdout).toContain('Finished pushing the model version `default/demo:v1`');
    expect(server.state.getVersion('default', 'demo', 'model', 'v1')).toMatchObject({ run: uuid, artifacts: ['model'] });
    expect(existsSync(folder)).toBe(false);

    expect((await px(sb, ['models', 'pull', '-p', 'demo'])).code).toBe(1);
    const all = await px(sb, ['models', 'pull', '-p', 'demo', '-a', '--no-artifacts']);
    expect(all.stdout).toContain('Pulling model versions (total: 1) ...');
    expect(existsSync(join(sb.offlineRoot, 'models', 'v1', 'version.plx.json'))).toBe(true);
    expect(existsSync(join(sb.offlineRoot, 'models', 'v1', 'outputs'))).toBe(false);
    const noneLocal = await px(sb, ['models', 'push', '-p', 'demo', '-a', '--path', 'nowhere']);
    expect(noneLocal.code).toBe(1);
    expect(noneLocal.stderr).toContain('does not exist, is not a directory, or is empty');
  });

  it('prints the dashboard url and takes the project and version on the group (deprecated)', async () => {
    const url = await px(sb, ['models', 'dashboard', '-p', 'acme/demo', '-ver', 'v1', '--url']);
    expect(url).toMatchObject({ code: 0, stdout: `The dashboard is available at: ${server.url}/ui/acme/demo/models/v1/\n` });
    const grouped = await px(sb, ['models', '-p', 'demo', '-ver', 'latest', 'dashboard', '--url']);
    expect(grouped.stdout).toContain('/ui/default/demo/models/latest/');
    expect(grouped.stderr).toContain('deprecated');
  });
});

describe('px artifacts', () => {
  it('registers artifact versions and refuses artifacts without a run (400 list)', async () => {
    const orphan = await px(sb, ['artifacts', 'register', '-p', 'demo', '-ver', 'orphan', '--artifacts', 'accuracy']);
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toContain("A run is required to link the artifacts: `['accuracy']`.");
    const uuid = seedRun();
    expect((await px(sb, ['artifacts', 'register', '-p', 'demo', '-ver', 'metrics-v1', '--run-uid', uuid, '--artifacts', 'model'])).code).toBe(0);
    const yaml = await px(sb, ['artifacts', 'ls', '-p', 'demo', '-o', 'yaml']);
    expect(yaml.stdout).toContain('- uuid: ');
    expect(yaml.stdout).toContain('kind: artifact\n');
    expect((await px(sb, ['models', 'get', '-p', 'demo', '-ver', 'metrics-v1'])).code).toBe(1);
    expect((await px(sb, ['artifacts', 'stage', '-p', 'demo', '-ver', 'metrics-v1', '-to', 'staging'])).stdout).toBe("The artifact version's stage was updated.\n");
  });
});

describe('px components', () => {
  it('checks the Polyaxonfile before registering and prints the content as YAML', async () => {
    writeFileSync(join(sb.cwd, 'component.yaml'), COMPONENT);
    const before = server.requests.length;
    const registered = await px(sb, ['components', 'register', '-f', 'component.yaml', '-p', 'demo', '-ver', 'echo-v1', '--tags', 'util']);
    expect(registered).toMatchObject({ code: 0, stderr: '' });
    const sent = server.requests.slice(before).find((r) => r.method === 'POST')?.body as { content: string };
    expect(JSON.parse(sent.content)).toMatchObject({ version: 1.1, kind: 'component', name: 'echo' });

    const get = await px(sb, ['components', 'get', '-p', 'demo', '-ver', 'echo-v1']);
    expect(get.code).toBe(0);
    expect(get.stdout).toContain('Component inputs:');
    expect(get.stdout).toMatch(/│ name\s+│ type\s+│/);
    expect(get.stdout).toMatch(/Content:\nkind: component\nversion: 1\.1\nname: echo\n/);
    expect(get.stdout).toContain('image: busybox');
  });

  it('points at the file, line and field of an invalid Polyaxonfile and sends nothing', async () => {
    writeFileSync(join(sb.cwd, 'bad.yaml'), 'version: 1.1\nkind: component\nrun:\n  kind: job\n  containr:\n    image: busybox\n');
    const before = server.requests.length;
    const bad = await px(sb, ['components', 'register', '-f', 'bad.yaml', '-p', 'demo', '-ver', 'v1']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Polyaxonfile is not valid.');
    expect(bad.stderr).toMatch(/at `run\.containr`|containr/);
    expect(bad.stderr).toContain(`--> ${join(sb.cwd, 'bad.yaml')}:5`);
    expect(server.requests.slice(before)).toHaveLength(0);
    expect((await px(sb, ['components', 'register', '-p', 'demo', '-ver', 'v1'])).code).toBe(1);
    expect((await px(sb, ['components', 'register', '-f', 'missing.yaml', '-p', 'demo'])).code).toBe(2);
  });

  it('pulls component versions and pushes them back after checking them', async () => {
    server.state.addVersion({ project: 'demo', kind: 'component', name: 'echo-v1', content: COMPONENT });
    expect((await px(sb, ['components', 'pull', '-p', 'demo', '-a'])).code).toBe(0);
    const folder = join(sb.offlineRoot, 'components', 'echo-v1');
    expect(readFileSync(join(folder, 'polyaxonfile.plx.json'), 'utf8')).toContain('version: 1.1');
    const pushed = await px(sb, ['components', 'push', '-p', 'other', '-a', '--reset-project']);
    expect(pushed).toMatchObject({ code: 0 });
    expect(server.state.getVersion('default', 'other', 'component', 'echo-v1')?.content).toBe(COMPONENT.trimEnd());

    // a broken local component is refused before any request, pointing into the local file
    const local = join(sb.offlineRoot, 'components', 'broken');
    mkdirSync(local, { recursive: true });
    writeFileSync(join(local, 'version.plx.json'), JSON.stringify({ name: 'broken', kind: 'component', content: '{"kind": "component"}' }));
    writeFileSync(join(local, 'polyaxonfile.plx.json'), '{\n  "kind": "component",\n  "run": {"kind": "job", "containr": {}}\n}\n');
    const before = server.requests.length;
    const refused = await px(sb, ['components', 'push', '-p', 'other', '-ver', 'broken']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Polyaxonfile is not valid.');
    expect(refused.stderr).toContain(join(local, 'polyaxonfile.plx.json'));
    expect(server.requests.slice(before).filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});

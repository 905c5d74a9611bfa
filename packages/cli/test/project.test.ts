import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiServer } from '@px/testkit';
import { describe, expect, it } from 'vitest';
import { px, type Sandbox, useApiServer } from './helpers';

let server: ApiServer;
let sb: Sandbox;
useApiServer([], (s, b) => {
  server = s;
  sb = b;
});

describe('px project', () => {
  it('creates a project like the Python CLI (message, body, global cache)', async () => {
    const result = await px(sb, ['project', 'create', '--name=golden-cli', '--description=created by the golden CLI session', '--tags=golden,cli']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Project \`golden-cli\` was created successfully.\nYou can view this project on Polyaxon UI: ${server.url}/ui/default/golden-cli/\n`);
    const request = server.requests.find((r) => r.method === 'POST');
    expect(request?.path).toBe('/api/v1/default/projects/create');
    expect(request?.body).toEqual({ name: 'golden-cli', description: 'created by the golden CLI session', tags: ['golden', 'cli'], is_public: false });
    expect(sb.readJson(sb.config('.project'))).toMatchObject({ owner: 'default', name: 'golden-cli', tags: ['golden', 'cli'] });
    const again = await px(sb, ['project', 'create', '-n', 'golden-cli']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Error: Status: 400\./);
  });

  it('create --init also initializes the working directory', async () => {
    const result = await px(sb, ['project', 'create', '-n', 'acme-local', '--init', '--public']);
    expect(result.code).toBe(0);
    expect(sb.readJson(join(sb.cwd, '.polyaxon', '.project'))).toMatchObject({ name: 'acme-local' });
    expect(server.state.getProject('default', 'acme-local')?.is_public).toBe(true);
    const missing = await px(sb, ['project', 'create']);
    expect(missing.code).toBe(2);
  });

  it('lists, gets, updates and deletes projects', async () => {
    server.state.addProject({ name: 'alpha', description: 'first' });
    server.state.addProject({ name: 'beta' });
    const ls = await px(sb, ['project', 'ls']);
    expect(ls.code).toBe(0);
    expect(ls.stdout).toContain('alpha');
    expect(ls.stdout).toContain('beta');
    const json = JSON.parse((await px(sb, ['projects', 'ls', '--output', 'json', '--limit', '1'])).stdout);
    expect(json.results).toHaveLength(1);
    expect(json.count).toBe(2);
    expect(server.requests.at(-1)?.target).toContain('limit=1');

    const get = await px(sb, ['project', 'get', '-p', 'alpha']);
    expect(get.stdout).toContain('Project description:\nfirst');
    expect(get.stdout).toMatch(/NAME\s+alpha/);
    expect(JSON.parse((await px(sb, ['project', 'get', '-p', 'default/alpha', '-o', 'json'])).stdout)).toMatchObject({ name: 'alpha' });
    const yaml = await px(sb, ['project', 'get', '-p', 'alpha', '-o', 'yaml']);
    expect(yaml.stdout).toContain('name: alpha\n');

    const update = await px(sb, ['project', 'update', '-p', 'alpha', '--description', 'changed', '--private', 'false']);
    expect(update.code).toBe(0);
    expect(server.state.getProject('default', 'alpha')).toMatchObject({ description: 'changed', is_public: true });
    const nothing = await px(sb, ['project', 'update', '-p', 'alpha']);
    expect(nothing).toMatchObject({ code: 1, stderr: 'Error: No argument was provided to update the project.\n' });

    const declined = await px(sb, ['project', 'delete', '-p', 'beta'], { input: 'n\n' });
    expect(declined.code).toBe(1);
    expect(server.state.getProject('default', 'beta')).toBeDefined();
    const deleted = await px(sb, ['project', 'delete', '-p', 'beta', '-y']);
    expect(deleted).toMatchObject({ code: 0, stdout: 'Project `default/beta` was deleted successfully\n' });
    const missing = await px(sb, ['project', 'get', '-p', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Status: 404');
  });

  it('needs a project when none is cached', async () => {
    const result = await px(sb, ['project', 'get']);
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr.split('\n')[0]).toBe('Error: Please provide a valid project or initialize a project in the current path.');
  });

  it('prints the dashboard url', async () => {
    server.state.addProject({ name: 'alpha' });
    const result = await px(sb, ['project', 'dashboard', '-p', 'alpha', '--url']);
    expect(result.stdout).toBe(`The project dashboard is available at: ${server.url}/ui/default/alpha/\n`);
  });

  it('accepts the deprecated group option with a warning', async () => {
    server.state.addProject({ name: 'alpha' });
    const result = await px(sb, ['project', '-p', 'alpha', 'get', '-o', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('deprecated');
  });
});

describe('px init', () => {
  it('initializes the local cache, asking before overriding an existing one', async () => {
    await px(sb, ['project', 'create', '--name=golden-cli']);
    const aborted = await px(sb, ['init', '-p', 'golden-cli']);
    expect(aborted.code).toBe(1);
    expect(aborted.stderr).toContain('Warning! This project is already initialized with the following project:');
    expect(aborted.stderr).toContain('Aborted!');
    expect(existsSync(join(sb.cwd, '.polyaxon', '.project'))).toBe(false);
    const ok = await px(sb, ['init', '-p', 'golden-cli', '--yes']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Project was initialized');
    expect(sb.readJson(join(sb.cwd, '.polyaxon', '.project'))).toMatchObject({ owner: 'default', name: 'golden-cli' });
  });

  it('writes polyaxonfile.yaml and .polyaxonignore templates', async () => {
    const result = await px(sb, ['init', '--polyaxonfile', '--polyaxonignore']);
    expect(result.stdout).toBe('polyaxonfile.yaml was created successfully.\nNew .polyaxonignore file was created.\n');
    expect(readFileSync(join(sb.cwd, 'polyaxonfile.yaml'), 'utf8')).toBe(
      '---\nversion: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    # image: # image to use\n    # command: # Command to use\n',
    );
    expect(readFileSync(join(sb.cwd, '.polyaxonignore'), 'utf8')).toMatch(/^\n\.\/\.polyaxon\n\.git\n/);
    const git = await px(sb, ['init', '--git-url', 'https://github.com/acme/repo']);
    expect(git.code).toBe(0);
    expect(readFileSync(join(sb.cwd, 'polyaxongit.yaml'), 'utf8')).toBe('git:\n  url: https://github.com/acme/repo\n');
  });

  it('warns without options and fails for an unknown project', async () => {
    const none = await px(sb, ['init']);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('did not receive any valid option');
    const missing = await px(sb, ['init', '-p', 'ghost']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Make sure you have a project with this name `ghost`');
  });
});

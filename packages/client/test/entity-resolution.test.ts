import { writeProjectCache, writeRunCache } from '@px/context';
import { describe, expect, it } from 'vitest';
import { PolyaxonClient, ProjectClient, RunClient } from '../src/index';
import { tempDir } from './helpers/isolated';

function clientWith(env: Record<string, string>, home = tempDir()): PolyaxonClient {
  return new PolyaxonClient({ config: { host: 'http://127.0.0.1:9' }, context: { env, homeDir: home, cwd: home } });
}

describe('owner/project/run resolution', () => {
  it('parses owner/project references and defaults the owner to `default`', () => {
    const client = clientWith({});
    expect(new ProjectClient({ project: 'acme/demo', client })).toMatchObject({ owner: 'acme', project: 'demo' });
    expect(new ProjectClient({ project: 'acme.demo', client })).toMatchObject({ owner: 'acme', project: 'demo' });
    expect(new ProjectClient({ project: 'demo', client })).toMatchObject({ owner: 'default', project: 'demo' });
    expect(new ProjectClient({ owner: 'acme/team', project: 'demo', client })).toMatchObject({ owner: 'acme', team: 'team', project: 'demo' });
    expect(new RunClient({ project: 'acme/demo', runUuid: 'a'.repeat(32), client })).toMatchObject({ owner: 'acme', project: 'demo', runUuid: 'a'.repeat(32) });
  });

  it('takes a managed run from POLYAXON_RUN_INSTANCE', () => {
    const uuid = 'b'.repeat(32);
    const client = clientWith({ POLYAXON_IS_MANAGED: 'true', POLYAXON_RUN_INSTANCE: `acme.demo.runs.${uuid}` });
    const run = new RunClient({ client });
    expect(run).toMatchObject({ owner: 'acme', project: 'demo', runUuid: uuid });
    expect(run.runData.kind).toBeUndefined();
  });

  it('uses the .project/.run caches for RunClient but not for ProjectClient', () => {
    const home = tempDir();
    const uuid = 'c'.repeat(32);
    writeProjectCache({ owner: 'acme', name: 'cached' }, { homeDir: home, cwd: home, env: {} });
    writeRunCache({ uuid, name: 'r' }, { homeDir: home, cwd: home, env: {} });
    const client = clientWith({}, home);
    expect(new RunClient({ client })).toMatchObject({ owner: 'acme', project: 'cached', runUuid: uuid });
    expect(new ProjectClient({ client })).toMatchObject({ owner: 'default', project: undefined });
  });

  it('offline runs get a fresh uuid and may have no project', () => {
    const client = clientWith({ POLYAXON_IS_OFFLINE: 'true' });
    const run = new RunClient({ client });
    expect(run.isOffline).toBe(true);
    expect(run.runUuid).toMatch(/^[0-9a-f]{32}$/);
    expect(run.runData).toMatchObject({ kind: 'job', runtime: 'job', is_managed: false, managed_by: 'user' });
  });

  it('accepts useHttps for a host without a scheme', () => {
    const client = new PolyaxonClient({ config: { host: '127.0.0.1:9', useHttps: true }, context: { env: {}, homeDir: tempDir() } });
    expect(client.host).toBe('https://127.0.0.1:9');
  });
});

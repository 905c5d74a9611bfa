import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { writeProjectCache, writeRunCache, writeUserFile, writeCliConfigFile } from './index';
import { resolveContext } from './resolve-context';

describe('owner and project', () => {
  it('parses explicit `owner/project` and `org/team/project`', () => {
    const box = sandbox();
    expect(resolveContext(box.options({ project: 'acme/mnist' })).owner).toEqual({ value: 'acme', source: 'explicit' });
    const ctx = resolveContext(box.options({ project: 'acme/ml/mnist' }));
    expect([ctx.owner.value, ctx.team.value, ctx.project.value]).toEqual(['acme', 'ml', 'mnist']);
  });

  it('takes the owner of a bare project from option `owner`, then .user organization, then `default`', () => {
    const box = sandbox();
    expect(resolveContext(box.options({ project: 'mnist' })).owner).toEqual({ value: 'default', source: 'default' });
    writeUserFile({ username: 'bob', organization: 'acme' }, box.options());
    expect(resolveContext(box.options({ project: 'mnist' })).owner).toEqual({ value: 'acme', source: 'cli-config', origin: join(box.home, '.polyaxon/.user') });
    expect(resolveContext(box.options({ project: 'mnist', owner: 'zed' })).owner).toEqual({ value: 'zed', source: 'explicit' });
  });

  it('rejects an owner that conflicts with the owner inside `project`', () => {
    const box = sandbox();
    expect(() => resolveContext(box.options({ project: 'a/p', owner: 'b' }))).toThrow(/conflicts/);
    expect(resolveContext(box.options({ project: 'a/p', owner: 'a' })).owner.value).toBe('a');
  });

  it('rejects invalid names, naming the source', () => {
    const box = sandbox();
    expect(() => resolveContext(box.options({ project: 'acme/bad name' }))).toThrow('invalid project');
    expect(() => resolveContext(box.options({ env: { POLYAXON_PROJECT: 'a/b/c/d' } }))).toThrow('POLYAXON_PROJECT');
  });

  it('reads POLYAXON_PROJECT (px extension) below explicit options', () => {
    const box = sandbox();
    const ctx = resolveContext(box.options({ env: { POLYAXON_PROJECT: 'acme/mnist' } }));
    expect(ctx.project).toEqual({ value: 'mnist', source: 'env', origin: 'POLYAXON_PROJECT' });
    expect(ctx.owner).toEqual({ value: 'acme', source: 'env', origin: 'POLYAXON_PROJECT' });
    expect(resolveContext(box.options({ env: { POLYAXON_PROJECT: 'acme/mnist' }, project: 'other' })).project.value).toBe('other');
  });

  it('uses the run instance only for managed runs', () => {
    const box = sandbox();
    const env = { POLYAXON_RUN_INSTANCE: 'acme.mnist.runs.f00d', POLYAXON_IS_MANAGED: 'true' };
    const ctx = resolveContext(box.options({ env }));
    expect(ctx.owner).toEqual({ value: 'acme', source: 'in-cluster', origin: 'POLYAXON_RUN_INSTANCE' });
    expect(ctx.project).toEqual({ value: 'mnist', source: 'in-cluster', origin: 'POLYAXON_RUN_INSTANCE' });
    expect(ctx.runUuid).toEqual({ value: 'f00d', source: 'in-cluster', origin: 'POLYAXON_RUN_INSTANCE' });
    expect(resolveContext(box.options({ env: { POLYAXON_RUN_INSTANCE: 'acme.mnist.runs.f00d' } })).project.value).toBeUndefined();
    expect(() => resolveContext(box.options({ env: { ...env, POLYAXON_RUN_INSTANCE: 'acme.mnist.f00d' } }))).toThrow(
      'Invalid environment variable POLYAXON_RUN_INSTANCE',
    );
  });

  it('in-cluster beats a stale local cache (upstream lets the cache win)', () => {
    const box = sandbox();
    writeProjectCache({ owner: 'old', name: 'stale' }, box.options(), 'local');
    writeRunCache({ uuid: 'stale-run', owner: 'old', project: 'stale' }, box.options(), 'local');
    const ctx = resolveContext(box.options({ env: { POLYAXON_RUN_INSTANCE: 'acme.mnist.runs.f00d', POLYAXON_IS_MANAGED: '1' } }));
    expect([ctx.owner.value, ctx.project.value, ctx.runUuid.value]).toEqual(['acme', 'mnist', 'f00d']);
  });

  it('falls back to the local cache, then the global cache', () => {
    const box = sandbox();
    const global = writeProjectCache({ owner: 'g', name: 'gp' }, box.options(), 'global');
    expect(resolveContext(box.options()).project).toEqual({ value: 'gp', source: 'local-cache', origin: global });
    const local = writeProjectCache({ owner: 'l', name: 'lp' }, box.options(), 'local');
    const ctx = resolveContext(box.options());
    expect(ctx.project).toEqual({ value: 'lp', source: 'local-cache', origin: local });
    expect(ctx.owner).toEqual({ value: 'l', source: 'local-cache', origin: local });
    expect(resolveContext(box.options({ useCache: false })).project.value).toBeUndefined();
  });

  it('does not pair option `owner` with a cached project of another owner (upstream ignores the option)', () => {
    const box = sandbox();
    writeProjectCache({ owner: 'acme', name: 'p' }, box.options(), 'local');
    const ctx = resolveContext(box.options({ owner: 'zed' }));
    expect(ctx.owner).toEqual({ value: 'zed', source: 'explicit' });
    expect(ctx.project.value).toBeUndefined();
    expect(ctx.tried.project.join(' ')).toContain('differs from option `owner`');
    expect(resolveContext(box.options({ owner: 'acme' })).project.value).toBe('p');
  });

  it('without a community installation (CLI mode) there is no `default` owner', () => {
    const box = sandbox();
    writeCliConfigFile({ installation: { dist: 'ee' } }, box.options());
    expect(resolveContext(box.options({ project: 'p', useCliConfig: true })).owner.value).toBeUndefined();
    expect(resolveContext(box.options({ project: 'p' })).owner.value).toBe('default');
  });
});

describe('run uuid', () => {
  it('explicit wins and is validated', () => {
    const box = sandbox();
    expect(resolveContext(box.options({ runUuid: 'abc' })).runUuid).toEqual({ value: 'abc', source: 'explicit' });
    expect(() => resolveContext(box.options({ runUuid: '../../etc' }))).toThrow('invalid run uuid');
  });

  it('uses the .run cache only for the project it belongs to (upstream uses it for any project)', () => {
    const box = sandbox();
    const runPath = writeRunCache({ uuid: 'r1', owner: 'acme', project: 'mnist' }, box.options(), 'global');
    expect(resolveContext(box.options({ project: 'acme/mnist' })).runUuid).toEqual({ value: 'r1', source: 'local-cache', origin: runPath });
    const other = resolveContext(box.options({ project: 'acme/other' }));
    expect(other.runUuid.value).toBeUndefined();
    expect(other.tried.runUuid.join(' ')).toContain('belongs to acme/mnist');
  });

  it('accepts a .run without owner/project when it sits next to the cached project in effect', () => {
    const box = sandbox();
    writeProjectCache({ owner: 'default', name: 'golden-cli' }, box.options(), 'local');
    writeRunCache({ uuid: 'r2' }, box.options(), 'local');
    expect(resolveContext(box.options()).runUuid.value).toBe('r2');
    expect(resolveContext(box.options({ project: 'default/golden-cli' })).runUuid.value).toBeUndefined();
  });

  it('offline runs never read the .run cache', () => {
    const box = sandbox();
    writeRunCache({ uuid: 'r1', owner: 'acme', project: 'mnist' }, box.options(), 'global');
    expect(resolveContext(box.options({ project: 'acme/mnist', isOffline: true })).runUuid.value).toBeUndefined();
  });
});

describe('explicit owner against other sources', () => {
  it('is reported as explicit even when the cache agrees', () => {
    const box = sandbox();
    writeProjectCache({ owner: 'acme', name: 'p' }, box.options(), 'local');
    const ctx = resolveContext(box.options({ owner: 'acme' }));
    expect(ctx.owner).toEqual({ value: 'acme', source: 'explicit' });
    expect(ctx.project.source).toBe('local-cache');
  });

  it('skips POLYAXON_PROJECT of another owner', () => {
    const box = sandbox();
    const ctx = resolveContext(box.options({ owner: 'zed', env: { POLYAXON_PROJECT: 'acme/p' } }));
    expect(ctx.project.value).toBeUndefined();
    expect(ctx.tried.project.join(' ')).toContain('skipped POLYAXON_PROJECT');
    expect(resolveContext(box.options({ owner: 'zed', env: { POLYAXON_PROJECT: 'p' } })).project.value).toBe('p');
  });

  it('keeps the team of an explicit `org/team` owner', () => {
    const box = sandbox();
    const ctx = resolveContext(box.options({ owner: 'acme/ml', project: 'p' }));
    expect([ctx.owner.value, ctx.team.value]).toEqual(['acme', 'ml']);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { writeCliConfigFile } from './index';
import { ContextError } from './context-error';
import { requireProject, requireRun, requireToken } from './require';
import { resolveContext } from './resolve-context';

function errorOf(fn: () => unknown): ContextError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContextError) return error;
    throw error;
  }
  throw new Error('expected a ContextError');
}

describe('requireProject', () => {
  it('returns owner and project', () => {
    expect(requireProject(resolveContext(sandbox().options({ project: 'acme/ml/p' })))).toEqual({ owner: 'acme', team: 'ml', project: 'p' });
  });

  it('names the option and the env var and lists every source tried', () => {
    const box = sandbox();
    const error = errorOf(() => requireProject(resolveContext(box.options())));
    expect(error.message).toMatch(/^No project: pass `project` .* or set POLYAXON_PROJECT/);
    expect(error.message).toContain('Tried: explicit option `project`, env POLYAXON_PROJECT, in-cluster POLYAXON_RUN_INSTANCE');
    expect(error.message).toContain(`local cache ${join(box.cwd, '.polyaxon/.project')}`);
    expect(error.message).toContain(`global cache ${join(box.home, '.polyaxon/.project')}`);
    expect(error.envVar).toBe('POLYAXON_PROJECT');
    expect(error.tried.length).toBeGreaterThan(3);
    expect(ContextError.isInstance(error)).toBe(true);
  });

  it('explains a missing owner on non-community installations', () => {
    const box = sandbox();
    writeCliConfigFile({ installation: { dist: 'ee' } }, box.options());
    expect(() => requireProject(resolveContext(box.options({ project: 'p', useCliConfig: true })))).toThrow(/No owner for project `p`: pass `owner`/);
  });
});

describe('requireRun', () => {
  it('names runUuid and the in-cluster variables', () => {
    const error = errorOf(() => requireRun(resolveContext(sandbox().options({ project: 'a/p' }))));
    expect(error.message).toMatch(/^No run: pass `runUuid`, or run inside Polyaxon \(POLYAXON_IS_MANAGED=true with POLYAXON_RUN_INSTANCE/);
    expect(error.message).toContain('Tried: explicit option `runUuid`');
  });

  it('returns the full run reference', () => {
    expect(requireRun(resolveContext(sandbox().options({ project: 'a/p', runUuid: 'u1' })))).toEqual({ owner: 'a', team: undefined, project: 'p', runUuid: 'u1' });
  });
});

describe('requireToken', () => {
  it('names the option, the env var and the files tried', () => {
    const box = sandbox();
    const error = errorOf(() => requireToken(resolveContext(box.options())));
    expect(error.message).toMatch(/^No API token: pass `token` or set POLYAXON_AUTH_TOKEN/);
    expect(error.message).toContain(join(box.home, '.polyaxon/.auth'));
    expect(error.message).toContain(join(box.fsRoot, 'plx-context/.configs/.auth'));
  });

  it('returns the token', () => {
    expect(requireToken(resolveContext(sandbox().options({ env: { POLYAXON_AUTH_TOKEN: 't' } })))).toBe('t');
  });
});

// The examples of README.md, run for real.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ContextError,
  formatContext,
  parseProjectRef,
  parseRunInstance,
  parseRunRef,
  purgeAuthFile,
  purgeCliConfigFile,
  purgeUserFile,
  requireProject,
  requireRun,
  resolveContext,
  updateClientConfigFile,
  writeAuthFile,
  writeUserFile,
} from '../src/index';
import { sandbox } from './sandbox';

describe('README examples', () => {
  it('resolve the context with sources', () => {
    const box = sandbox();
    const ctx = resolveContext(box.options({ env: { POLYAXON_HOST: 'https://polyaxon.acme.io/', POLYAXON_AUTH_TOKEN: 'secret' }, project: 'acme/mnist' }));
    expect(ctx.host).toEqual({ value: 'https://polyaxon.acme.io', source: 'env', origin: 'POLYAXON_HOST' });
    expect(ctx.owner).toEqual({ value: 'acme', source: 'explicit' });
    expect(ctx.project).toEqual({ value: 'mnist', source: 'explicit' });
    expect(ctx.token.value).toBe('secret');
    expect(JSON.stringify(ctx)).toContain('"token":{"value":"<redacted>","source":"env","origin":"POLYAXON_AUTH_TOKEN"}');
  });

  it('require what you need', () => {
    const box = sandbox();
    expect(() => requireProject(resolveContext(box.options()))).toThrow(ContextError);
    expect(() => requireProject(resolveContext(box.options()))).toThrow(
      "No project: pass `project` (e.g. 'owner/project') or set POLYAXON_PROJECT, or run `px init --project owner/project`. Tried: explicit option `project`, env POLYAXON_PROJECT, in-cluster POLYAXON_RUN_INSTANCE (only when POLYAXON_IS_MANAGED is true), local cache",
    );
  });

  it('inside a Polyaxon job', () => {
    const box = sandbox();
    box.write(join(box.fsRoot, 'plx-context/.configs/.auth'), '{"POLYAXON_AUTH_USERNAME":"runner","POLYAXON_AUTH_TOKEN":"scoped"}');
    const ctx = resolveContext(box.options({ env: { POLYAXON_IS_MANAGED: 'true', POLYAXON_RUN_INSTANCE: 'acme.mnist.runs.f00d' } }));
    expect(requireRun(ctx)).toEqual({ owner: 'acme', team: undefined, project: 'mnist', runUuid: 'f00d' });
    expect(ctx.token.value).toBe('scoped');
  });

  it('print like px config show', () => {
    const rows = formatContext(resolveContext(sandbox().options()));
    expect(rows.slice(0, 3)).toEqual([
      { key: 'host', value: 'http://localhost:8000', source: 'default', origin: '', envVar: 'POLYAXON_HOST' },
      { key: 'token', value: '', source: 'default', origin: '', envVar: 'POLYAXON_AUTH_TOKEN' },
      { key: 'authenticationType', value: 'Token', source: 'default', origin: '', envVar: 'POLYAXON_AUTHENTICATION_TYPE' },
    ]);
  });

  it('log in and out', () => {
    const box = sandbox();
    const o = box.options();
    updateClientConfigFile({ host: 'http://127.0.0.1:8791' }, o);
    writeAuthFile({ username: 'bob', token: 'secret' }, o);
    writeUserFile({ username: 'bob', organization: 'acme' }, o);
    const dir = join(box.home, '.polyaxon');
    expect(readFileSync(join(dir, '.client'), 'utf8')).toBe('{"POLYAXON_HOST":"http://127.0.0.1:8791","client_header":{}}');
    expect(readFileSync(join(dir, '.auth'), 'utf8')).toBe('{"POLYAXON_AUTH_USERNAME":"bob","POLYAXON_AUTH_TOKEN":"secret"}');
    expect(readFileSync(join(dir, '.user'), 'utf8')).toBe('{"username":"bob","organization":"acme"}');
    expect(resolveContext(o).token.value).toBe('secret');
    purgeAuthFile(o);
    purgeUserFile(o);
    purgeCliConfigFile(o);
    expect(resolveContext(o).token.value).toBeUndefined();
  });

  it('entity references', () => {
    expect(parseProjectRef('acme/mnist')).toEqual({ owner: 'acme', team: undefined, project: 'mnist' });
    expect(parseProjectRef('acme/ml/mnist')).toEqual({ owner: 'acme', team: 'ml', project: 'mnist' });
    expect(parseProjectRef('mnist', { owner: 'bob' })).toEqual({ owner: 'bob', team: undefined, project: 'mnist' });
    expect(parseProjectRef('mnist').owner).toBe('default');
    const ctx = resolveContext(sandbox().options({ project: 'acme/mnist' }));
    expect(parseRunRef('d90edb67fd794fd99989312d3f881ed4', ctx)).toEqual({ owner: 'acme', project: 'mnist', runUuid: 'd90edb67fd794fd99989312d3f881ed4' });
    expect(parseRunRef('acme/mnist/runs/d90edb67')).toEqual({ owner: 'acme', project: 'mnist', runUuid: 'd90edb67' });
    expect(parseRunInstance('acme.mnist.runs.d90edb67')).toEqual({ owner: 'acme', project: 'mnist', runUuid: 'd90edb67' });
    expect(() => parseProjectRef('acme/my project')).toThrow('Received an invalid project');
  });
});

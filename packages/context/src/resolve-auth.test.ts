import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { writeAuthFile, writeClientConfigFile } from './index';
import { resolveContext } from './resolve-context';

describe('token: explicit > in-cluster .auth > env > .client token > .auth > /tmp/.polyaxon/.auth', () => {
  function setup() {
    const box = sandbox();
    const o = box.options();
    const contextAuth = box.write(join(box.fsRoot, 'plx-context/.configs/.auth'), '{"POLYAXON_AUTH_USERNAME":"runner","POLYAXON_AUTH_TOKEN":"scoped"}');
    const tmpAuth = box.write(join(box.fsRoot, 'tmp/.polyaxon/.auth'), '{"token":"tmp","username":"tmp-user"}');
    const auth = writeAuthFile({ username: 'bob', token: 'stored' }, o);
    return { box, contextAuth, tmpAuth, auth };
  }

  it('walks the chain', () => {
    const { box, contextAuth, auth, tmpAuth } = setup();
    const env = { POLYAXON_AUTH_TOKEN: 'from-env' };
    expect(resolveContext(box.options({ env, token: 'explicit' })).token).toEqual({ value: 'explicit', source: 'explicit' });
    expect(resolveContext(box.options({ env })).token).toEqual({ value: 'scoped', source: 'in-cluster', origin: contextAuth });
    expect(resolveContext(box.options({ env })).username).toEqual({ value: 'runner', source: 'in-cluster', origin: contextAuth });
    box.write(contextAuth, '{}');
    expect(resolveContext(box.options({ env })).token).toEqual({ value: 'from-env', source: 'env', origin: 'POLYAXON_AUTH_TOKEN' });
    writeClientConfigFile({ token: 'client-token' }, box.options());
    expect(resolveContext(box.options()).token).toEqual({ value: 'client-token', source: 'cli-config', origin: join(box.home, '.polyaxon/.client') });
    writeClientConfigFile({}, box.options());
    expect(resolveContext(box.options()).token).toEqual({ value: 'stored', source: 'cli-config', origin: auth });
    writeAuthFile({ username: 'bob' }, box.options());
    expect(resolveContext(box.options()).token).toEqual({ value: 'tmp', source: 'cli-config', origin: tmpAuth });
    expect(resolveContext(box.options()).username).toEqual({ value: 'bob', source: 'cli-config', origin: auth });
  });

  it('the sentinel `no-auth` means no token', () => {
    const box = sandbox();
    expect(resolveContext(box.options({ token: 'no-auth' })).token).toEqual({ value: undefined, source: 'explicit' });
    expect(resolveContext(box.options({ env: { POLYAXON_AUTH_TOKEN: 'no-auth' } })).token.value).toBeUndefined();
  });

  it('a malformed in-cluster auth file is an error naming it, without the token', () => {
    const box = sandbox();
    const path = box.write(join(box.fsRoot, 'plx-context/.configs/.auth'), '{"POLYAXON_AUTH_TOKEN":"leak-me"');
    const run = () => resolveContext(box.options());
    expect(run).toThrow(path);
    expect(run).not.toThrow('leak-me');
  });
});

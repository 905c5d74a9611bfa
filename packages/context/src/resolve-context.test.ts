import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { writeAuthFile, writeClientConfigFile, writeHomeFile, writeProjectCache, writeRunCache, writeUserFile, writeCliConfigFile } from './index';
import { ContextError } from './context-error';
import { resolveContext } from './resolve-context';
import type { ResolvedContext } from './resolved-context';

describe('defaults', () => {
  it('resolves upstream defaults (with TLS verification on) in an empty environment', () => {
    const box = sandbox();
    const ctx = resolveContext(box.options());
    expect(ctx.host).toEqual({ value: 'http://localhost:8000', source: 'default' });
    expect(ctx.token).toEqual({ value: undefined, source: 'default' });
    expect(ctx.verifySsl).toEqual({ value: true, source: 'default' });
    expect(ctx.owner).toEqual({ value: 'default', source: 'default' });
    expect(ctx.project.value).toBeUndefined();
    expect(ctx.runUuid.value).toBeUndefined();
    expect(ctx.authenticationType.value).toBe('Token');
    expect(ctx.apiVersion.value).toBe('v1');
    expect(ctx.timeout.value).toBe(20);
    expect(ctx.trackingTimeout.value).toBe(1);
    expect(ctx.watchInterval.value).toBe(5);
    expect(ctx.interval.value).toBe(5);
    expect(ctx.isOffline.value).toBe(false);
    expect(ctx.noOp.value).toBe(false);
    expect(ctx.isManaged.value).toBe(false);
    expect(ctx.collectArtifacts).toEqual({ value: undefined, source: 'default' });
    expect(ctx.offlineRoot.value).toBe(join(box.fsRoot, 'tmp/plx/offline'));
    expect(ctx.artifactsRoot.value).toBe(join(box.fsRoot, 'tmp/plx/artifacts'));
    expect(ctx.archivesRoot.value).toBe(join(box.fsRoot, 'tmp/plx/archives'));
    expect(ctx.contextRoot.value).toBe(join(box.fsRoot, 'plx-context'));
    expect(ctx.configDir).toEqual({ value: join(box.home, '.polyaxon'), source: 'default' });
    expect(ctx.uploadSize.value).toBe(524_288_000);
    expect(ctx.publicRegistry.value).toBe('https://raw.githubusercontent.com/polyaxon/polyaxon-hub/master');
  });

  it('never reads process.env when env is injected', () => {
    const box = sandbox();
    process.env.POLYAXON_HOST = 'http://from-process-env';
    try {
      expect(resolveContext(box.options()).host.value).toBe('http://localhost:8000');
    } finally {
      delete process.env.POLYAXON_HOST;
    }
  });
});

type Key = keyof ResolvedContext;
const clientEnvTable: [string, string, Key, unknown][] = [
  ['POLYAXON_HOST', 'https://plx.acme.io/', 'host', 'https://plx.acme.io'],
  ['POLYAXON_API_VERSION', 'v2', 'apiVersion', 'v2'],
  ['POLYAXON_DEBUG', 'true', 'debug', true],
  ['POLYAXON_LOG_LEVEL', 'info', 'logLevel', 'info'],
  ['POLYAXON_AUTHENTICATION_TYPE', 'InternalToken', 'authenticationType', 'InternalToken'],
  ['POLYAXON_IS_MANAGED', 'Yes', 'isManaged', true],
  ['POLYAXON_IS_OFFLINE', '1', 'isOffline', true],
  ['POLYAXON_K8S_IN_CLUSTER', 'on', 'inCluster', true],
  ['POLYAXON_NO_OP', 't', 'noOp', true],
  ['POLYAXON_TIMEOUT', '3', 'timeout', 3],
  ['POLYAXON_TRACKING_TIMEOUT', '0.5', 'trackingTimeout', 0.5],
  ['POLYAXON_TIME_ZONE', 'Europe/Paris', 'timezone', 'Europe/Paris'],
  ['POLYAXON_WATCH_INTERVAL', '2', 'watchInterval', 2],
  ['POLYAXON_INTERVAL', '1.5', 'interval', 1.5],
  ['POLYAXON_VERIFY_SSL', 'false', 'verifySsl', false],
  ['POLYAXON_SSL_CA_CERT', '/ca.pem', 'sslCaCert', '/ca.pem'],
  ['POLYAXON_CERT_FILE', '/c.pem', 'certFile', '/c.pem'],
  ['POLYAXON_KEY_FILE', '/k.pem', 'keyFile', '/k.pem'],
  ['POLYAXON_ASSERT_HOSTNAME', 'n', 'assertHostname', false],
  ['POLYAXON_CONNECTION_POOL_MAXSIZE', '10', 'connectionPoolMaxsize', 10],
  ['POLYAXON_ARCHIVES_ROOT', '/arch', 'archivesRoot', '/arch'],
  ['POLYAXON_HEADER', 'X-POLYAXON-SERVICE', 'header', 'X-POLYAXON-SERVICE'],
  ['POLYAXON_HEADER_SERVICE', 'runner', 'headerService', 'runner'],
  ['POLYAXON_K8S_NAMESPACE', 'plx', 'namespace', 'plx'],
  ['POLYAXON_NO_API', 'yes', 'noApi', true],
  ['POLYAXON_DISABLE_ERRORS_REPORTING', 'TRUE', 'disableErrorsReporting', true],
  ['POLYAXON_INTERVALS_COMPATIBILITY_CHECK', '-1', 'compatibilityCheckInterval', -1],
  ['POLYAXON_RETRIES', '0', 'retries', 0],
];

describe('client-config environment variables (lax booleans, ints, floats)', () => {
  it.each(clientEnvTable)('%s=%j -> %s', (name, raw, key, expected) => {
    const box = sandbox();
    const ctx = resolveContext(box.options({ env: { [name]: raw } }));
    expect(ctx[key]).toEqual({ value: expected, source: 'env', origin: name });
  });

  it.each([
    ['POLYAXON_IS_OFFLINE', 'maybe'],
    ['POLYAXON_NO_OP', '2'],
    ['POLYAXON_VERIFY_SSL', 'nope'],
    ['POLYAXON_TIMEOUT', 'soon'],
    ['POLYAXON_TIMEOUT', 'inf'],
    ['POLYAXON_WATCH_INTERVAL', '2.5'],
    ['POLYAXON_RETRIES', 'x'],
  ])('%s=%j is a ContextError naming the variable', (name, raw) => {
    const box = sandbox();
    expect(() => resolveContext(box.options({ env: { [name]: raw } }))).toThrow(new RegExp(`Invalid environment variable ${name}`));
  });

  it('treats empty variables as unset', () => {
    const box = sandbox();
    expect(resolveContext(box.options({ env: { POLYAXON_HOST: '', POLYAXON_DEBUG: '' } })).host.source).toBe('default');
  });
});

describe('other environment variables', () => {
  it.each([
    ['POLYAXON_COLLECT_ARTIFACTS', 'yes', 'collectArtifacts', true],
    ['POLYAXON_COLLECT_ARTIFACTS', 'off', 'collectArtifacts', false],
    ['POLYAXON_COLLECT_RESOURCES', 'T', 'collectResources', true],
    ['POLYAXON_HAS_PROCESS_SIDECAR', 'false', 'hasProcessSidecar', true],
    ['POLYAXON_HAS_PROCESS_SIDECAR', '0', 'hasProcessSidecar', true],
    ['POLYAXON_USE_GIT_REGISTRY', 'no', 'useGitRegistry', true],
    ['POLYAXON_PUBLIC_REGISTRY', 'https://hub', 'publicRegistry', 'https://hub'],
    ['POLYAXON_OFFLINE_ROOT', '/off', 'offlineRoot', '/off'],
    ['POLYAXON_ARTIFACTS_ROOT', '/art', 'artifactsRoot', '/art'],
    ['POLYAXON_CONTEXT_ROOT', '/ctx', 'contextRoot', '/ctx'],
    ['POLYAXON_K8S_NODE_NAME', 'node-1', 'k8sNodeName', 'node-1'],
    ['POLYAXON_K8S_POD_ID', 'pod-1', 'k8sPodId', 'pod-1'],
    ['POLYAXON_ARTIFACTS_STORE_NAME', 'store', 'artifactsStoreName', 'store'],
    ['POLYAXON_CONNECTIONS_CATALOG', '{"connections":[]}', 'connectionsCatalog', '{"connections":[]}'],
    ['POLYAXON_UPLOAD_SIZE', '1024', 'uploadSize', 1024],
    ['POLYAXON_UPLOAD_SIZE_MAX', '2048', 'uploadSize', 2048],
    ['POLYAXON_SERVICE', 'agent', 'service', 'agent'],
    ['POLYAXON_NO_CONFIG', 'y', 'noConfig', true],
    ['POLYAXON_AUTH_TOKEN', 'tok', 'token', 'tok'],
    ['POLYAXON_AUTH_USERNAME', 'bob', 'username', 'bob'],
    ['POLYAXON_SECRET_INTERNAL_TOKEN', 'itok', 'internalToken', 'itok'],
    ['POLYAXON_HOME', '/ph', 'homePath', '/ph'],
  ] as [string, string, Key, unknown][])('%s=%j -> %s', (name, raw, key, expected) => {
    const box = sandbox();
    expect(resolveContext(box.options({ env: { [name]: raw } }))[key]).toEqual({ value: expected, source: 'env', origin: name });
  });

  it('prefers POLYAXON_UPLOAD_SIZE over the legacy POLYAXON_UPLOAD_SIZE_MAX', () => {
    const box = sandbox();
    expect(resolveContext(box.options({ env: { POLYAXON_UPLOAD_SIZE: '1', POLYAXON_UPLOAD_SIZE_MAX: '2' } })).uploadSize.value).toBe(1);
  });

  it.each([
    ['POLYAXON_COLLECT_ARTIFACTS', 'maybe'],
    ['POLYAXON_COLLECT_RESOURCES', '2'],
    ['POLYAXON_NO_CONFIG', 'sure'],
    ['POLYAXON_UPLOAD_SIZE', 'big'],
  ])('%s=%j is a ContextError naming the variable', (name, raw) => {
    const box = sandbox();
    expect(() => resolveContext(box.options({ env: { [name]: raw } }))).toThrow(name);
  });
});

describe('precedence of client config: explicit > env > .client > /tmp/.polyaxon/.client > default', () => {
  it('takes each value from the highest source that has it', () => {
    const box = sandbox();
    const o = box.options();
    writeClientConfigFile({ host: 'http://global', verifySsl: false, debug: true, watchInterval: 9 }, o);
    box.write(join(box.fsRoot, 'tmp/.polyaxon/.client'), '{"POLYAXON_HOST":"http://tmp","POLYAXON_LOG_LEVEL":"debug","POLYAXON_DEBUG":false}');
    const env = { POLYAXON_HOST: 'http://env', POLYAXON_WATCH_INTERVAL: '3' };
    const ctx = resolveContext(box.options({ env, verifySsl: true }));
    const client = join(box.home, '.polyaxon/.client');
    expect(ctx.host).toEqual({ value: 'http://env', source: 'env', origin: 'POLYAXON_HOST' });
    expect(ctx.verifySsl).toEqual({ value: true, source: 'explicit' });
    expect(ctx.debug).toEqual({ value: true, source: 'cli-config', origin: client });
    expect(ctx.watchInterval).toEqual({ value: 3, source: 'env', origin: 'POLYAXON_WATCH_INTERVAL' });
    expect(ctx.logLevel).toEqual({ value: 'debug', source: 'cli-config', origin: join(box.fsRoot, 'tmp/.polyaxon/.client') });
    expect(resolveContext(box.options({ host: 'http://explicit/' })).host).toEqual({ value: 'http://explicit', source: 'explicit' });
    expect(resolveContext(o).host).toEqual({ value: 'http://global', source: 'cli-config', origin: client });
  });

  it('reads .client under POLYAXON_HOME and under the .home redirection', () => {
    const box = sandbox();
    const ph = join(box.root, 'ph');
    writeClientConfigFile({ host: 'http://redirected' }, box.options({ env: { POLYAXON_HOME: ph } }));
    expect(resolveContext(box.options({ env: { POLYAXON_HOME: ph } })).host.value).toBe('http://redirected');
    expect(resolveContext(box.options()).host.source).toBe('default');
    writeHomeFile(ph, box.options());
    const ctx = resolveContext(box.options());
    expect(ctx.host.value).toBe('http://redirected');
    expect(ctx.configDir).toEqual({ value: join(ph, '.polyaxon'), source: 'cli-config', origin: join(box.home, '.polyaxon/.home') });
    expect(ctx.homePath.value).toBe(ph);
  });

  it('POLYAXON_NO_CONFIG ignores client env vars and every stored file', () => {
    const box = sandbox();
    writeClientConfigFile({ host: 'http://global' }, box.options());
    writeAuthFile({ token: 'stored' }, box.options());
    const ctx = resolveContext(box.options({ env: { POLYAXON_NO_CONFIG: 'true', POLYAXON_HOST: 'http://env', POLYAXON_AUTH_TOKEN: 'env' } }));
    expect(ctx.host).toEqual({ value: 'http://localhost:8000', source: 'default' });
    expect(ctx.token.value).toBeUndefined();
    expect(resolveContext(box.options({ env: { POLYAXON_NO_CONFIG: '1' }, token: 'x', host: 'http://h' })).host.value).toBe('http://h');
  });

  it('rejects invalid explicit options', () => {
    const box = sandbox();
    expect(() => resolveContext(box.options({ timeout: -1 }))).toThrow('option `timeout`');
    expect(() => resolveContext(box.options({ verifySsl: 'yes' as unknown as boolean }))).toThrow('option `verifySsl`');
  });

  it('names a malformed .client file and leaves it as is', () => {
    const box = sandbox();
    const path = box.write(join(box.home, '.polyaxon/.client'), '{"POLYAXON_HOST": 42}');
    expect(() => resolveContext(box.options())).toThrow(ContextError);
    expect(() => resolveContext(box.options())).toThrow(path);
    expect(box.read(path)).toBe('{"POLYAXON_HOST": 42}');
  });
});

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

describe('host validation', () => {
  it.each([
    ['localhost:8000', 'environment variable POLYAXON_HOST'],
    ['ftp://x', 'environment variable POLYAXON_HOST'],
    ['not a url', 'environment variable POLYAXON_HOST'],
  ])('POLYAXON_HOST=%j is a ContextError naming %s', (host, where) => {
    const box = sandbox();
    expect(() => resolveContext(box.options({ env: { POLYAXON_HOST: host } }))).toThrow(`from ${where}`);
  });

  it('names the file for a bad stored host and keeps a path prefix', () => {
    const box = sandbox();
    const path = box.write(join(box.home, '.polyaxon/.client'), '{"POLYAXON_HOST":"nope"}');
    expect(() => resolveContext(box.options())).toThrow(path);
    expect(resolveContext(box.options({ host: 'https://x.io/plx/' })).host.value).toBe('https://x.io/plx');
  });

  it('parses POLYAXON_SET_AGENT with strtobool', () => {
    const box = sandbox();
    expect(resolveContext(box.options({ env: { POLYAXON_SET_AGENT: 'yes' } })).setAgent).toEqual({ value: true, source: 'env', origin: 'POLYAXON_SET_AGENT' });
    expect(() => resolveContext(box.options({ env: { POLYAXON_SET_AGENT: 'maybe' } }))).toThrow('POLYAXON_SET_AGENT');
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

describe('shared /tmp/.polyaxon files', () => {
  it.runIf(typeof process.getuid === 'function' && process.getuid() === 0)('are ignored when another user owns them', async () => {
    const { chownSync } = await import('node:fs');
    const box = sandbox();
    const client = box.write(join(box.fsRoot, 'tmp/.polyaxon/.client'), '{"POLYAXON_HOST":"http://attacker"}');
    const auth = box.write(join(box.fsRoot, 'tmp/.polyaxon/.auth'), '{"POLYAXON_AUTH_TOKEN":"planted"}');
    expect(resolveContext(box.options()).host.value).toBe('http://attacker');
    chownSync(client, 12345, 12345);
    chownSync(auth, 12345, 12345);
    const ctx = resolveContext(box.options());
    expect(ctx.host.value).toBe('http://localhost:8000');
    expect(ctx.token.value).toBeUndefined();
  });
});

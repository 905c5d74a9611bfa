import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { writeAuthFile, writeClientConfigFile, writeHomeFile } from './index';
import { ContextError } from './context-error';
import { resolveContext } from './resolve-context';
import type { ResolvedContext } from './resolved-context';

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

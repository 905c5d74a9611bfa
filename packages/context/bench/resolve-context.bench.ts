// Cost of resolving the context from a logged-in CLI home with an initialized
// working directory (the work every client constructor does), and of one
// atomic 0600 write of the auth file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit, timeMedianUs } from '@px/testkit/bench';
import { resolveContext, writeAuthFile, writeClientConfigFile, writeProjectCache, writeRunCache, writeUserFile } from '@px/context';

const root = mkdtempSync(join(tmpdir(), 'px-context-bench-'));
try {
  const options = { env: {}, homeDir: join(root, 'home'), cwd: join(root, 'cwd'), fsRoot: join(root, 'fs') };
  writeClientConfigFile({ host: 'http://127.0.0.1:8791', debug: true, verifySsl: false }, options);
  writeAuthFile({ username: 'bench', token: 'bench-token' }, options);
  writeUserFile({ username: 'bench', organization: 'acme' }, options);
  writeProjectCache({ uuid: 'u', owner: 'acme', name: 'mnist' }, options, 'local');
  writeRunCache({ uuid: 'd90edb67fd794fd99989312d3f881ed4', owner: 'acme', project: 'mnist' }, options, 'local');

  const rounds = 500;
  const resolveUs = await timeMedianUs(() => resolveContext(options), rounds, 50);
  emit({ package: '@px/context', name: 'resolveContext (CLI home + local cache)', unit: 'us', value: resolveUs, n: rounds });

  const envOnly = { ...options, env: { POLYAXON_HOST: 'http://h', POLYAXON_AUTH_TOKEN: 't', POLYAXON_PROJECT: 'acme/mnist' }, useCache: false };
  const envUs = await timeMedianUs(() => resolveContext(envOnly), rounds, 50);
  emit({ package: '@px/context', name: 'resolveContext (env only)', unit: 'us', value: envUs, n: rounds });

  const writeUs = await timeMedianUs(() => writeAuthFile({ username: 'bench', token: 'bench-token' }, options), 200, 20);
  emit({ package: '@px/context', name: 'writeAuthFile (atomic, fsync, 0600)', unit: 'us', value: writeUs, n: 200 });
} finally {
  rmSync(root, { recursive: true, force: true });
}

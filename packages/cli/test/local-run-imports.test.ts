import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { px, type Sandbox, useSandbox } from './helpers';

// `px run --local --offline` needs no server: it must not load the HTTP stack (ky, undici) nor
// RunClient, whose start-up cost was most of the local-run overhead (see bench/local-run.bench.ts).
const RECORD_IMPORTS = fileURLToPath(new URL('./support/record-imports.mjs', import.meta.url));
const RECORD_BUILTINS = fileURLToPath(new URL('./support/record-builtins.mjs', import.meta.url));
const HTTP_PACKAGES = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(ky|undici)\//;
const HTTP_BUILTINS = /^NativeModule (internal\/deps\/undici\/undici|https?|_http_client)$/;

let sb: Sandbox;
useSandbox((s) => (sb = s));

async function loaded(args: readonly string[]): Promise<{ modules: string[]; builtins: string[] }> {
  const modules = join(sb.root, 'modules.log');
  const builtins = join(sb.root, 'builtins.log');
  const result = await px(sb, args, { nodeArgs: ['--import', RECORD_IMPORTS, '--import', RECORD_BUILTINS], env: { PX_RECORD_IMPORTS: modules, PX_RECORD_BUILTINS: builtins } });
  expect(result.code, result.stderr).toBe(0);
  const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  return { modules: lines(modules), builtins: lines(builtins) };
}

describe('px run --local --offline --executor process: the load path', () => {
  it('loads neither ky, undici nor the @px/client main entry, and still records the run', async () => {
    const spec = join(sb.root, 'noop.yaml');
    writeFileSync(spec, 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: x\n    command: ["true"]\n');
    const { modules, builtins } = await loaded(['run', '-f', spec, '--local', '--offline', '--executor', 'process', '-p', 'acme/lab']);
    expect(modules.some((u) => u.endsWith('/client/dist/offline/index.js'))).toBe(true);
    expect(modules.filter((u) => HTTP_PACKAGES.test(u) || u.endsWith('/client/dist/index.js'))).toEqual([]);
    expect(builtins.some((m) => m === 'NativeModule child_process')).toBe(true);
    expect(builtins.filter((m) => HTTP_BUILTINS.test(m))).toEqual([]);
    const [uuid] = readdirSync(join(sb.offlineRoot, 'runs'));
    const run = JSON.parse(readFileSync(join(sb.offlineRoot, 'runs', uuid!, 'run.plx.json'), 'utf8')) as { status: string; status_conditions: { type: string }[] };
    expect(run.status).toBe('succeeded');
    expect(run.status_conditions.map((c) => c.type)).toEqual(['created', 'scheduled', 'starting', 'running', 'succeeded']);
  });

  it('a sweep loads no HTTP stack either', async () => {
    const spec = join(sb.root, 'grid.yaml');
    writeFileSync(spec, 'version: 1.1\nkind: operation\nmatrix:\n  kind: grid\n  concurrency: 2\n  params:\n    i: {kind: range, value: [0, 3, 1]}\ncomponent:\n  inputs: [{name: i, type: int}]\n  run:\n    kind: job\n    container:\n      image: x\n      command: ["true"]\n');
    const { modules, builtins } = await loaded(['run', '-f', spec, '--local', '--offline', '--executor', 'process', '-p', 'acme/lab']);
    expect(modules.filter((u) => HTTP_PACKAGES.test(u) || u.endsWith('/client/dist/index.js'))).toEqual([]);
    expect(builtins.filter((m) => HTTP_BUILTINS.test(m))).toEqual([]);
  });
});

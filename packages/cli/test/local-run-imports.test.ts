import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Sandbox, useSandbox } from './helpers';
import { traceLoads } from './support/load-trace';

// `px run --local --offline` needs no server: it must not initialise the HTTP stack (ky, undici) nor
// RunClient, whose start-up cost was most of the local-run overhead (see bench/local-run.bench.ts).
const RECORD_BUILTINS = fileURLToPath(new URL('./support/record-builtins.mjs', import.meta.url));
const HTTP_MODULES = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(ky|undici)\/|\/client\/dist\/index\.js$/;
const HTTP_BUILTINS = /^NativeModule (internal\/deps\/undici\/undici|https?|_http_client)$/;

let sb: Sandbox;
useSandbox((s) => (sb = s));

async function loaded(args: readonly string[]): Promise<{ initialised: string[]; bundled: string[]; builtins: string[] }> {
  const builtins = join(sb.root, 'builtins.log');
  const trace = await traceLoads(sb, args, ['--import', RECORD_BUILTINS], { PX_RECORD_BUILTINS: builtins });
  return { ...trace, builtins: readFileSync(builtins, 'utf8').split('\n').filter((l) => l !== '') };
}

describe('px run --local --offline --executor process: the load path', () => {
  it('initialises neither ky, undici nor the @px/client main entry, and still records the run', async () => {
    const spec = join(sb.root, 'noop.yaml');
    writeFileSync(spec, 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container:\n    image: x\n    command: ["true"]\n');
    const { initialised, bundled, builtins } = await loaded(['run', '-f', spec, '--local', '--offline', '--executor', 'process', '-p', 'acme/lab']);
    expect(initialised.some((m) => m.endsWith('/client/dist/offline/index.js'))).toBe(true);
    // ky and the client's main entry are in the bundle (so the check below is not vacuous) but never initialised
    expect(bundled.filter((m) => HTTP_MODULES.test(m)).length).toBeGreaterThanOrEqual(2);
    expect(initialised.filter((m) => HTTP_MODULES.test(m))).toEqual([]);
    expect(builtins.some((m) => m === 'NativeModule child_process')).toBe(true);
    expect(builtins.filter((m) => HTTP_BUILTINS.test(m))).toEqual([]);
    const [uuid] = readdirSync(join(sb.offlineRoot, 'runs'));
    const run = JSON.parse(readFileSync(join(sb.offlineRoot, 'runs', uuid!, 'run.plx.json'), 'utf8')) as { status: string; status_conditions: { type: string }[] };
    expect(run.status).toBe('succeeded');
    expect(run.status_conditions.map((c) => c.type)).toEqual(['created', 'scheduled', 'starting', 'running', 'succeeded']);
  });

  it('a sweep initialises no HTTP stack either', async () => {
    const spec = join(sb.root, 'grid.yaml');
    writeFileSync(spec, 'version: 1.1\nkind: operation\nmatrix:\n  kind: grid\n  concurrency: 2\n  params:\n    i: {kind: range, value: [0, 3, 1]}\ncomponent:\n  inputs: [{name: i, type: int}]\n  run:\n    kind: job\n    container:\n      image: x\n      command: ["true"]\n');
    const { initialised, builtins } = await loaded(['run', '-f', spec, '--local', '--offline', '--executor', 'process', '-p', 'acme/lab']);
    expect(initialised.filter((m) => HTTP_MODULES.test(m))).toEqual([]);
    expect(builtins.filter((m) => HTTP_BUILTINS.test(m))).toEqual([]);
  });
});

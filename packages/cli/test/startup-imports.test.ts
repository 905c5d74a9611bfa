import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, px, type Sandbox, useSandbox } from './helpers';

const RECORDER = fileURLToPath(new URL('./support/record-imports.mjs', import.meta.url));
const RENDERING = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(vega[^/]*|@resvg\/[^/]+|playwright-core)\//;

let sb: Sandbox;
useSandbox((s) => (sb = s));

async function importsOf(args: readonly string[]): Promise<string[]> {
  const log = join(sb.root, 'imports.log');
  const result = await px(sb, args, { nodeArgs: ['--import', RECORDER], env: { PX_RECORD_IMPORTS: log } });
  expect(result.code).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
}

describe('charting libraries load only with the chart commands', () => {
  it('px --version and px check load no vega, vega-lite, vega-embed or resvg', async () => {
    const version = await importsOf(['--version']);
    expect(version.some((u) => u.includes('/dist/bin.js'))).toBe(true);
    expect(version.filter((u) => RENDERING.test(u))).toEqual([]);
    const check = await importsOf(['check', '-f', join(FIXTURES, 'job.yaml')]);
    expect(check.filter((u) => RENDERING.test(u))).toEqual([]);
  });
});

describe('a passing px check loads only what it runs', () => {
  it('loads neither the configuration (@px/context) nor the error report', async () => {
    const check = await importsOf(['check', '-f', join(FIXTURES, 'job.yaml')]);
    expect(check.some((u) => u.includes('/polyaxonfile/dist/'))).toBe(true);
    expect(check.filter((u) => /\/context\/dist\/|\/check-report-[^/]*\.js$/.test(u))).toEqual([]);
  });
});

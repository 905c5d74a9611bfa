import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, type Sandbox, useSandbox } from './helpers';
import { traceLoads } from './support/load-trace';

const RENDERING = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(vega[^/]*|@resvg\/[^/]+|playwright-core)\//;

let sb: Sandbox;
useSandbox((s) => (sb = s));

describe('px --version', () => {
  it('answers from the entry script alone: no bundle, no chart library', async () => {
    const { result, scripts } = await traceLoads(sb, ['--version']);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(scripts.some((u) => u.endsWith('/dist/bin.cjs'))).toBe(true);
    expect(scripts.filter((u) => u.endsWith('/dist/px.cjs') || RENDERING.test(u))).toEqual([]);
  });
});

describe('a passing px check initialises only what it runs', () => {
  it('no chart library, no configuration (@px/context), no error report', async () => {
    const { scripts, initialised, bundled } = await traceLoads(sb, ['check', '-f', join(FIXTURES, 'job.yaml')]);
    expect(scripts.filter((u) => RENDERING.test(u))).toEqual([]);
    expect(initialised.some((m) => m.includes('/polyaxonfile/dist/'))).toBe(true);
    const skipped = /\/context\/dist\/index\.js$|\/check-report\.ts$/;
    // both are in the bundle (so the check below is not vacuous) but never initialised
    expect(bundled.filter((m) => skipped.test(m))).toHaveLength(2);
    expect(initialised.filter((m) => skipped.test(m))).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from './fixtures/bundle-child';

let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'px-rows-'));
  bundle = bundleChild('rows-child', join(dir, 'child.mjs'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeRows(flags: string[]): { engine: string; summaries: string; file: Buffer } {
  const runPath = mkdtempSync(join(dir, 'run-'));
  const child = spawnSync(process.execPath, [...flags, bundle, runPath], { encoding: 'utf8', timeout: 60_000 });
  expect(child.status, child.stderr).toBe(0);
  const [engine, summaries] = child.stdout.split('\n');
  return { engine: engine!, summaries: summaries!, file: readFileSync(join(runPath, 'events/metric/awkward.plx')) };
}

describe('metric rows on disk', () => {
  it('are the same bytes, with the same summaries, whether the engine runs WebAssembly or not (node --jitless)', () => {
    const withWasm = writeRows([]);
    const without = writeRows(['--jitless']);
    expect(withWasm.engine).toBe('object');
    expect(without.engine).toBe('undefined');
    expect(withWasm.file.toString('latin1').split('\n')).toHaveLength(20_001);
    expect(without.file.equals(withWasm.file)).toBe(true);
    expect(withWasm.summaries).toContain('"name":"plain"');
    expect(without.summaries).toBe(withWasm.summaries);
  });

  it('come from a WebAssembly module up to date with its AssemblyScript source (scripts/build-wasm.mjs --check)', () => {
    const check = spawnSync(process.execPath, [join(import.meta.dirname, '../scripts/build-wasm.mjs'), '--check'], { encoding: 'utf8', timeout: 120_000 });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

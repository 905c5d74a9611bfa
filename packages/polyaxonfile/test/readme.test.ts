// The README's examples, run as written (files in a temp dir).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPolyaxonfile, compile, ComponentSpecification, getSpecification, PolyaxonfileError, renderRuntime } from '../src/node';

let dir: string;
let cwd: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'px-readme-'));
  cwd = process.cwd();
  process.chdir(dir);
  writeFileSync('polyaxonfile.yaml', 'version: 1.1\nkind: component\ninputs:\n  - {name: lr, type: float}\nrun:\n  kind: job\n  container: {image: python:3.11}\n');
  writeFileSync('gpu-preset.yaml', 'runPatch:\n  container:\n    resources: {limits: {nvidia.com/gpu: 1}}\n');
  writeFileSync('broken.yaml', 'version: 1.1\nkind: component\nrun:\n  kind: job\n  container: {image: x}\n  containr: {}\n');
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

describe('README examples', () => {
  it('reads a component as a plain typed object', () => {
    const spec = ComponentSpecification.read(`
version: 1.1
kind: component
name: train
inputs:
  - {name: lr, type: float, value: 0.1}
run:
  kind: job
  container:
    image: python:3.11
    command: [python, train.py, "--lr={{ lr }}"]
`);
    expect(spec.run.kind).toBe('job');
    expect(spec.inputs?.[0]?.isOptional).toBe(true);
    expect(ComponentSpecification.read(spec.toDict()).toDict()).toEqual(spec.toDict());
  });

  it('merges sources and reads files', () => {
    const spec = getSpecification(['polyaxonfile.yaml', { tags: ['nightly'] }]);
    expect(spec.tags).toEqual(['nightly']);
  });

  it('reports located issues', () => {
    let caught: unknown;
    try {
      ComponentSpecification.read('broken.yaml');
    } catch (error) {
      caught = error;
    }
    expect(PolyaxonfileError.isInstance(caught)).toBe(true);
    const error = caught as PolyaxonfileError;
    expect(error.stage).toBe('read');
    expect(error.issues[0]).toMatchObject({ line: 6, column: 3, path: ['run', 'containr'] });
  });

  it('compiles and checks', async () => {
    const compiled = compile('polyaxonfile.yaml', { params: { lr: '0.01' } });
    expect(compiled.inputs?.find((io) => io.name === 'lr')?.value).toBe(0.01);
    const op = await checkPolyaxonfile({ polyaxonfile: ['polyaxonfile.yaml', 'gpu-preset.yaml'], params: ['lr=0.5'], queue: 'agent/gpu' });
    expect(op.toDict()).toMatchObject({ kind: 'operation', queue: 'agent/gpu', params: { lr: { value: '0.5' } } });
    expect((op.toDict().runPatch as Record<string, unknown>).container).toEqual({ resources: { limits: { 'nvidia.com/gpu': 1 } } });
    const rendered = renderRuntime(compile('polyaxonfile.yaml', { params: { lr: 0.01 } }), {
      globals: { run_outputs_path: '/plx-context/artifacts/outputs' },
      connections: { registry: { url: 'https://registry.example.com' } },
    });
    expect(rendered.run?.kind).toBe('job');
    const fromCwd = await checkPolyaxonfile({ params: { lr: 1 } });
    expect(fromCwd.kind).toBe('operation');
  });
});

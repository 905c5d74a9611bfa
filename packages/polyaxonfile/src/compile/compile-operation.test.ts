import { describe, expect, it } from 'vitest';
import { PolyaxonSchemaError } from '../errors';
import { OperationSpecification } from '../specs/specifications';
import { compileOperation } from './compile-operation';

const op = (extra: string): ReturnType<typeof OperationSpecification.read> =>
  OperationSpecification.read(`version: 1.1\nkind: operation\nname: op\ntags: [z, a]\n${extra}`);

describe('compileOperation', () => {
  it('inlines the component, merges runPatch and the operation fields', () => {
    const compiled = compileOperation(
      op('runPatch:\n  container: {args: [y]}\ncomponent:\n  name: c\n  tags: [a]\n  run: {kind: job, container: {image: x, args: [x]}}\n'),
    );
    expect(compiled.toDict()).toMatchObject({
      kind: 'compiled_operation',
      name: 'op',
      tags: ['a', 'z'],
      run: { kind: 'job', container: { image: 'x', args: ['x', 'y'] } },
    });
  });

  it('applies a replica-shaped runPatch to every replica of a distributed run', () => {
    const compiled = compileOperation(
      op(
        'runPatch:\n  environment: {nodeName: n1}\ncomponent:\n  run:\n    kind: tfjob\n    chief: {replicas: 1, container: {image: x}}\n    worker: {replicas: 2, container: {image: x}}\n',
      ),
    );
    const run = compiled.toDict().run as Record<string, { environment?: unknown }>;
    expect(run.chief?.environment).toEqual({ nodeName: 'n1' });
    expect(run.worker?.environment).toEqual({ nodeName: 'n1' });
  });

  it('rejects a runPatch that does not fit the run kind, and a missing component', () => {
    expect(() => compileOperation(op('runPatch: {foo: 1}\ncomponent:\n  run: {kind: job, container: {image: x}}\n'))).toThrow(PolyaxonSchemaError);
    expect(() => compileOperation(op('hubRef: tensorboard\n'))).toThrow(/the component is missing/);
  });
});

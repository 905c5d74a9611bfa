import { describe, expect, it } from 'vitest';
import { PolyaxonfileError, PolyaxonSchemaError } from '../errors';
import { ComponentSpecification, getSpecification, OperationSpecification } from './specifications';

const component = 'version: 1.1\nkind: component\nname: train\nrun:\n  kind: job\n  container:\n    image: python:3.11\n';

function failure(fn: () => unknown): PolyaxonfileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolyaxonfileError) return error;
    throw error;
  }
  throw new Error('expected a PolyaxonfileError');
}

describe('spec readers', () => {
  it('reads a component into a plain typed object with toDict', () => {
    const spec = ComponentSpecification.read(component);
    expect(spec.run.kind).toBe('job');
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec.toDict());
    expect(ComponentSpecification.read(spec.toDict()).toDict()).toEqual(spec.toDict());
  });

  it('dispatches on kind', () => {
    expect(getSpecification(component).kind).toBe('component');
    expect(getSpecification({ version: 1.1, kind: 'operation', hubRef: 'tensorboard' }).kind).toBe('operation');
    expect(failure(() => getSpecification({ version: 1.1 })).message).toBe('The Polyaxonfile `kind` must be specified.');
    expect(failure(() => getSpecification({ version: 1.1, kind: 'group' })).message).toMatch(/kind `group` is not a supported value/);
  });

  it('checks version and the reader kind like upstream', () => {
    expect(failure(() => ComponentSpecification.read({ kind: 'component', run: { kind: 'job' } })).message).toMatch(/`version` must be specified/);
    expect(failure(() => ComponentSpecification.read({ version: 1, kind: 'component' })).message).toMatch(/not supported by your current CLI/);
    expect(failure(() => ComponentSpecification.read({ version: '1.1', kind: 'component' })).message).toMatch(/must be a number/);
    expect(failure(() => ComponentSpecification.read('version: 1.1\nkind: operation\nhubRef: x')).message).toMatch(
      /`ComponentSpecification` is incompatible with the kind `operation`/,
    );
  });

  it('reports every unexpected section with its line', () => {
    const error = failure(() => ComponentSpecification.read(`${component}hub_ref: x\nenvironment: {}\n`));
    expect(error.issues.map((i) => [i.path[0], i.line])).toEqual([['hub_ref', 8], ['environment', 9]]);
  });

  it('reports schema problems with file position, path, expected and received', () => {
    const error = failure(() => ComponentSpecification.read('version: 1.1\nkind: component\nrun:\n  kind: job\n  container: {image: x}\n  foo: 1\n'));
    expect(error).toBeInstanceOf(PolyaxonSchemaError);
    const issue = error.issues.find((i) => i.path.join('.') === 'run.foo');
    expect(issue).toMatchObject({ line: 6, column: 3 });
  });

  it('merges a list of sources in order and reads presets without version', () => {
    const spec = ComponentSpecification.read([component, { tags: ['a'] }, 'tags: [b]']);
    expect(spec.tags).toEqual(['b']);
    const preset = OperationSpecification.read({ queue: 'agent/q' }, { isPreset: true });
    expect(preset.queue).toBe('agent/q');
  });
});

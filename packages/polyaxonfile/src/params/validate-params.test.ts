import { describe, expect, it } from 'vitest';
import { parseIOValue } from '../schemas/io-value';
import { PolyaxonSchemaError } from '../errors';
import { validateParams } from './validate-params';
import type { IOLike } from './validate-params';

const convert = (io: IOLike, value: unknown): unknown => parseIOValue({ name: io.name, type: io.type ?? null, isList: io.isList ?? null }, value, { isTemplate: true });
const inputs: IOLike[] = [{ name: 'lr', type: 'float' }, { name: 'loss', type: 'str', isOptional: true, value: 'mse' }];

function messages(fn: () => unknown): string[] {
  try {
    fn();
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(PolyaxonSchemaError);
    return (error as PolyaxonSchemaError).issues.map((i) => i.message);
  }
}

describe('validateParams', () => {
  it('converts literal values with the IO type', () => {
    expect(validateParams({ params: { lr: { value: '0.1' } }, inputs, convert }).lr).toEqual({ value: 0.1 });
  });

  it('requires non-optional inputs', () => {
    expect(messages(() => validateParams({ params: null, inputs, convert }))[0]).toMatch(/non optional key `lr`/);
    expect(messages(() => validateParams({ params: { loss: { value: 'x' } }, inputs, convert }))).toEqual(['Input lr is required, no param was passed.']);
  });

  it('collects type errors and unexpected params together', () => {
    const found = messages(() => validateParams({ params: { lr: { value: 'abc' }, foo: { value: 1 } }, inputs, convert }));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/Could not parse value `abc` for `lr`/);
    expect(found[1]).toBe("Received unexpected params `{'foo'}`");
  });

  it('skips templates and accepts matrix-provided and context-only params', () => {
    expect(() => validateParams({ params: { lr: { value: '{{ globals.x }}' } }, inputs, convert })).not.toThrow();
    expect(() => validateParams({ params: {}, inputs, matrix: { kind: 'grid', params: { lr: { kind: 'choice', value: [1] } } }, convert })).not.toThrow();
    expect(() => validateParams({ params: { lr: { value: 1 }, extra: { value: 1, contextOnly: true } }, inputs, convert })).not.toThrow();
  });

  it('checks refs: ops refs need a DAG context, runs refs need a uuid', () => {
    expect(messages(() => validateParams({ params: { lr: { ref: 'ops.up', value: 'outputs.loss' } }, inputs, convert }))[0]).toMatch(/has no such information/);
    expect(messages(() => validateParams({ params: { lr: { ref: 'runs.nope', value: 'outputs.loss' } }, inputs, convert }))[0]).toMatch(/valid run uuid/);
    expect(messages(() => validateParams({ params: { lr: { ref: 'foo.bar', value: 'outputs.loss' } }, inputs, convert }))[0]).toMatch(/Operation ref must be one of/);
    const refContext = new Map([['ops.up.outputs.loss', { type: 'str' }]]);
    expect(messages(() => validateParams({ params: { lr: { ref: 'ops.up', value: 'outputs.loss' } }, inputs, convert, refContext, isDag: true }))[0]).toMatch(
      /does not correspond to the type of the value/,
    );
  });

  it('rejects range hyper-params bound to a non-numeric input', () => {
    const found = messages(() => validateParams({ params: {}, inputs: [{ name: 's', type: 'str' }], matrix: { kind: 'grid', params: { s: { kind: 'range', value: [1, 2, 1] } } }, convert }));
    expect(found[0]).toMatch(/does not correspond to hyper-param type `int or float`/);
  });
});

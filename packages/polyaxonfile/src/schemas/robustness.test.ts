// Arbitrary input never crashes the schemas: they return issues, and the
// value converter throws only PolyaxonSchemaError.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PolyaxonSchemaError } from '../errors';
import { CompiledOperationSchema, ComponentSchema, HpParamSchema, IO_TYPES, IOSchema, MatrixSchema, OperationSchema, parseIOValue, RunSchema } from './index';

const schemas = { ComponentSchema, OperationSchema, CompiledOperationSchema, RunSchema, MatrixSchema, IOSchema, HpParamSchema };

const kinds = fc.constantFrom('job', 'service', 'dag', 'tfjob', 'pytorchjob', 'mpijob', 'raycluster', 'daskcluster', 'grid', 'random', 'bayes', 'mapping', 'linspace', 'choice', 'cron', 'interval');
const keys = fc.constantFrom('kind', 'run', 'container', 'init', 'params', 'matrix', 'inputs', 'value', 'name', 'type', 'operations', 'components', 'workers', 'environment', 'termination', 'plugins', 'is_optional', 'validation', 'hubRef');
const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), kinds, fc.constant('{{ x }}'), fc.date({ noInvalidDate: true }));
const doc = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(keys, fc.string()), tie('node'), { maxKeys: 6 })),
})).node;

describe('robustness', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name} never throws on arbitrary input`, () => {
      fc.assert(
        fc.property(doc, (input) => {
          v.safeParse(schema, input);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('parseIOValue throws only PolyaxonSchemaError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IO_TYPES, 'foo'), fc.boolean(), doc, (type, isList, value) => {
        try {
          parseIOValue({ name: 'x', type, isList, isOptional: true, validation: { gt: 1, regex: 'a', options: [1] } }, value);
        } catch (error) {
          expect(PolyaxonSchemaError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('survives deep nesting in free-form values', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i += 1) deep = [deep];
    expect(() => parseIOValue({ name: 'x', type: 'str' }, deep)).toThrow(PolyaxonSchemaError);
    expect(v.safeParse(OperationSchema, { hubRef: 'x', params: { a: deep } }).success).toBe(true);
  });
});

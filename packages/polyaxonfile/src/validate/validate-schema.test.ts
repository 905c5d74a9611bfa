import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PolyaxonSchemaError } from '../errors';
import { validateSchema } from './validate-schema';

const schema = v.strictObject({ name: v.string(), run: v.strictObject({ kind: v.literal('job'), replicas: v.optional(v.number()) }) });

function issues(value: unknown): PolyaxonSchemaError['issues'] {
  try {
    validateSchema(schema, value, { title: 'bad', locate: (path) => ({ line: path.length + 1, column: 1 }) });
  } catch (error) {
    expect(error).toBeInstanceOf(PolyaxonSchemaError);
    return (error as PolyaxonSchemaError).issues;
  }
  return [];
}

describe('validateSchema', () => {
  it('returns the output when valid', () => {
    expect(validateSchema(schema, { name: 'a', run: { kind: 'job' } }, { title: 't', locate: () => ({}) })).toEqual({ name: 'a', run: { kind: 'job' } });
  });

  it('reports every problem, located, with what the document holds', () => {
    const found = issues({ run: { kind: 'job', replicas: 'two', extra: 1 } });
    expect(found).toContainEqual(expect.objectContaining({ path: ['name'], expected: 'a value for "name"', received: 'nothing', line: 2 }));
    expect(found).toContainEqual(expect.objectContaining({ path: ['run', 'replicas'], received: 'string ("two")', line: 3 }));
    expect(found).toContainEqual(expect.objectContaining({ path: ['run', 'extra'], message: 'Extra inputs are not permitted: unknown field "extra"' }));
  });
});

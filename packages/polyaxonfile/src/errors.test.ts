import { describe, expect, it } from 'vitest';
import { PolyaxonException } from '@px/errors';
import { PolyaxonfileError, PolyaxonSchemaError } from './errors';

describe('spec errors', () => {
  it('expose the first issue location and serialize to JSON', () => {
    const error = new PolyaxonSchemaError('bad', {
      stage: 'read',
      issues: [{ path: ['run', 'kind'], message: 'bad kind', file: 'f.yaml', line: 3, column: 5, expected: 'job', received: 'string ("x")' }],
    });
    expect(error).toBeInstanceOf(PolyaxonfileError);
    expect(error).toBeInstanceOf(PolyaxonException);
    expect(PolyaxonSchemaError.isInstance(error)).toBe(true);
    expect([error.file, error.line, error.column, error.path]).toEqual(['f.yaml', 3, 5, ['run', 'kind']]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'PolyaxonSchemaError', message: 'bad', stage: 'read', issues: error.issues });
  });

  it('default to one issue at the root', () => {
    expect(new PolyaxonfileError('x', { stage: 'yaml' }).issues).toEqual([{ path: [], message: 'x' }]);
  });
});

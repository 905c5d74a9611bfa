import { describe, expect, it } from 'vitest';
import { parseOutputFormat } from './output-format';

describe('parseOutputFormat', () => {
  it('accepts json, yaml and path=<file> (keeping file names whole)', () => {
    expect(parseOutputFormat(undefined)).toEqual({ kind: 'table' });
    expect(parseOutputFormat('json')).toEqual({ kind: 'json' });
    expect(parseOutputFormat('yaml')).toEqual({ kind: 'yaml' });
    expect(parseOutputFormat('path=out/path.json')).toEqual({ kind: 'file', path: 'out/path.json' });
    expect(parseOutputFormat('path=data')).toEqual({ kind: 'file', path: 'data' });
  });

  it('rejects anything else', () => {
    expect(() => parseOutputFormat('xml')).toThrow("Invalid value for '-o' / '--output'");
    expect(() => parseOutputFormat('path=')).toThrow();
  });
});

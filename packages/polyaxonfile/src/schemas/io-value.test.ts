import { describe, expect, it } from 'vitest';
import { PolyaxonSchemaError } from '../errors';
import { parseIOValue } from './io-value';

const conv = (type: string, value: unknown, extra: Record<string, unknown> = {}): unknown => parseIOValue({ name: 'x', type, ...extra }, value);
const fails = (type: string, value: unknown, extra: Record<string, unknown> = {}): PolyaxonSchemaError => {
  try {
    conv(type, value, extra);
  } catch (error) {
    expect(PolyaxonSchemaError.isInstance(error)).toBe(true);
    return error as PolyaxonSchemaError;
  }
  throw new Error(`accepted ${JSON.stringify(value)} as ${type}`);
};

describe('IO value conversion table', () => {
  const table: [string, unknown[], unknown[], unknown[]][] = [
    ['int', [1, '1', '1.0', 1.0, true, 'true'], [1, 1, 1, 1, 1, 1], [1.5, '1.5', 'abc', [1]]],
    ['float', [1, '1', 1.5, '1.5', true], [1, 1, 1.5, 1.5, 1], ['abc', 'nan', 'inf']],
    ['bool', [true, 'true', 'True', 'yes', '1', 1, 0, 'no', 'off'], [true, true, true, true, true, true, false, false, false], ['abc', 2]],
    ['str', ['a', 1, true, { a: 1 }, [1]], ['a', '1', 'true', '{"a":1}', '[1]'], []],
    ['dict', [{ a: 1 }, '{"a": 1}'], [{ a: 1 }, { a: 1 }], ["{'a': 1}", 'a', [1]]],
    ['list', [[1], '[1, 2]'], [[1], [1, 2]], ['1,2', 'a', { a: 1 }]],
    ['path', ['/tmp/x'], ['/tmp/x'], [1, { a: 1 }]],
    ['metric', [0.5, '0.5'], [0.5, 0.5], ['abc']],
    ['metadata', [{ a: 1 }, '{"a": 1}'], [{ a: 1 }, { a: 1 }], ['abc', [1]]],
    ['uri', ['http://foo.com', 'user:pass@host.com'], ['http://foo.com/', 'user:pass@host.com'], ['foo']],
    ['gcs', ['gs://bucket/blob', 'gcs://bucket'], ['gs://bucket/blob', 'gcs://bucket'], ['s3://bucket', 'bucket']],
    ['s3', ['s3://bucket/key'], ['s3://bucket/key'], ['gs://bucket']],
    ['wasb', ['wasbs://container@account.blob.core.windows.net/path'], ['wasbs://container@account.blob.core.windows.net/path'], ['foo']],
    ['image', ['busybox', 'repo/img:tag', 'host:5000/org/img:tag', '{{ image }}'], ['busybox', 'repo/img:tag', 'host:5000/org/img:tag', '{{ image }}'], ['foo bar', 'a:b:c:d', 1]],
    ['git', [{ url: 'https://github.com/x/y' }, '{"revision": "main"}'], [{ url: 'https://github.com/x/y' }, { revision: 'main' }], ['https://github.com/x/y', { url: 'u', foo: 1 }]],
    ['artifacts', [{ files: ['a'], dirs: [['a', 'b']] }], [{ files: ['a'], dirs: [['a', 'b']] }], [['a'], { foo: 1 }]],
    ['dockerfile', [{ image: 'python:3' }], [{ image: 'python:3' }], [{}, { image: 'python:3', foo: 1 }]],
    ['file', [{ content: 'x' }], [{ content: 'x' }], [{}]],
    ['tensorboard', [{ port: 6006, uuids: ['8aac02e3a62a4f0aaa257c59da5eab80'] }], [{ port: 6006, uuids: ['8aac02e3a62a4f0aaa257c59da5eab80'] }], [{ uuids: ['nope'] }]],
    ['event', [{ name: 'e', kind: 'k' }], [{ name: 'e', kind: 'k' }], ['e']],
    ['date', ['2020-01-01', '2020-01-01T10:00:00'], ['2020-01-01', '2020-01-01'], [20200101]],
    ['datetime', ['2020-01-01'], ['2020-01-01'], [1]],
    ['timedelta', [10, 'PT1M'], [10, 60], ['10']],
    ['uuid', ['8AAC02E3-A62A-4F0A-AA25-7C59DA5EAB80'], ['8aac02e3a62a4f0aaa257c59da5eab80'], ['nope']],
    ['email', ['a@b.com'], ['a@b.com'], ['nope']],
    ['any', [1, 'a', { a: 1 }], [1, 'a', { a: 1 }], []],
  ];

  for (const [type, inputs, outputs, rejected] of table) {
    it(`converts ${type}`, () => {
      inputs.forEach((input, i) => expect(conv(type, input)).toEqual(outputs[i]));
      for (const bad of rejected) {
        expect(fails(type, bad).message).toContain(`Cannot convert value`);
      }
    });
  }

  it('cannot hold values for auth, dict_of_dicts and unknown types (upstream quirk)', () => {
    fails('auth', { user: 'a' });
    fails('dict_of_dicts', { a: {} });
    fails('foo', 1);
  });

  it('understands typing expressions and strict types', () => {
    expect(conv('List[int]', [3, '4'])).toEqual([3, 4]);
    expect(conv('List[int]', '[1, 2]')).toEqual([1, 2]);
    fails('List[int]', [1, 'a']);
    expect(conv('Dict[str, int]', { a: 3, b: '4' })).toEqual({ a: 3, b: 4 });
    fails('Dict[str, int]', { a: 'x' });
    expect(conv('Optional[int]', '5')).toBe(5);
    expect(conv('Union[int, str]', 'abc')).toBe('abc');
    expect(conv('StrictInt', 12)).toBe(12);
    fails('StrictInt', '12');
    expect(conv('StrictStr', 'text')).toBe('text');
    fails('StrictStr', 1);
    fails('StrictStr', false);
    fails('List[nope]', [1]);
  });

  it('reads int strings like upstream (JSON first, then integer text)', () => {
    expect(conv('int', '-1')).toBe(-1);
    expect(conv('int', '12.0')).toBe(12);
    fails('int', '12.');
  });

  it('passes untyped values through', () => {
    expect(parseIOValue({ name: 'x' }, { any: 1 })).toEqual({ any: 1 });
  });

  it('converts lists item-wise', () => {
    expect(conv('int', ['1', 2], { isList: true })).toEqual([1, 2]);
    expect(conv('int', '[1, 2]', { isList: true })).toEqual([1, 2]);
    fails('int', 1, { isList: true });
    fails('int', ['a'], { isList: true });
  });

  it('handles missing values by optionality', () => {
    expect(fails('int', null).message).toBe('No value was provided for the non optional key `x`.');
    expect(conv('int', null, { isOptional: true, value: 3 })).toBe(3);
  });

  it('lets templates through only for params', () => {
    expect(parseIOValue({ name: 'lr', type: 'float' }, '{{ globals.x }}', { isTemplate: true })).toBe('{{ globals.x }}');
    fails('float', '{{ globals.x }}');
  });

  it('formats the upstream message and reports stage and path', () => {
    try {
      parseIOValue({ name: 'lr', type: 'float' }, 'abc', { path: ['params', 'lr'] });
      throw new Error('accepted');
    } catch (error) {
      const e = error as PolyaxonSchemaError;
      expect(e.message).toBe('Could not parse value `abc` for `lr`, an error was encountered: Cannot convert value `abc` (key: `lr`) to `float`');
      expect(e.stage).toBe('params');
      expect(e.path).toEqual(['params', 'lr']);
    }
  });
});

describe('validation rules', () => {
  const rules = (validation: Record<string, unknown>, value: unknown, type = 'any'): string | undefined => {
    try {
      parseIOValue({ name: 'x', type, validation }, value);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('checks numeric bounds, items and keys', () => {
    expect(rules({ gt: 2 }, 1)).toContain('Value `1` must be greater than `2`');
    expect(rules({ ge: 2 }, 2)).toBeUndefined();
    expect(rules({ lt: 2 }, 2)).toContain('must be less than `2`');
    expect(rules({ le: 2 }, 3)).toContain('must be less than or equal to `2`');
    expect(rules({ multipleOf: 3 }, 7)).toContain('must be a multiple of `3`');
    expect(rules({ minDigits: 3 }, 12)).toContain('at least `3` digits');
    expect(rules({ maxDigits: 2 }, 123)).toContain('at most `2` digits');
    expect(rules({ decimalPlaces: 1 }, 1.25)).toContain('at most `1` decimal places');
    expect(rules({ regex: '^a' }, 'ba')).toContain('must match the regex');
    expect(rules({ regex: 'a' }, 'ab')).toBeUndefined();
    expect(rules({ minLength: 3 }, 'ab')).toContain('at least `3` characters');
    expect(rules({ maxLength: 1 }, 'ab')).toContain('at most `1` characters');
    expect(rules({ contains: 'a' }, 'xyz')).toContain('must contain one of the values `a`');
    expect(rules({ excludes: 'a' }, 'abc')).toContain('must not contain any of the values `a`');
    expect(rules({ options: [1, 2] }, 3)).toContain('must be one of the values `[1, 2]`');
    expect(rules({ options: [1, 2] }, [1, 3])).toContain('Value `3`');
    expect(rules({ minItems: 2 }, [1])).toContain('at least `2` items');
    expect(rules({ maxItems: 1 }, { a: 1, b: 2 })).toContain('at most `1` items');
    expect(rules({ keys: ['a'] }, { a: 1, b: 2 })).toContain('must contain all the keys');
    expect(rules({ containsKeys: ['c'] }, { a: 1 })).toContain('must contain all the keys');
    expect(rules({ excludesKeys: ['a'] }, { a: 1 })).toContain('must not contain any of the keys');
  });
});

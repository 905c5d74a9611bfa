import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accept, reject } from './__fixtures__/schema-assert';
import {
  boolOrRef,
  commaList,
  datetimeOrRef,
  floatOrRef,
  genericStrMap,
  intOrRef,
  isRef,
  laxBool,
  laxInt,
  model,
  nameField,
  opt,
  orRef,
  strictInt,
  strictStr,
  timedeltaOrRef,
  toCamelCase,
  toSnakeCase,
} from './common';

describe('references', () => {
  it('detects `{{ }}` anywhere in a string', () => {
    expect(isRef('{{ x }}')).toBe(true);
    expect(isRef('prefix-{{ x }}-suffix')).toBe(true);
    expect(isRef('{ x }')).toBe(false);
    expect(isRef(3)).toBe(false);
  });

  it('orRef keeps refs and explains non-ref strings', () => {
    const schema = orRef(v.array(v.string()));
    expect(accept(schema, '{{ items }}')).toBe('{{ items }}');
    expect(accept(schema, ['a'])).toEqual(['a']);
    expect(reject(schema, 'abc').join('\n')).toContain('Value must be a reference, received `abc` instead.');
  });
});

describe('lax and strict scalars', () => {
  it('lax bool accepts yes/no/on/off/1/0 and rejects the rest', () => {
    for (const [input, out] of [[true, true], ['yes', true], ['On', true], ['1', true], [1, true], ['no', false], ['off', false], [0, false]] as const) {
      expect(accept(laxBool, input)).toBe(out);
    }
    reject(laxBool, 'abc');
    reject(laxBool, 2);
  });

  it('bool-or-ref takes refs as strings', () => {
    expect(accept(boolOrRef, '{{ flag }}')).toBe('{{ flag }}');
    expect(accept(boolOrRef, 'yes')).toBe(true);
    expect(reject(boolOrRef, 'maybe')[0]).toContain('boolean');
  });

  it('lax int coerces "10", 2.0 and true; strict int does not', () => {
    expect(accept(laxInt, '10')).toBe(10);
    expect(accept(laxInt, 2.0)).toBe(2);
    expect(accept(laxInt, true)).toBe(1);
    reject(laxInt, '1.5');
    reject(strictInt, '2');
    reject(intOrRef, '2');
    expect(accept(intOrRef, '{{ n }}')).toBe('{{ n }}');
  });

  it('float-or-ref coerces numeric strings', () => {
    expect(accept(floatOrRef, '2.2')).toBe(2.2);
    expect(accept(floatOrRef, 2)).toBe(2);
    reject(floatOrRef, 'abc');
  });

  it('strict strings reject numbers', () => {
    reject(strictStr, 1);
  });

  it('comma lists split plain strings and reject ints', () => {
    expect(accept(commaList, 'a, b,,c')).toEqual(['a', 'b', 'c']);
    expect(accept(commaList, ['x'])).toEqual(['x']);
    reject(commaList, [1]);
  });

  it('names follow ^[-a-zA-Z0-9_]+$ or are refs', () => {
    expect(accept(nameField, 'my-op_1')).toBe('my-op_1');
    expect(accept(nameField, '{{ name }}')).toBe('{{ name }}');
    for (const bad of ['slug:tag', 'org/slug', 'a.b', 'a b', 12]) reject(nameField, bad);
  });

  it('generic string maps stringify values', () => {
    expect(accept(genericStrMap, { a: 1, b: 'x' })).toEqual({ a: '1', b: 'x' });
  });
});

describe('datetimes and durations', () => {
  it('normalises datetimes to ISO strings', () => {
    expect(accept(datetimeOrRef, '2019-06-24T21:20:07+00:00')).toBe('2019-06-24T21:20:07+00:00');
    expect(accept(datetimeOrRef, '2019-06-24 21:20:07Z')).toBe('2019-06-24T21:20:07+00:00');
    expect(accept(datetimeOrRef, new Date(Date.UTC(2020, 0, 2, 3, 4, 5)))).toBe('2020-01-02T03:04:05+00:00');
    reject(datetimeOrRef, 'foo');
  });

  it('reads durations as seconds', () => {
    expect(accept(timedeltaOrRef, 120)).toBe(120);
    expect(accept(timedeltaOrRef, 'PT2M')).toBe(120);
    expect(accept(timedeltaOrRef, '01:00:00')).toBe(3600);
    reject(timedeltaOrRef, 'soon');
  });
});

describe('models', () => {
  const schema = model({ maxRetries: opt(strictInt), name: strictStr, hubRef: strictStr });

  it('accepts both spellings and outputs camelCase', () => {
    expect(accept(schema, { max_retries: 2, name: 'a', hub_ref: 'x' })).toEqual({ maxRetries: 2, name: 'a', hubRef: 'x' });
    expect(accept(schema, { maxRetries: 2, name: 'a', hubRef: 'x' })).toEqual({ maxRetries: 2, name: 'a', hubRef: 'x' });
  });

  it('rejects unknown keys and other case variants', () => {
    expect(reject(schema, { name: 'a', hubRef: 'x', foo: 1 }).join('\n')).toContain('foo');
    reject(schema, { name: 'a', hubRef: 'x', MaxRetries: 1 });
    reject(schema, { name: 'a', 'hub-ref': 'x' });
  });

  it('requires required fields under either spelling', () => {
    expect(reject(schema, { name: 'a' }).join('\n')).toContain('hubRef');
  });

  it('converts key spellings like upstream', () => {
    expect(toSnakeCase('volumeMounts')).toBe('volume_mounts');
    expect(toSnakeCase('hostPID')).toBe('host_pid');
    expect(toCamelCase('volume_mounts')).toBe('volumeMounts');
  });
});

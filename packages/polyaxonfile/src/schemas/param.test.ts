import { describe, expect, it } from 'vitest';
import { accept, reject } from './__fixtures__/schema-assert';
import { FullParamsMapSchema, isShortFormParam, ParamInputSchema, ParamSchema, ParamsMapSchema } from './param';

describe('params', () => {
  it('wraps short forms as {value}', () => {
    expect(accept(ParamsMapSchema, { lr: 0.1, c: { x: 1 }, f: [1, 2], d: null, e: {}, s: 'x' })).toEqual({
      lr: { value: 0.1 },
      c: { value: { x: 1 } },
      f: { value: [1, 2] },
      d: { value: null },
      e: {},
      s: { value: 'x' },
    });
  });

  it('keeps full forms and camelCases their keys', () => {
    expect(accept(ParamsMapSchema, { image: { ref: 'ops.build', value: 'outputs.docker-image' }, x: { value: 1, to_env: 'X', context_only: true } })).toEqual({
      image: { ref: 'ops.build', value: 'outputs.docker-image' },
      x: { value: 1, toEnv: 'X', contextOnly: true },
    });
    expect(isShortFormParam({ connection: 'c' })).toBe(false);
  });

  it('rejects mixed unknown keys in a full form and non-string ref values', () => {
    reject(ParamsMapSchema, { x: { value: 1, foo: 2 } });
    expect(reject(ParamSchema, { ref: 'ops.a', value: 1 }).join('\n')).toContain('Value must be of type string when a ref is provided, received `1` instead.');
    reject(ParamsMapSchema, [{ value: 1 }]);
  });

  it('reads a single param in either form', () => {
    expect(accept(ParamInputSchema, 32)).toEqual({ value: 32 });
    expect(accept(ParamInputSchema, { key1: 'val1' })).toEqual({ value: { key1: 'val1' } });
    expect(accept(ParamInputSchema, { value: 'outputs.path', ref: 'ops.upstream' })).toEqual({ value: 'outputs.path', ref: 'ops.upstream' });
    for (const short of [32, 0, -1, 0.8, 'adam', '', true, false, null, [], [1], { a: 1 }]) expect(isShortFormParam(short)).toBe(true);
    expect(isShortFormParam({})).toBe(false);
  });

  it('never drops a param silently (reserved object keys are reported)', () => {
    expect(reject(ParamsMapSchema, JSON.parse('{"constructor": 1}')).join('\n')).toContain('The key `constructor` cannot be used as a name here.');
    expect(accept(ParamsMapSchema, { toString: 1 })).toEqual({ toString: { value: 1 } });
  });

  it('hook/build/join params are full form only', () => {
    reject(FullParamsMapSchema, { a: 1 });
    accept(FullParamsMapSchema, { a: { value: 1 } });
  });
});

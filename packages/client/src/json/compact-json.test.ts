import { describe, expect, it } from 'vitest';
import { compactJson } from './compact-json';
import { PyFloat } from './py-float';

describe('compactJson (orjson text)', () => {
  it('writes PyFloat values with Python float text', () => {
    const floats = [0, 1, -0, 1e-5, 1e20, 1e16, 0.5, 123456789.123, 5e-324].map((v) => new PyFloat(v));
    expect(compactJson(floats)).toBe('[0.0,1.0,-0.0,1e-05,1e+20,1e+16,0.5,123456789.123,5e-324]');
  });

  it('writes integral plain numbers as integers and the rest as Python floats', () => {
    expect(compactJson([0, 5, -3, 0.1, 1e-7, 1e16, 2 ** 60])).toBe('[0,5,-3,0.1,1e-07,1e+16,1.152921504606847e+18]');
  });

  it('keeps UTF-8, drops undefined entries, keeps nulls, writes non-finite numbers as null', () => {
    expect(compactJson({ a: '\u00fcn\u00ef', b: undefined, c: null, d: new PyFloat(1), e: [1, 0.1, undefined], f: NaN, g: new PyFloat(Infinity) })).toBe(
      '{"a":"\u00fcn\u00ef","c":null,"d":1.0,"e":[1,0.1,null],"f":null,"g":null}',
    );
  });

  it('follows JSON.stringify for dates, bigints and functions', () => {
    expect(compactJson({ at: new Date(Date.UTC(2024, 0, 2)), big: 12345678901234567890n, fn: () => 1 })).toBe(
      '{"at":"2024-01-02T00:00:00.000Z","big":12345678901234567890}',
    );
    expect(compactJson(undefined)).toBe('null');
  });

  it('refuses circular values with a clear error', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => compactJson(loop)).toThrow(/circular/);
  });

  it('PyFloat stays a number for JSON.stringify and arithmetic', () => {
    expect(JSON.stringify({ progress: new PyFloat(1) })).toBe('{"progress":1}');
    expect(new PyFloat(2).valueOf() * 2).toBe(4);
  });
});

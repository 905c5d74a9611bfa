import { describe, expect, it } from 'vitest';
import { orderKeys, toCompactJson } from './compact-json';

describe('toCompactJson', () => {
  it('writes compact JSON, drops nulls in objects, keeps them in arrays', () => {
    expect(toCompactJson({ a: 1, b: null, c: [null, 'ü'], d: { e: undefined, f: {} } })).toBe('{"a":1,"c":[null,"ü"],"d":{"f":{}}}');
  });

  it('writes float fields the Python way', () => {
    expect(toCompactJson({ timeout: 20, other: 20, r: { cpu: 0, mem: 1.5 } }, new Set(['timeout', 'r.*']))).toBe(
      '{"timeout":20.0,"other":20,"r":{"cpu":0.0,"mem":1.5}}',
    );
  });
});

describe('orderKeys', () => {
  it('follows the schema order and keeps unknown keys at the end', () => {
    expect(Object.keys(orderKeys({ z: 1, name: 'n', uuid: 'u', extra: 2 }, ['uuid', 'name']))).toEqual(['uuid', 'name', 'z', 'extra']);
  });
});

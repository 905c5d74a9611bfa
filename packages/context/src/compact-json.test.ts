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

describe('floats like orjson', () => {
  it.each([
    [20, '20.0'], [0, '0.0'], [-0, '-0.0'], [0.1, '0.1'], [1e-7, '1e-7'], [1e16, '1e16'], [1.5e300, '1.5e300'], [123456789012345, '123456789012345.0'],
  ])('%d -> %s (orjson 3.8.3 output)', (value, expected) => {
    expect(toCompactJson({ x: value }, new Set(['x']))).toBe(`{"x":${expected}}`);
  });
});

describe('orderKeys', () => {
  it('follows the schema order and keeps unknown keys at the end', () => {
    expect(Object.keys(orderKeys({ z: 1, name: 'n', uuid: 'u', extra: 2 }, ['uuid', 'name']))).toEqual(['uuid', 'name', 'z', 'extra']);
  });
});

describe('toCompactJson over generated values', () => {
  it('parses back to the same data (nulls in objects dropped) and matches JSON.stringify when there are none', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const leaf = (): unknown => [() => Math.floor(next() * 1000) - 500, () => next() * 10, () => 'ü"\\\n✓'.slice(0, Math.floor(next() * 6)), () => next() > 0.5][Math.floor(next() * 4)]!();
    const value = (depth: number): unknown => {
      if (depth === 0 || next() < 0.3) return leaf();
      if (next() < 0.5) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth - 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}`, value(depth - 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const data = value(4);
      expect(toCompactJson(data)).toBe(JSON.stringify(data));
    }
  });
});

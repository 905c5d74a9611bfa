import { describe, expect, it } from 'vitest';
import { parseFloatValue, parseIntValue } from './numbers';

describe('parseIntValue', () => {
  it.each([['5', 5], [' 7 ', 7], ['-1', -1], ['+3', 3], [10, 10]] as const)('%j -> %j', (input, expected) => {
    expect(parseIntValue(input)).toBe(expected);
  });
  it.each(['5.0', 'five', '', '1e3', 5.5, true, null])('rejects %j', (input) => {
    expect(parseIntValue(input)).toBeUndefined();
  });
});

describe('parseFloatValue', () => {
  it.each([['3', 3], ['0.5', 0.5], ['.5', 0.5], ['1e3', 1000], [' 2.5 ', 2.5], [20, 20]] as const)('%j -> %j', (input, expected) => {
    expect(parseFloatValue(input)).toBe(expected);
  });
  it.each(['nan', 'inf', 'abc', '', '1,5', Number.NaN, Number.POSITIVE_INFINITY, false])('rejects %j', (input) => {
    expect(parseFloatValue(input)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parseNameList, parseSmoothing, parseXAxis } from './plot-options';

describe('plot options', () => {
  it('parses --x, --smooth and name lists', () => {
    expect(parseXAxis(undefined)).toBe('step');
    expect(parseXAxis('relative')).toBe('relative');
    expect(parseSmoothing(undefined)).toBe(0);
    expect(parseSmoothing('0.6')).toBe(0.6);
    expect(parseNameList(' loss, acc,,loss ')).toEqual(['loss', 'acc']);
    expect(parseNameList(',')).toBeUndefined();
  });
  it('rejects bad values with usage errors', () => {
    expect(() => parseXAxis('epoch')).toThrow("Invalid value for '--x': 'epoch'");
    for (const bad of ['1', '-0.1', 'abc', '']) expect(() => parseSmoothing(bad)).toThrow("Invalid value for '--smooth'");
  });
});

import { describe, expect, it } from 'vitest';
import { boolValueOption, intOption, listOption, parseTags, stringOption } from './option-values';

describe('option values', () => {
  it('reads strings, lists and integers', () => {
    expect(stringOption({ a: ['x', 'y'] }, 'a')).toBe('y');
    expect(listOption({ a: 'x' }, 'a')).toEqual(['x']);
    expect(intOption({ l: '10' }, 'l', '--limit')).toBe(10);
    expect(() => intOption({ l: 'ten' }, 'l', '--limit')).toThrow("'ten' is not a valid integer");
  });

  it('parses click booleans', () => {
    expect(boolValueOption({ v: 'False' }, 'v', '--verify-ssl')).toBe(false);
    expect(boolValueOption({ v: 'on' }, 'v', '--verify-ssl')).toBe(true);
    expect(() => boolValueOption({ v: 'maybe' }, 'v', '--verify-ssl')).toThrow("'maybe' is not a valid boolean");
  });

  it('parses tags as a comma list or a YAML list', () => {
    expect(parseTags('a, b,a,,c')).toEqual(['a', 'b', 'c']);
    expect(parseTags('[x, "y"]')).toEqual(['x', 'y']);
    expect(parseTags(undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parseTags, toFqnName } from './names';

describe('toFqnName', () => {
  it('normalises like upstream', () => {
    expect(toFqnName('train/loss')).toBe('train__loss');
    expect(toFqnName('val.acc é')).toBe('val-acc-e');
    expect(toFqnName(' a\\\\b ')).toBe('a__b');
    expect(toFqnName('a\tb\nc')).toBe('a-b-c');
    expect(toFqnName('lr!')).toBe('lr');
  });

  it('rejects names that are empty once cleaned', () => {
    expect(() => toFqnName('!!!')).toThrow(/invalid name/);
  });
});

describe('parseTags', () => {
  it('accepts arrays, comma strings and list strings, trims and de-duplicates', () => {
    expect(parseTags(['a', ' b ', 'a'])).toEqual(['a', 'b']);
    expect(parseTags('t1,t2, t1')).toEqual(['t1', 't2']);
    expect(parseTags('[x, "y"]')).toEqual(['x', 'y']);
    expect(parseTags('')).toEqual([]);
  });

  it('rejects non-string tags with a clear error', () => {
    expect(() => parseTags([1 as unknown as string])).toThrow(/tags must be strings/);
    expect(() => parseTags(3 as unknown as string)).toThrow(/invalid tags/);
  });
});

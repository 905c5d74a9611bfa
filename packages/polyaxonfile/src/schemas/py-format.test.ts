import { describe, expect, it } from 'vitest';
import { pyRepr, pyStringRepr, pyStr } from './py-format';

describe("Python's repr() and str()", () => {
  it('quotes strings as Python does: double quotes around a single quote, escapes for the unprintable', () => {
    expect(pyStringRepr('a')).toBe("'a'");
    expect(pyStringRepr("it's")).toBe('"it\'s"');
    expect(pyStringRepr('both \' and "')).toBe("'both \\' and \"'");
    expect(pyStringRepr('\t\n\\')).toBe("'\\t\\n\\\\'");
    expect(pyStringRepr('\x00\x85\u2028é')).toBe("'\\x00\\x85\\u2028é'");
  });

  it('prints values as Python literals', () => {
    expect(pyRepr([null, true, 1.5, 'x', { k: Number.NaN }])).toBe("[None, True, 1.5, 'x', {'k': nan}]");
    expect(pyStr('plain')).toBe('plain');
  });
});

import { describe, expect, it } from 'vitest';
import { PyFloat } from '@px/client';
import { pyJsonDumps, pyJsonString } from './py-json';

describe('python json.dumps', () => {
  it('uses default separators and ensure_ascii', () => {
    expect(pyJsonDumps({ timestamp: 't', step: null, text: 'h\u00e9llo \u2713 "q"\nx\ty' })).toBe(
      '{"timestamp": "t", "step": null, "text": "h\\u00e9llo \\u2713 \\"q\\"\\nx\\ty"}',
    );
  });

  it('escapes DEL and astral characters as surrogate pairs', () => {
    expect(pyJsonString('\u007f😀')).toBe('"\\u007f\\ud83d\\ude00"');
  });

  it('writes lists with ", " and floats like Python', () => {
    expect(pyJsonDumps([1, 0.5, new PyFloat(2), NaN])).toBe('[1, 0.5, 2.0, NaN]');
  });
});

import { describe, expect, it } from 'vitest';
import { cellText, renderKeyValues, renderTable } from './table';
import { stripAnsi } from './style';

describe('renderTable', () => {
  it('draws a boxed table with compact JSON cells', () => {
    expect(renderTable(['uuid', 'tags'], [['abc', ['a', 'b']], ['d', null]])).toBe(
      ['┌──────┬───────────┐', '│ uuid │ tags      │', '├──────┼───────────┤', '│ abc  │ ["a","b"] │', '│ d    │           │', '└──────┴───────────┘'].join('\n'),
    );
  });

  it('cuts the widest column to fit maxWidth', () => {
    const text = renderTable(['name'], [['a-very-long-name-indeed']], { maxWidth: 12 });
    expect(text.split('\n')[3]).toBe('│ a-very-… │');
  });

  it('colours only the header when asked', () => {
    const plain = renderTable(['a'], [['1']]);
    const coloured = renderTable(['a'], [['1']], { color: true });
    expect(coloured).not.toBe(plain);
    expect(stripAnsi(coloured)).toBe(plain);
  });
});

describe('renderKeyValues / cellText', () => {
  it('aligns keys and upper-cases them on request', () => {
    expect(renderKeyValues([['uuid', 'x'], ['live_state', 1]], { upper: true })).toBe('  UUID        x\n  LIVE_STATE  1');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(undefined)).toBe('');
  });
});

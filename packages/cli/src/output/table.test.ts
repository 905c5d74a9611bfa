import { describe, expect, it } from 'vitest';
import { cellText, renderKeyValues, renderTable } from './table';
import { stripAnsi } from './style';
import { displayWidth } from './display-width';

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

describe('renderTable with wide and combining characters', () => {
  it('lines up the borders of CJK, emoji and accented cells', () => {
    const table = renderTable(['name', 'note'], [['日本語', 'ok'], ['🚀 run', 'cafe\u0301'], ['plain', 'x']]);
    const lines = table.split('\n');
    const borders = lines.map((line) => {
      const cols: number[] = [];
      let col = 0;
      for (const { segment } of new Intl.Segmenter().segment(line)) {
        if (segment === '│' || segment === '┼' || segment === '┬' || segment === '┴') cols.push(col);
        col += displayWidth(segment);
      }
      return cols.join(',');
    });
    expect(new Set(borders.filter((_, i) => lines[i]!.startsWith('│'))).size).toBe(1);
    expect(lines[3]).toBe('│ 日本語 │ ok   │');
  });
});

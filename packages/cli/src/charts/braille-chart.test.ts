import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../output/style';
import { brailleChart } from './braille-chart';

describe('brailleChart', () => {
  it('draws a rising line corner to corner with labels, axis and legend', () => {
    expect(brailleChart([{ name: 'loss', x: [0, 1], y: [0, 1] }], { width: 30, height: 2 })).toEqual([
      '  1 ┤⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⢀⣀⣀⣀⡤⠤⠤⠴⠒⠒⠒⠋⠉',
      '  0 ┤⣀⣀⡤⠤⠤⠴⠒⠒⠒⠋⠉⠉⠉⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀',
      '    └─────────────────────────',
      '     0         step          1',
      '     ━━ loss',
    ]);
  });

  it('sets the dots of the first and last points in the corners', () => {
    const lines = brailleChart([{ name: 'm', x: [0, 10], y: [0, 10] }], { width: 40, height: 3 })!;
    const plot = lines.slice(0, 3).map((l) => Array.from(l.slice(l.search(/[┤│]/) + 1)));
    // bottom-left dot of the bottom-left cell, top-right dot of the top-right cell
    expect(plot[2]![0]!.charCodeAt(0) & 0x40).toBe(0x40);
    expect(plot[0]![plot[0]!.length - 1]!.charCodeAt(0) & 0x08).toBe(0x08);
  });

  it('fits the width, keeps spikes of long series and colours only with color', () => {
    const n = 100_000;
    const y = Float64Array.from({ length: n }, (_, i) => (i === 54_321 ? 100 : Math.sin(i / 1000)));
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const plain = brailleChart([{ name: 'spiky', x, y }], { width: 60, height: 8, title: 'T' })!;
    expect(plain[0]).toBe('T');
    expect(plain.every((l) => Array.from(l).length <= 60)).toBe(true);
    expect(plain[1]).toMatch(/^ *100 ┤.*[^⠀].*$/); // the spike reaches the top row
    const coloured = brailleChart([{ name: 'spiky', x, y }], { width: 60, height: 8, title: 'T', color: true })!;
    expect(coloured.join('\n')).toContain('\u001b[');
    expect(coloured.map(stripAnsi)).toEqual(plain);
  });

  it('wraps the legend to the width', () => {
    const series = ['first_metric', 'second_metric', 'third_metric'].map((name) => ({ name, x: [0, 1], y: [0, 1] }));
    const lines = brailleChart(series, { width: 40, height: 2 })!;
    expect(lines.slice(-2)).toEqual(['     ━━ first_metric  ━━ second_metric', '     ━━ third_metric']);
    expect(lines.every((l) => Array.from(l).length <= 40)).toBe(true);
  });

  it('draws one point and flat series, skips non-finite values, and gives up only with no finite point', () => {
    expect(brailleChart([{ name: 'one', x: [3], y: [7] }], { width: 30 })).toBeDefined();
    expect(brailleChart([{ name: 'nan', x: [0, 1, 2], y: [1, Number.NaN, Infinity] }], { width: 30 })).toBeDefined();
    expect(brailleChart([{ name: 'none', x: [0, 1], y: [Number.NaN, Number.NaN] }], { width: 30 })).toBeUndefined();
    expect(brailleChart([], { width: 30 })).toBeUndefined();
  });
});

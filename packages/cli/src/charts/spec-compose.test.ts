import { describe, expect, it } from 'vitest';
import { stackSpecs } from './spec-compose';

describe('stackSpecs', () => {
  it('returns a single spec unchanged and stacks several, hoisting $schema and config', () => {
    const a = { $schema: 's', config: { font: 'x' }, mark: 'line', data: { values: [] } };
    const b = { $schema: 's', mark: 'bar', data: { values: [] } };
    expect(stackSpecs([a])).toBe(a);
    expect(stackSpecs([a, b], 'T')).toEqual({
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'T',
      config: { font: 'x' },
      vconcat: [
        { mark: 'line', data: { values: [] } },
        { mark: 'bar', data: { values: [] } },
      ],
      resolve: { scale: { color: 'independent' } },
    });
  });
});

describe('stackSpecs with named datasets', () => {
  it('moves datasets to the top, renamed per child, and rewrites their references', () => {
    const a = { datasets: { lines: [1], ticks: [2] }, data: { name: 'lines' }, layer: [{ data: { name: 'ticks' }, mark: 'text' }, { mark: 'line' }] };
    const b = { datasets: { lines: [3] }, data: { name: 'lines' }, mark: 'point' };
    const stacked = stackSpecs([a, b]);
    expect(stacked.datasets).toEqual({ c0_lines: [1], c0_ticks: [2], c1_lines: [3] });
    expect(stacked.vconcat).toEqual([
      { data: { name: 'c0_lines' }, layer: [{ data: { name: 'c0_ticks' }, mark: 'text' }, { mark: 'line' }] },
      { data: { name: 'c1_lines' }, mark: 'point' },
    ]);
  });
});

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

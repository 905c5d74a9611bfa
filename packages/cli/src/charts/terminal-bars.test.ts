import { describe, expect, it } from 'vitest';
import { terminalBars } from './terminal-bars';

describe('terminalBars', () => {
  it('scales bars to the largest value and aligns labels and values', () => {
    expect(terminalBars([['loss', 0.5], ['accuracy', 1], ['nan', Number.NaN]], 24)).toEqual([
      'loss      ████▌     0.5',
      'accuracy  █████████   1',
      'nan                 NaN',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import * as main from '../index';
import { RunClient } from '../run/run-client';
import * as plots from './index';

describe('@px/client/plots entry', () => {
  it('exports the contract names', () => {
    for (const name of ['toTidy', 'toWide', 'smoothEma', 'downsample', 'lineChart', 'barChart', 'scatterChart', 'parallelCoordinates', 'comparisonTable', 'readOfflineMetrics', 'readOfflineRunIo']) {
      expect(typeof (plots as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(Object.getPrototypeOf(plots.RunPlot)).toBe(RunClient);
    expect(Object.getPrototypeOf(plots.MultiRunPlot)).toBe(RunClient);
  });

  it('keeps the main entry free of plotting code', () => {
    for (const name of Object.keys(plots)) expect(Object.keys(main), name).not.toContain(name);
  });
});

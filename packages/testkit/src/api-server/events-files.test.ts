import { describe, expect, it } from 'vitest';
import { eventColumns, sampleColumns } from './events-files';

describe('event files as the streams API answers them', () => {
  it('keeps curve/image/histogram cells as the JSON text the file holds', () => {
    const columns = eventColumns('curve', 'step|timestamp|curve\n19|2026-12-07 16:52:17.889585+00:00|{"kind":"roc","x":[0.0,1.0]}');
    expect(columns).toEqual({ step: [19], timestamp: ['2026-12-07 16:52:17.889585+00:00'], curve: ['{"kind":"roc","x":[0.0,1.0]}'] });
  });

  it('samples N rows in file order, the same rows every time, and every row when N is large', () => {
    const columns = { step: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], metric: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19] };
    const picked = sampleColumns(columns, 4);
    const steps = picked.step as number[];
    expect(steps).toHaveLength(4);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(picked.metric).toEqual(steps.map((s) => s + 10));
    expect(sampleColumns(columns, 4)).toEqual(picked);
    expect(sampleColumns(columns, 50)).toBe(columns);
  });
});

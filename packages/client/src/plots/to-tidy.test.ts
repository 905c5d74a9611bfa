import { describe, expect, it } from 'vitest';
import { PlotDataError } from './plot-errors';
import { eventNames, toTidy } from './to-tidy';

const T = ['2026-12-07 16:52:17.887073+00:00', '2026-12-07 16:52:17.887217+00:00'];

describe('toTidy', () => {
  it('turns an orient=dict answer into rows, matching entries by name whatever their order', () => {
    const answer = {
      data: [
        { name: 'accuracy', kind: 'metric', data: { step: [0, 1], timestamp: T, metric: [0.5, 0.52] } },
        { name: 'loss', kind: 'metric', data: { step: [0, 1], timestamp: T, metric: [1, 0.5] } },
      ],
    };
    expect(toTidy(answer)).toEqual([
      { step: 0, timestamp: new Date(Date.UTC(2026, 11, 7, 16, 52, 17, 887)), metric: 0.5, name: 'accuracy' },
      { step: 1, timestamp: new Date(Date.UTC(2026, 11, 7, 16, 52, 17, 887)), metric: 0.52, name: 'accuracy' },
      { step: 0, timestamp: new Date(Date.UTC(2026, 11, 7, 16, 52, 17, 887)), metric: 1, name: 'loss' },
      { step: 1, timestamp: new Date(Date.UTC(2026, 11, 7, 16, 52, 17, 887)), metric: 0.5, name: 'loss' },
    ]);
    expect(eventNames(answer)).toEqual(['accuracy', 'loss']);
  });

  it('reads orient=csv text and the server’s NaN/Infinity strings', () => {
    const rows = toTidy({ data: [{ name: 'loss', kind: 'metric', data: `step|timestamp|metric\n0|${T[0]}|1.0\n1|${T[1]}|nan` }] });
    expect(rows.map((r) => r.metric)).toEqual([1, Number.NaN]);
    const dict = toTidy({ data: [{ name: 'm', kind: 'metric', data: { step: [0, null], timestamp: T, metric: ['Infinity', '-Infinity'] } }] });
    expect(dict.map((r) => [r.step, r.metric])).toEqual([
      [0, Number.POSITIVE_INFINITY],
      [1, Number.NEGATIVE_INFINITY],
    ]);
  });

  it('gives every row of a multi-run answer its run; unknown runs (`[]`) add nothing', () => {
    const rows = toTidy({
      data: {
        b: [{ name: 'loss', kind: 'metric', data: { step: [0], timestamp: [T[0]], metric: [2] } }],
        '00000000000000000000000000000000': [],
      },
    });
    expect(rows).toEqual([{ step: 0, timestamp: new Date(Date.UTC(2026, 11, 7, 16, 52, 17, 887)), metric: 2, name: 'loss', run: 'b' }]);
  });

  it('gives no rows for `{data: []}` and empty input', () => {
    expect(toTidy({ data: [] })).toEqual([]);
    expect(toTidy({})).toEqual([]);
    expect(toTidy([])).toEqual([]);
  });

  it('refuses other shapes and non-metric events with a clear message', () => {
    expect(() => toTidy('nope')).toThrow(PlotDataError);
    expect(() => toTidy({ data: [{ name: 'notes', kind: 'text', data: {} }] })).toThrow('`notes` is a `"text"` event, not a metric');
    expect(() => toTidy({ data: [{ name: 'm', kind: 'metric', data: { step: [0], timestamp: ['x'], metric: [1] } }] }, { run: 'r' })).toThrow(
      'run r: metric `m` row 0 has an invalid timestamp "x".',
    );
    expect(() => toTidy({ data: [{ name: 'm', data: { step: [0], timestamp: [T[0]] } }] })).toThrow('has no `metric` column');
  });
});

import { describe, expect, it } from 'vitest';
import { MetricFileParser, parseMetricFile } from './metric-file';
import { parseEventTimestamp } from './parse-timestamp';
import { PlotDataError } from './plot-errors';

describe('parseEventTimestamp', () => {
  it('reads the streams/event-file format, ISO forms and offsets', () => {
    expect(parseEventTimestamp('2026-12-07 16:52:17.887073+00:00')).toBe(Date.UTC(2026, 11, 7, 16, 52, 17, 887));
    expect(parseEventTimestamp('2026-11-23 02:30:16.388681+02:00')).toBe(Date.UTC(2026, 10, 23, 0, 30, 16, 388));
    expect(parseEventTimestamp('2026-12-07T16:52:17Z')).toBe(Date.UTC(2026, 11, 7, 16, 52, 17));
    expect(parseEventTimestamp('2026-12-07T16:52:17.5')).toBe(Date.UTC(2026, 11, 7, 16, 52, 17, 500));
    expect(parseEventTimestamp('2026-12-07 16:52:17.887073-05:30')).toBe(Date.UTC(2026, 11, 7, 22, 22, 17, 887));
  });

  it('gives NaN for text that is not a timestamp', () => {
    for (const bad of ['', 'yesterday', '2026-02-30 00:00:00', '2026-12-07 25:00:00+00:00']) expect(parseEventTimestamp(bad)).toBeNaN();
  });
});

describe('parseMetricFile', () => {
  it('reads the step|timestamp|metric layout @px/tracking writes, special floats and missing steps included', () => {
    const text = 'step|timestamp|metric\n1|2026-11-23 00:30:16.388681+00:00|0.5\n|2026-11-23 00:30:16.388682+00:00|1.0\n3|2026-11-23 00:30:17.000000+00:00|nan\n4|2026-11-23 00:30:18.000000+00:00|inf\n5|2026-11-23 00:30:19.000000+00:00|-inf';
    const rows = parseMetricFile(text, 'loss', 'loss.plx', 'r1');
    expect(rows.map((r) => [r.step, r.metric])).toEqual([
      [1, 0.5],
      [1, 1],
      [3, Number.NaN],
      [4, Number.POSITIVE_INFINITY],
      [5, Number.NEGATIVE_INFINITY],
    ]);
    expect(rows[0]).toEqual({ step: 1, timestamp: new Date(Date.UTC(2026, 10, 23, 0, 30, 16, 388)), metric: 0.5, name: 'loss', run: 'r1' });
  });

  it('returns no rows for an empty file or a header alone, and ignores a trailing newline and CRLF', () => {
    expect(parseMetricFile('', 'a', 'a.plx')).toEqual([]);
    expect(parseMetricFile('step|timestamp|metric', 'a', 'a.plx')).toEqual([]);
    expect(parseMetricFile('step|timestamp|metric\r\n0|2026-11-23 00:30:16.388681+00:00|2\r\n', 'a', 'a.plx').map((r) => r.metric)).toEqual([2]);
  });

  it('reads every value as Number() does (plain decimals on the fast path, the rest through it)', () => {
    const texts = ['5.', '.5', '-0.125', '-0', '1e-05', '1E+20', '0.00000000000000000000001', '123456789012345678', '0.1234567890123456789', '3', '+4', '0x10', '1_0'];
    for (let i = 0; i < 2000; i++) {
      const v = (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 12 - 6);
      texts.push(String(v), v.toPrecision(1 + (i % 17)), v.toFixed(i % 12));
    }
    const file = ['step|timestamp|metric', ...texts.map((t, i) => `${i}|2026-11-23 00:30:16.388681+00:00|${t}`)].join('\n');
    const rows = parseMetricFile(file, 'm', 'm.plx');
    rows.forEach((row, i) => {
      const text = texts[i]!;
      const expected = Number(text);
      if (Number.isNaN(expected)) expect(row.metric, text).toBeNaN();
      else expect(Object.is(row.metric, expected), `${text} → ${row.metric}`).toBe(true);
    });
  });

  it('shares one Date between rows of the same millisecond only', () => {
    const rows = parseMetricFile('step|timestamp|metric\n0|2026-11-23 00:30:16.388681+00:00|1\n1|2026-11-23 00:30:16.388990+00:00|2\n2|2026-11-23 00:30:16.389001+00:00|3', 'm', 'm.plx');
    expect(rows[0]!.timestamp).toBe(rows[1]!.timestamp);
    expect(rows[2]!.timestamp.getTime()).toBe(rows[1]!.timestamp.getTime() + 1);
  });

  it('reads a file pushed in arbitrary chunks like the whole text', () => {
    const text = ['step|timestamp|metric', ...Array.from({ length: 50 }, (_, i) => `${i}|2026-11-23 00:30:${String(i).padStart(2, '0')}.388681+00:00|${i / 7}`)].join('\n');
    const whole = parseMetricFile(text, 'm', 'm.plx');
    const parser = new MetricFileParser('m', 'm.plx');
    for (let i = 0; i < text.length; i += 7) parser.push(text.slice(i, i + 7));
    expect(parser.end()).toEqual(whole);
  });

  it('keeps non-numeric values as NaN rows rather than dropping them', () => {
    const rows = parseMetricFile('step|timestamp|metric\n0|2026-11-23 00:30:16.388681+00:00|oops', 'a', 'a.plx');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.metric).toBeNaN();
  });

  it('names the file and line of a malformed row', () => {
    expect(() => parseMetricFile('step|value\n0|1', 'a', '/r/a.plx')).toThrow(/\/r\/a\.plx: line 1 should be the header/);
    expect(() => parseMetricFile('step|timestamp|metric\n0|2026-11-23 00:30:16.388681+00:00|1\n1|not-a-time|2', 'a', '/r/a.plx')).toThrow(
      new PlotDataError('/r/a.plx: line 3 has an invalid timestamp `not-a-time`.'),
    );
    expect(() => parseMetricFile('step|timestamp|metric\n0', 'a', 'f')).toThrow(/line 2 should be `step\|timestamp\|metric`/);
  });
});

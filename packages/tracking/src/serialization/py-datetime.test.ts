import { describe, expect, it } from 'vitest';
import { TrackingError } from '../errors';
import { formatIsoDateTime, formatPyDateTime, formatUtcMicros, nowMicros, parsePyDateTime, toPyDateTime } from './py-datetime';

describe('python datetime text', () => {
  it('omits the fraction when microseconds are zero', () => {
    expect(formatPyDateTime(toPyDateTime(new Date(Date.UTC(2024, 0, 2, 3, 4, 5))))).toBe('2024-01-02 03:04:05+00:00');
  });

  it('keeps the caller offset', () => {
    const value = parsePyDateTime('2024-01-02T03:04:05.12+02:00');
    expect(formatPyDateTime(value)).toBe('2024-01-02 03:04:05.120000+02:00');
    expect(formatIsoDateTime(value)).toBe('2024-01-02T03:04:05.120000+02:00');
  });

  it('parses Z strings to +00:00 and pads the fraction', () => {
    expect(formatPyDateTime(parsePyDateTime('2024-01-02T03:04:05.5Z'))).toBe('2024-01-02 03:04:05.500000+00:00');
  });

  it('prints naive datetimes without an offset', () => {
    expect(formatPyDateTime(parsePyDateTime('2024-01-02 03:04:05'))).toBe('2024-01-02 03:04:05');
  });

  it('formats epoch micros in UTC', () => {
    expect(formatUtcMicros(1795393816388681)).toBe('2026-11-23 00:30:16.388681+00:00');
    expect(formatUtcMicros(1704164645000000)).toBe('2024-01-02 03:04:05+00:00');
  });

  it('has microsecond resolution now', () => {
    expect(Number.isInteger(nowMicros())).toBe(true);
    expect(Math.abs(nowMicros() / 1000 - Date.now())).toBeLessThan(5000);
  });

  it('rejects invalid timestamps with a typed error', () => {
    expect(() => parsePyDateTime('yesterday')).toThrow(TrackingError);
    expect(() => parsePyDateTime('2024-02-30T00:00:00Z')).toThrow(/invalid timestamp/);
    expect(() => toPyDateTime(new Date(Number.NaN))).toThrow(TrackingError);
  });

  it("rejects timestamps outside Python's datetime range (years 1 to 9999), as upstream cannot hold them", () => {
    expect(() => toPyDateTime(new Date(Date.UTC(10000, 0, 1)))).toThrow(/outside Python's datetime range \(years 1 to 9999\): \+010000-01-01T00:00:00.000Z/);
    expect(() => toPyDateTime({ epochMicros: -62_135_596_800_000_000 - 1e6, offsetMinutes: 0 })).toThrow(TrackingError);
    expect(formatPyDateTime(toPyDateTime(new Date('9999-12-31T23:59:59Z')))).toBe('9999-12-31 23:59:59+00:00');
    expect(formatPyDateTime(toPyDateTime({ epochMicros: -62_135_596_800_000_000, offsetMinutes: 0 }))).toBe('0001-01-01 00:00:00+00:00');
  });
});

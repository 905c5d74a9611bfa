import { describe, expect, it } from 'vitest';
import { formatNumber, formatX } from './axis-format';

describe('formatNumber / formatX', () => {
  it('keeps 4 significant digits and switches to exponents at the extremes', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(1234567)).toBe('1.235e+6');
    expect(formatNumber(0.00001)).toBe('1e-5');
    expect(formatNumber(0)).toBe('0');
    expect([Number.NaN, Infinity, -Infinity].map(formatNumber)).toEqual(['NaN', 'Inf', '-Inf']);
  });
  it('labels steps, timestamps and relative seconds', () => {
    expect(formatX(100, 'step')).toBe('100');
    expect(formatX(Date.UTC(2026, 0, 2, 3, 4, 5), 'timestamp')).toBe('2026-01-02 03:04:05');
    expect(formatX(2.5, 'relative')).toBe('2.5s');
  });
});

import { describe, expect, it } from 'vitest';
import { formatPyFloat, PyFloat } from './py-float';

describe('formatPyFloat', () => {
  it.each([
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [1e21, '1e+21'],
    [123456789.123, '123456789.123'],
    [0.1 + 0.2, '0.30000000000000004'],
    [3, '3.0'],
    [Math.fround(0.1), '0.10000000149011612'],
    [7, '7.0'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [-0, '-0.0'],
    [0, '0.0'],
    [5e-324, '5e-324'],
    [1.5e300, '1.5e+300'],
    [2.5, '2.5'],
    [-1.25e-7, '-1.25e-07'],
    [0.001, '0.001'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [1.2345678901234567e19, '1.2345678901234567e+19'],
  ])('formats %s like Python repr', (value, expected) => {
    expect(formatPyFloat(value)).toBe(expected);
  });

  it('PyFloat prints as a Python float', () => {
    expect(String(new PyFloat(5))).toBe('5.0');
  });
});

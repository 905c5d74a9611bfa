/**
 * Short labels for axis ticks and table cells: at most 4 significant digits,
 * exponent form for very large or very small magnitudes, no trailing zeros.
 *
 * @example
 * ```ts
 * formatNumber(0.123456); // '0.1235'
 * formatNumber(1234567);  // '1.235e+6'
 * ```
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Inf' : '-Inf';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(4)));
}

/** How x values are shown: steps as numbers, timestamps as UTC times, relative time as seconds. */
export type XAxisKind = 'step' | 'timestamp' | 'relative';

/** A label for an x value of the given kind (timestamps are epoch milliseconds). */
export function formatX(value: number, kind: XAxisKind): string {
  if (kind === 'timestamp') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19).replace('T', ' ');
  }
  if (kind === 'relative') return `${formatNumber(value)}s`;
  return formatNumber(value);
}

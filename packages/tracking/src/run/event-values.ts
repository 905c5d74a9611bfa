import { TrackingError } from '../errors';
import { formatPyFloat, PyFloat } from '@px/client';
import { compactJson } from '@px/client';
import { type JsonInput } from '../serialization/py-json';
import type { HistogramData } from '../media/histogram';

/**
 * Checks an event step: an integer or `undefined`.
 *
 * @param step - the step
 * @throws {@link TrackingError} when it is not an integer
 */
export function assertStep(step: number | undefined): void {
  if (step !== undefined && !Number.isSafeInteger(step)) {
    throw new TrackingError(`step must be an integer, got ${String(step)}.`);
  }
}

/**
 * A metric value as a number (booleans become 1/0, bigints numbers), like
 * upstream's conversion to a Python float.
 *
 * @param value - the value
 * @param name - the metric name, for the error
 * @returns the number
 * @throws {@link TrackingError} for anything else
 */
export function toMetricValue(value: unknown, name: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof PyFloat) return value.value;
  throw new TrackingError(`Metric ${JSON.stringify(name)} must be a number, got ${value === null ? 'null' : typeof value}.`);
}

function numberList(values: ArrayLike<number>, what: string): PyFloat[] {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TrackingError(`${what} must be an array of numbers.`);
  }
  const out: PyFloat[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') throw new TrackingError(`${what}[${i}] must be a number.`);
    out.push(new PyFloat(v));
  }
  return out;
}

/**
 * Upstream's `str(annotation) if annotation else None`.
 *
 * @param value - the annotation
 * @returns the text, or `undefined` for falsy values
 */
export function annotationText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}` : formatPyFloat(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Whether `value` is a non-null, non-array object.
 *
 * @param value - anything
 * @returns true for plain objects
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A curve event value: `{"kind","x","y","annotation"}` with float lists.
 *
 * @param kind - `roc`, `pr` or `custom`
 * @param x - x values
 * @param y - y values
 * @param annotation - optional annotation text
 * @returns the compact JSON
 * @throws {@link TrackingError} when x or y hold something else than numbers
 */
export function curveValue(kind: string, x: ArrayLike<number>, y: ArrayLike<number>, annotation: string | undefined): string {
  return compactJson({ kind, x: numberList(x, 'x'), y: numberList(y, 'y'), annotation });
}

/**
 * A histogram event value with upstream's (swapped) names: `values` = per-bin
 * counts, `counts` = bin edges, all floats.
 *
 * @param hist - counts and edges
 * @returns the compact JSON
 */
export function histogramValue(hist: HistogramData): string {
  return compactJson({ values: hist.counts.map((v) => new PyFloat(v)), counts: hist.edges.map((v) => new PyFloat(v)) });
}

function cell(v: unknown): JsonInput {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new TrackingError('Confusion matrix values must be numbers, strings or booleans.');
}

/**
 * A confusion matrix event value, checked like upstream: `x`, `y` and `z`
 * of the same length and every row of `z` that long too.
 *
 * @param x - column labels
 * @param y - row labels
 * @param z - the matrix
 * @returns the compact JSON
 * @throws {@link TrackingError} when the shapes do not match
 */
export function confusionValue(x: readonly unknown[], y: readonly unknown[], z: readonly (readonly unknown[])[]): string {
  if (!Array.isArray(x) || !Array.isArray(y) || !Array.isArray(z)) {
    throw new TrackingError('Received invalid data for confusion matrix: x, y and z must be arrays.');
  }
  if (x.length !== y.length || x.length !== z.length) {
    throw new TrackingError(
      `Received invalid data for confusion matrix. All arrays must have the same structure: [len(x): ${x.length}, len(y): ${y.length}, len(z): ${z.length}]`,
    );
  }
  if (z.some((row) => !Array.isArray(row) || row.length !== z.length)) {
    throw new TrackingError(`Received invalid data for confusion matrix: every row of z must have ${z.length} items.`);
  }
  return compactJson({ x: x.map(cell), y: y.map(cell), z: z.map((row: readonly unknown[]) => row.map(cell)) });
}

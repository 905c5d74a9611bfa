import { PlotDataError } from './plot-errors';

/**
 * Exponential moving average with start-up bias correction, as the
 * smoothing slider of TensorBoard-style charts: `ema = w·ema + (1−w)·v`,
 * divided by `1 − wⁿ` after `n` finite values so the curve starts at the
 * first value. Weight 0 returns the values unchanged; non-finite values are
 * passed through and do not feed the average.
 *
 * @param values - the series, in x order
 * @param weight - smoothing weight in [0, 1)
 * @throws {@link PlotDataError} when `weight` is outside [0, 1)
 */
export function smoothEma(values: readonly number[], weight: number): number[] {
  if (!(weight >= 0 && weight < 1)) throw new PlotDataError(`smoothing must be a number in [0, 1), got ${weight}.`);
  if (weight === 0) return [...values];
  const out = new Array<number>(values.length);
  let last = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    count++;
    out[i] = last / (1 - weight ** count);
  }
  return out;
}

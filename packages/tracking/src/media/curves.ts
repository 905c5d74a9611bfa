import { TrackingError } from '../errors';

/** A curve's x and y points. */
export interface CurvePoints {
  /** x values. */
  x: number[];
  /** y values. */
  y: number[];
}

function toBinary(labels: ArrayLike<unknown>, posLabel: unknown): number[] {
  const out: number[] = [];
  if (posLabel === undefined) {
    const classes = new Set(Array.from(labels, (l) => (typeof l === 'boolean' ? Number(l) : l)));
    for (const c of classes) {
      if (c !== 0 && c !== 1 && c !== -1) {
        throw new TrackingError('Labels are not binary {0, 1} or {-1, 1}: pass posLabel (or isMultiClass).');
      }
    }
    for (let i = 0; i < labels.length; i++) out.push(Number(labels[i]) === 1 ? 1 : 0);
    return out;
  }
  for (let i = 0; i < labels.length; i++) out.push(labels[i] === posLabel ? 1 : 0);
  return out;
}

interface BinaryCurve {
  fps: number[];
  tps: number[];
  thresholds: number[];
}

/** sklearn's `_binary_clf_curve`: cumulative fp/tp counts at each distinct score, highest first. */
function binaryClfCurve(yTrue: ArrayLike<unknown>, yScore: ArrayLike<number>, posLabel: unknown): BinaryCurve {
  if (yTrue.length !== yScore.length) {
    throw new TrackingError(`Labels and scores differ in length: ${yTrue.length} vs ${yScore.length}.`);
  }
  if (yTrue.length === 0) throw new TrackingError('Labels and scores must not be empty.');
  const truth = toBinary(yTrue, posLabel);
  const scores = Array.from(yScore, Number);
  if (scores.some((s) => !Number.isFinite(s))) throw new TrackingError('Scores must be finite numbers.');
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    tp += truth[i]!;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      tps.push(tp);
      fps.push(k + 1 - tp);
      thresholds.push(scores[i]!);
    }
  }
  return { fps, tps, thresholds };
}

/**
 * ROC curve like sklearn's `roc_curve` with `drop_intermediate=True`.
 *
 * @param yTrue - true labels (binary, or any labels with `posLabel`)
 * @param yScore - scores, higher means positive
 * @param posLabel - the positive label
 * @returns false positive rates (x) and true positive rates (y)
 * @throws {@link TrackingError} on mismatched or invalid input
 */
export function rocCurve(yTrue: ArrayLike<unknown>, yScore: ArrayLike<number>, posLabel?: unknown): CurvePoints {
  let { fps, tps } = binaryClfCurve(yTrue, yScore, posLabel);
  if (fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const d2f = fps[i + 1]! - 2 * fps[i]! + fps[i - 1]!;
      const d2t = tps[i + 1]! - 2 * tps[i]! + tps[i - 1]!;
      if (d2f !== 0 || d2t !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = keep.map((i) => fps[i]!);
    tps = keep.map((i) => tps[i]!);
  }
  fps = [0, ...fps];
  tps = [0, ...tps];
  const fMax = fps[fps.length - 1]!;
  const tMax = tps[tps.length - 1]!;
  return {
    x: fps.map((f) => (fMax > 0 ? f / fMax : Number.NaN)),
    y: tps.map((t) => (tMax > 0 ? t / tMax : Number.NaN)),
  };
}

/**
 * Area under a curve with the trapezoidal rule, like `sklearn.metrics.auc`
 * (x must be monotonic).
 *
 * @param x - x values
 * @param y - y values
 * @returns the area
 * @throws {@link TrackingError} when x is not monotonic or lengths differ
 */
export function auc(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 2) throw new TrackingError('auc needs x and y of the same length, at least 2.');
  let direction = 1;
  let increasing = true;
  let decreasing = true;
  for (let i = 1; i < x.length; i++) {
    if (x[i]! < x[i - 1]!) increasing = false;
    if (x[i]! > x[i - 1]!) decreasing = false;
  }
  if (!increasing) {
    if (decreasing) direction = -1;
    else throw new TrackingError('x is neither increasing nor decreasing.');
  }
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return direction * area;
}

/**
 * Precision-recall curve like `sklearn.metrics.precision_recall_curve`
 * (recall decreasing, ending with precision 1 and recall 0).
 *
 * @param yTrue - true labels
 * @param yScore - scores
 * @param posLabel - the positive label
 * @returns precision (x) and recall (y), as upstream logs them
 * @throws {@link TrackingError} on mismatched or invalid input
 */
export function precisionRecallCurve(yTrue: ArrayLike<unknown>, yScore: ArrayLike<number>, posLabel?: unknown): CurvePoints {
  const { fps, tps } = binaryClfCurve(yTrue, yScore, posLabel);
  const tMax = tps[tps.length - 1]!;
  const precision = tps.map((t, i) => (t + fps[i]! === 0 ? 0 : t / (t + fps[i]!)));
  const recall = tps.map((t) => (tMax === 0 ? Number.NaN : t / tMax));
  return { x: [...precision.reverse(), 1], y: [...recall.reverse(), 0] };
}

/**
 * Average precision like `sklearn.metrics.average_precision_score`:
 * `-sum(diff(recall) * precision[:-1])`.
 *
 * @param yTrue - true labels
 * @param yScore - scores
 * @param posLabel - the positive label
 * @returns the average precision
 * @throws {@link TrackingError} on mismatched or invalid input
 */
export function averagePrecision(yTrue: ArrayLike<unknown>, yScore: ArrayLike<number>, posLabel?: unknown): number {
  const { x: precision, y: recall } = precisionRecallCurve(yTrue, yScore, posLabel);
  let sum = 0;
  for (let i = 1; i < recall.length; i++) sum += (recall[i]! - recall[i - 1]!) * precision[i - 1]!;
  return -sum;
}

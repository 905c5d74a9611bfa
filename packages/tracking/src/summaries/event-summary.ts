import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { isJsonlKind } from '../events/event-kinds';
import { PyFloat } from '@px/client';
import type { JsonInput } from '../serialization/py-json';
import { describe } from './numpy-stats';

/** The lineage `summary` of one event file, in upstream's key order. */
export type EventSummary = { readonly [key: string]: JsonInput };

/**
 * Parses Python float text (`nan`, `inf`, `-inf`, `1e-05`, ...).
 *
 * @param text - the text
 * @returns the number (NaN for empty text)
 */
export function parsePyFloat(text: string): number {
  switch (text) {
    case 'nan':
      return Number.NaN;
    case 'inf':
      return Infinity;
    case '-inf':
      return -Infinity;
    default:
      return text === '' ? Number.NaN : Number(text);
  }
}

/** A growable Float64Array. */
export class Growable {
  data: Float64Array;
  n = 0;
  /**
   * @param capacity - initial capacity
   * @param reuse - a buffer to fill instead of allocating one, when it is large enough
   */
  constructor(capacity: number, reuse?: Float64Array) {
    this.data = reuse !== undefined && reuse.length >= capacity ? reuse : new Float64Array(Math.max(1024, capacity));
  }
  push(v: number): void {
    if (this.n === this.data.length) {
      const next = new Float64Array(Math.ceil(this.data.length * 1.5));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = v;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.n);
  }
}

/** What a summary is built from; filled by reading a file or by the writer as it writes. */
export interface SummaryAccumulator {
  rows: number;
  stepCount: number;
  anyNullStep: boolean;
  firstStep: number | null;
  lastStep: number | null;
  firstTs: string | null;
  lastTs: string | null;
  values: Growable | undefined;
}

/**
 * An empty accumulator for an event file of `kind` (metrics collect values).
 *
 * @param kind - the event kind
 * @param capacity - initial value capacity
 * @returns the accumulator
 */
export function newAccumulator(kind: string, capacity = 1024, reuse?: Float64Array): SummaryAccumulator {
  return {
    rows: 0, stepCount: 0, anyNullStep: false, firstStep: null, lastStep: null, firstTs: null, lastTs: null,
    values: kind === 'metric' ? new Growable(capacity, reuse) : undefined,
  };
}

/**
 * Rows a file of `length` bytes holds, from the row length of its first
 * 64 KiB plus 2%: the values array is allocated once at about the right size
 * (a 5M-row file needs 40 MB, not the 60 MB a fixed 40 bytes/row guess took).
 */
function estimateRows(path: string, length: number): number {
  const sample = Buffer.alloc(Math.min(length, 1 << 16));
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, sample, 0, sample.length, 0);
  } finally {
    closeSync(fd);
  }
  let rows = 0;
  for (let i = sample.indexOf(0x0a); i >= 0 && i < read; i = sample.indexOf(0x0a, i + 1)) rows++;
  if (rows === 0 || read >= length) return rows + 1;
  return Math.ceil((length / read) * rows * 1.02) + 16;
}

function* readLines(path: string, length: number): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let rest = '';
    for (let left = length; left > 0; left -= buffer.length) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, left), null);
      if (n === 0) break;
      const text = rest + buffer.toString('utf8', 0, n);
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    yield rest;
  } finally {
    closeSync(fd);
  }
}

function stepValue(value: number | null, anyNull: boolean): JsonInput {
  if (value === null || Number.isNaN(value)) return null;
  return anyNull ? new PyFloat(value) : value;
}

function floatOrNull(v: number): JsonInput {
  return Number.isFinite(v) ? new PyFloat(v) : null;
}

/**
 * Reads one event file and builds upstream's lineage summary
 * (`V1Events.get_summary`): `is_event`, `step` (count of non-empty steps,
 * first and last row — floats when some steps are empty), `timestamp` (first
 * and last row, ISO), and for metrics pandas' `describe()` plus `last`.
 * Files are streamed, so large files do not load as one string.
 *
 * @param path - the `.plx` file
 * @param kind - the event kind
 * @param length - bytes to read: the file's size, or less to leave out a
 *   torn tail (see `completeLength` of `@px/client`)
 * @param scratch - a values buffer to reuse (one file after the other keeps
 *   one array alive instead of one per file); it is overwritten
 * @returns the summary, or `undefined` for a file without events
 */
export function summarizeEventFile(
  path: string,
  kind: string,
  length: number = statSync(path).size,
  scratch?: { values: Float64Array | undefined },
): EventSummary | undefined {
  const jsonl = isJsonlKind(kind);
  const acc = newAccumulator(kind, kind === 'metric' ? estimateRows(path, length) : 0, scratch?.values);
  if (scratch !== undefined && acc.values !== undefined) scratch.values = acc.values.data;
  let stepCol = 0;
  let tsCol = 1;
  let header = !jsonl;
  let lastLine = '';
  let lastFirst = -1;
  let lastSecond = -1;
  const stepOf = (line: string, first: number, second: number): number | null => {
    const text = stepCol === 0 ? line.slice(0, first) : line.slice(first + 1, second);
    return text === '' ? null : Number(text);
  };
  const tsOf = (line: string, first: number, second: number): string => (tsCol === 1 ? line.slice(first + 1, second) : line.slice(0, first));
  for (const line of readLines(path, length)) {
    if (header) {
      header = false;
      const cols = line.split('|');
      stepCol = cols.indexOf('step');
      tsCol = cols.indexOf('timestamp');
      continue;
    }
    if (line === '') continue;
    if (jsonl) {
      let parsed: { step?: unknown; timestamp?: unknown };
      try {
        parsed = JSON.parse(line) as { step?: unknown; timestamp?: unknown };
      } catch {
        continue;
      }
      const step = typeof parsed.step === 'number' ? parsed.step : null;
      const ts = typeof parsed.timestamp === 'string' ? parsed.timestamp : '';
      acc.rows++;
      if (step === null) acc.anyNullStep = true;
      else acc.stepCount++;
      if (acc.rows === 1) {
        acc.firstStep = step;
        acc.firstTs = ts;
      }
      acc.lastStep = step;
      acc.lastTs = ts;
      continue;
    }
    // CSV rows: only the first and last rows need their step and timestamp parsed.
    const first = line.indexOf('|');
    const second = line.indexOf('|', first + 1);
    if (first < 0 || second < 0) continue;
    acc.rows++;
    const stepEmpty = stepCol === 0 ? first === 0 : second === first + 1;
    if (stepEmpty) acc.anyNullStep = true;
    else acc.stepCount++;
    if (acc.rows === 1) {
      acc.firstStep = stepOf(line, first, second);
      acc.firstTs = tsOf(line, first, second);
    }
    lastLine = line;
    lastFirst = first;
    lastSecond = second;
    if (acc.values !== undefined) {
      const value = line.slice(second + 1);
      const n = +value;
      acc.values.push(value !== '' && n === n ? n : parsePyFloat(value));
    }
  }
  if (scratch !== undefined && acc.values !== undefined) scratch.values = acc.values.data;
  if (!jsonl && acc.rows > 0) {
    acc.lastStep = stepOf(lastLine, lastFirst, lastSecond);
    acc.lastTs = tsOf(lastLine, lastFirst, lastSecond);
  }
  return buildSummary(acc, false);
}

/**
 * Builds upstream's summary from an accumulator.
 *
 * @param acc - the accumulator
 * @param copyValues - copy the values before sorting them (default true)
 * @returns the summary, or `undefined` when there are no rows
 */
export function buildSummary(acc: SummaryAccumulator, copyValues = true): EventSummary | undefined {
  if (acc.rows === 0) return undefined;
  const summary: Record<string, JsonInput> = { is_event: true };
  if (acc.stepCount > 0) {
    summary.step = {
      count: acc.stepCount,
      min: stepValue(acc.firstStep, acc.anyNullStep),
      max: stepValue(acc.lastStep, acc.anyNullStep),
    };
  }
  if (acc.firstTs && acc.lastTs) {
    summary.timestamp = { min: acc.firstTs.replace(' ', 'T'), max: acc.lastTs.replace(' ', 'T') };
  }
  if (acc.values !== undefined) {
    const values = copyValues ? acc.values.view().slice() : acc.values.view();
    const last = values[values.length - 1]!;
    const d = describe(values);
    summary.metric = {
      count: new PyFloat(d.count),
      mean: floatOrNull(d.mean),
      std: floatOrNull(d.std),
      min: floatOrNull(d.min),
      '25%': floatOrNull(d.q25),
      '50%': floatOrNull(d.q50),
      '75%': floatOrNull(d.q75),
      max: floatOrNull(d.max),
      last: floatOrNull(last),
    };
  }
  return summary;
}

/**
 * The `last` metric value of a summary, for end-of-run outputs.
 *
 * @param summary - a metric summary
 * @returns the last value, or `undefined`
 */
export function lastMetricValue(summary: EventSummary): JsonInput {
  const metric = summary.metric;
  if (metric && typeof metric === 'object' && !Array.isArray(metric) && !(metric instanceof PyFloat)) {
    return (metric as Record<string, JsonInput>).last;
  }
  return undefined;
}

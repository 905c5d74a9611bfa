import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ValueStore } from './value-store';
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

/** What a summary is built from; filled by reading a file or by the writer as it writes. */
export interface SummaryAccumulator {
  rows: number;
  stepCount: number;
  anyNullStep: boolean;
  firstStep: number | null;
  lastStep: number | null;
  firstTs: string | null;
  lastTs: string | null;
  /** Metric values in row order (other kinds: none). */
  values: ValueStore | undefined;
  /** How many metric values are not NaN. */
  numeric: number;
}

/**
 * An empty accumulator for an event file of `kind` (metrics collect values).
 *
 * @param kind - the event kind
 * @param spillAfter - metric values kept in memory before they move to a temporary file (see {@link ValueStore})
 * @returns the accumulator
 */
export function newAccumulator(kind: string, spillAfter = Infinity): SummaryAccumulator {
  return {
    rows: 0, stepCount: 0, anyNullStep: false, firstStep: null, lastStep: null, firstTs: null, lastTs: null,
    values: kind === 'metric' ? new ValueStore(spillAfter) : undefined, numeric: 0,
  };
}

/** Values of a re-read file kept in memory (1 MiB) before the rest is streamed through a temporary file. */
const READ_IN_MEMORY = 1 << 17;

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
 * Files are streamed, so large files do not load as one string, and metric
 * values beyond 131,072 go through a temporary file (8 bytes a row in the OS
 * temp folder, deleted before this returns).
 *
 * @param path - the `.plx` file
 * @param kind - the event kind
 * @param length - bytes to read: the file's size, or less to leave out a
 *   torn tail (see `completeLength` of `@px/client`)
 * @returns the summary, or `undefined` for a file without events
 */
export function summarizeEventFile(
  path: string,
  kind: string,
  length: number = statSync(path).size,
): EventSummary | undefined {
  const acc = newAccumulator(kind, READ_IN_MEMORY);
  try {
    readEventFile(path, kind, length, acc);
    return buildSummary(acc);
  } finally {
    acc.values?.dispose();
  }
}

/** Fills `acc` from the rows of an event file (the first `length` bytes). */
function readEventFile(path: string, kind: string, length: number, acc: SummaryAccumulator): void {
  const jsonl = isJsonlKind(kind);
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
      let n = +value;
      if (value === '' || n !== n) n = parsePyFloat(value);
      acc.values.push(n);
      if (n === n) acc.numeric++;
    }
  }
  if (!jsonl && acc.rows > 0) {
    acc.lastStep = stepOf(lastLine, lastFirst, lastSecond);
    acc.lastTs = tsOf(lastLine, lastFirst, lastSecond);
  }
}

/**
 * Builds upstream's summary from an accumulator.
 *
 * @param acc - the accumulator (left as it is: more rows can be added later)
 * @returns the summary, or `undefined` when there are no rows
 */
export function buildSummary(acc: SummaryAccumulator): EventSummary | undefined {
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
    const last = acc.values.last();
    const d = describe(acc.values, acc.numeric);
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

import { closeSync, existsSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { TrackingError, WriterClosedError } from '../errors';
import { isJsonlKind } from '../events/event-kinds';
import { getEventPath, getResourcePath } from '../events/event-paths';
import { csvHeader, csvRow, type EventTimestamp, formatEventTimestamp, jsonlRow } from '../events/event-row';
import { newAccumulator, parsePyFloat, type SummaryAccumulator } from '../summaries/event-summary';
import { WriteIntent } from '@px/client';
import { END_EPOCH_MICROS, formatUtcMicros, MIN_EPOCH_MICROS } from '../serialization/py-datetime';
import { CHUNK, FIRST_CHUNK, formatMetricRows, type FormattedRows, MAX_ROW_BYTES, MetricChunk } from './metric-rows';

/** Where a writer puts its files: `<run>/events/...` or `<run>/resources/...`. */
export type WriterBackend = 'events' | 'resources';

/** Options of an {@link EventFileWriter}. */
export interface EventFileWriterOptions {
  /** The run artifacts root. */
  runPath: string;
  /** `events` (default) or `resources`. */
  backend?: WriterBackend;
  /** Periodic flush interval in milliseconds (upstream: 10 s). */
  flushIntervalMs?: number;
  /** Buffered events that trigger an early deferred flush (default 32,768). */
  softLimit?: number;
  /**
   * Buffered events at which a logging call flushes synchronously before it
   * returns (back-pressure; default 262,144). Memory stays bounded and
   * nothing is dropped.
   */
  hardLimit?: number;
  /** Called once per distinct write failure (the data stays buffered and is retried). */
  onWriteError?: (error: unknown) => void;
}

/** Max bytes handed to one write(2) call; rows never straddle two calls. */
const MAX_WRITE_BYTES = 1 << 20;

interface RowItem {
  /** The formatted row, `\n`-prefixed. */
  text: string;
  step: number | undefined;
  /** Python `str(datetime)` of the timestamp. */
  ts: string;
  /** The metric value, for metric rows. */
  value: number | undefined;
}

type Pending = MetricChunk | RowItem;

/** Values kept in memory per writer for end-of-run summaries; beyond it summaries re-read the files. */
const VALUES_CAP = 500_000;

interface FileState {
  /** The writer the file belongs to (a handle from another writer is refused). */
  readonly writer: EventFileWriter;
  readonly kind: string;
  readonly name: string;
  readonly path: string;
  readonly jsonl: boolean;
  initialised: boolean;
  pending: Pending[];
  tail: MetricChunk | undefined;
  /** Rows counted for every event ever accepted for this file. */
  accepted: number;
  /** Whether the file has buffered rows. */
  dirty: boolean;
  /** Summary of the rows this writer wrote, when it created the file and kept every value. */
  stats: SummaryAccumulator | undefined;
}

/** One metric file's buffer in an {@link EventFileWriter} (see {@link EventFileWriter.metricFile}); opaque. */
export interface MetricFile {
  /** The sanitised metric name. */
  readonly name: string;
}

const ROWS_PER_WRITE = Math.floor(MAX_WRITE_BYTES / MAX_ROW_BYTES);

/**
 * The asynchronous buffered event writer (upstream's `EventFileWriter`).
 *
 * Logging calls only append to in-memory buffers (metrics go to typed-array
 * columns, other events to preformatted rows) and never wait for the disk.
 * Buffers are written:
 * - right after the first event (deferred with `setImmediate`), then every
 *   `flushIntervalMs` (10 s, as upstream);
 * - early, deferred, once `softLimit` events are buffered;
 * - synchronously inside the logging call once `hardLimit` events are
 *   buffered (back-pressure: memory is bounded and nothing is dropped);
 * - on {@link EventFileWriter.flush}, {@link EventFileWriter.close} and from
 *   the run's exit, signal and crash handlers ({@link EventFileWriter.flushSync}).
 *
 * Every write appends whole rows with synchronous `write(2)` calls of at most
 * 1 MiB that end on a row boundary, so an exit handler can always complete
 * the flush. A `kill -9` can still cut a write short (the kernel stops
 * between pages): each append is first recorded in the run folder's write
 * journal (`WriteIntent`), from which `repairTornWrites` cuts the partial row
 * when px next opens the run. A failed write keeps the
 * data buffered, reports once through `onWriteError`, and is retried.
 */
export class EventFileWriter {
  readonly runPath: string;
  readonly backend: WriterBackend;
  private readonly files = new Map<string, FileState>();
  private readonly dirty = new Set<FileState>();
  private readonly metricFiles = new Map<string, FileState>();
  private buffered = 0;
  private written = 0;
  private readonly softLimit: number;
  private readonly hardLimit: number;
  private readonly timer: NodeJS.Timeout;
  private immediate: NodeJS.Immediate | undefined;
  private closed = false;
  private lastError: string | undefined;
  private inlineFlushAt: number;
  private readonly scratch = Buffer.allocUnsafe(MAX_WRITE_BYTES);
  /** Written metric chunks, reused instead of allocating new typed arrays (at most a hard limit's worth). */
  private readonly freeChunks: MetricChunk[] = [];
  private valuesKept = 0;
  private readonly onWriteError: (error: unknown) => void;
  private readonly intent: WriteIntent;

  constructor(options: EventFileWriterOptions) {
    this.runPath = options.runPath;
    this.backend = options.backend ?? 'events';
    this.intent = new WriteIntent(this.runPath, this.backend);
    this.softLimit = options.softLimit ?? 32_768;
    this.hardLimit = Math.max(options.hardLimit ?? 262_144, this.softLimit);
    this.onWriteError = options.onWriteError ?? (() => undefined);
    this.inlineFlushAt = this.hardLimit;
    this.timer = setInterval(() => this.flushSync(), options.flushIntervalMs ?? 10_000);
    this.timer.unref();
  }

  /** Events accepted but not yet on disk. */
  get pendingEvents(): number {
    return this.buffered;
  }

  /** Events written to disk so far. */
  get writtenEvents(): number {
    return this.written;
  }

  /** Whether {@link EventFileWriter.close} was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  private file(kind: string, name: string): FileState {
    const key = `${kind}\u0000${name}`;
    let state = this.files.get(key);
    if (state === undefined) {
      const path =
        this.backend === 'events' ? getEventPath(this.runPath, kind, name) : getResourcePath(this.runPath, kind, name);
      state = { writer: this, kind, name, path, jsonl: isJsonlKind(kind), initialised: false, pending: [], tail: undefined, accepted: 0, dirty: false, stats: undefined };
      this.files.set(key, state);
    }
    return state;
  }

  private assertOpen(): void {
    if (this.closed) throw new WriterClosedError('Writer is closed: the run has ended, no more events can be logged.');
  }

  private accepted(state: FileState, count: number): void {
    state.accepted += count;
    if (!state.dirty) {
      state.dirty = true;
      this.dirty.add(state);
    }
    this.buffered += count;
    if (this.buffered >= this.inlineFlushAt) {
      // While the disk keeps failing, retry inline only once per hardLimit new events.
      this.inlineFlushAt = this.flushSync() ? this.hardLimit : this.buffered + this.hardLimit;
    }
    else if (this.immediate === undefined && (this.buffered >= this.softLimit || this.written === 0)) {
      this.immediate = setImmediate(() => {
        this.immediate = undefined;
        this.flushSync();
      });
    }
  }

  /**
   * Buffers one metric value with the current time (hot path).
   *
   * @param name - the sanitised metric name
   * @param value - the value, already a number
   * @param step - the step or `undefined`
   * @param ts - epoch microseconds (UTC)
   * @throws {@link TrackingError} when `step` is not a safe integer or `ts` is outside years 1 to 9999
   */
  addMetric(name: string, value: number, step: number | undefined, ts: number): void {
    this.addMetricTo(this.metricFile(name), value, step, ts);
  }

  /**
   * The buffer of one metric file, for callers that log the same names
   * again and again: {@link EventFileWriter.addMetricTo} then skips the
   * lookup by name.
   *
   * @param name - the sanitised metric name
   * @returns a handle valid for this writer's lifetime
   */
  metricFile(name: string): MetricFile {
    let state = this.metricFiles.get(name);
    if (state === undefined) {
      state = this.file('metric', name);
      this.metricFiles.set(name, state);
    }
    return state;
  }

  /**
   * {@link EventFileWriter.addMetric} for a handle from
   * {@link EventFileWriter.metricFile} of this writer (hot path).
   *
   * @param file - the metric file
   * @param value - the value, already a number
   * @param step - the step or `undefined`
   * @param ts - epoch microseconds (UTC)
   * @throws {@link TrackingError} when `file` comes from another writer, `step` is not a safe integer or `ts` is outside years 1 to 9999
   */
  addMetricTo(file: MetricFile, value: number, step: number | undefined, ts: number): void {
    if (this.closed) this.assertOpen();
    const state = file as FileState;
    if (state.writer !== this) throw new TrackingError(`addMetricTo: the handle of metric "${file.name}" belongs to another writer.`);
    if (!(ts >= MIN_EPOCH_MICROS && ts < END_EPOCH_MICROS) || (step !== undefined && !Number.isSafeInteger(step))) throw badRow(file.name, step, ts);
    let tail = state.tail;
    if (tail === undefined || tail.n === tail.capacity) {
      // A file's first chunk is small (see FIRST_CHUNK), later ones full size.
      tail = state.accepted === 0 ? new MetricChunk(FIRST_CHUNK) : (this.freeChunks.pop() ?? new MetricChunk());
      tail.n = 0;
      state.tail = tail;
      state.pending.push(tail);
    }
    const i = tail.n++;
    tail.steps[i] = step === undefined ? Number.NaN : step;
    tail.ts[i] = ts;
    tail.values[i] = value;
    this.accepted(state, 1);
  }

  /**
   * Buffers one event whose value text is already formatted.
   *
   * @param kind - the event kind
   * @param name - the sanitised event name
   * @param step - the step or `undefined`
   * @param ts - the timestamp
   * @param value - value text: Python float text, compact JSON, or the raw string for JSON-lines kinds
   */
  addRow(kind: string, name: string, step: number | undefined, ts: EventTimestamp, value: string): void {
    this.assertOpen();
    const state = this.file(kind, name);
    state.pending.push({
      text: state.jsonl ? jsonlRow(kind, step, ts, value) : csvRow(step, ts, value),
      step,
      ts: formatEventTimestamp(ts),
      value: kind === 'metric' ? parsePyFloat(value) : undefined,
    });
    state.tail = undefined;
    this.accepted(state, 1);
  }

  /**
   * Writes every buffered event now, synchronously. Safe to call from exit
   * and signal handlers. Write failures keep the data buffered.
   *
   * @returns true when everything buffered is on disk
   */
  flushSync(): boolean {
    if (this.immediate !== undefined) {
      clearImmediate(this.immediate);
      this.immediate = undefined;
    }
    let ok = true;
    for (const state of [...this.dirty]) {
      if (!this.flushFile(state)) ok = false;
    }
    return ok;
  }

  private flushFile(state: FileState): boolean {
    let fd: number | undefined;
    try {
      if (!state.initialised) {
        if (!existsSync(state.path)) {
          state.stats = newAccumulator(state.kind);
          mkdirSync(dirname(state.path), { recursive: true });
          const header = state.jsonl ? undefined : Buffer.from(csvHeader(state.kind), 'utf8');
          this.intent.begin(state.path, 0, header?.length ?? 0);
          const created = openSync(state.path, 'w', 0o644);
          try {
            if (header !== undefined) writeBytes(created, header, header.length);
          } finally {
            closeSync(created);
          }
        }
        state.initialised = true;
      }
      fd = openSync(state.path, 'a', 0o644);
      let offset = fstatSync(fd).size;
      const append = (buffer: Buffer, length: number): void => {
        this.intent.begin(state.path, offset, offset + length);
        writeBytes(fd!, buffer, length);
        offset += length;
      };
      while (state.pending.length > 0) {
        const item = state.pending[0]!;
        let count: number;
        if (!(item instanceof MetricChunk)) {
          // Batch consecutive preformatted rows.
          let text = '';
          let k = 0;
          for (let next = state.pending[k]; next !== undefined && !(next instanceof MetricChunk) && text.length < MAX_WRITE_BYTES >> 1; next = state.pending[++k]) {
            text += next.text;
          }
          count = k;
          const bytes = Buffer.from(text, 'utf8');
          append(bytes, bytes.length);
          for (const row of state.pending.splice(0, k) as RowItem[]) this.trackRow(state, row);
        } else {
          for (let from = 0; from < item.n; from += ROWS_PER_WRITE) {
            const to = Math.min(item.n, from + ROWS_PER_WRITE);
            const rows = formatMetricRows(item, from, to, this.scratch);
            append(rows.bytes, rows.bytes.length);
            this.trackChunk(state, item, from, to, rows);
          }
          count = item.n;
          state.pending.shift();
          if (state.tail === item) state.tail = undefined;
          if (item.capacity === CHUNK && this.freeChunks.length * CHUNK < this.hardLimit) this.freeChunks.push(item);
        }
        this.buffered -= count;
        this.written += count;
      }
      this.dirty.delete(state);
      state.dirty = false;
      this.lastError = undefined;
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastError) {
        this.lastError = message;
        this.onWriteError(error);
      }
      return false;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private keepValue(state: FileState, acc: SummaryAccumulator): boolean {
    if (acc.values === undefined) return true;
    if (this.valuesKept >= VALUES_CAP) {
      state.stats = undefined;
      return false;
    }
    this.valuesKept++;
    return true;
  }

  private trackRow(state: FileState, row: RowItem): void {
    const acc = state.stats;
    if (acc === undefined) return;
    if (!this.keepValue(state, acc)) return;
    acc.rows++;
    if (row.step === undefined) acc.anyNullStep = true;
    else acc.stepCount++;
    if (acc.rows === 1) {
      acc.firstStep = row.step ?? null;
      acc.firstTs = row.ts;
    }
    acc.lastStep = row.step ?? null;
    acc.lastTs = row.ts;
    if (acc.values !== undefined) {
      const value = row.value ?? Number.NaN;
      acc.values.push(value);
      if (value === value) acc.numeric++;
    }
  }

  /** Adds rows `from..to` of `chunk`, just formatted (`formatted` counts them), to the file's summary. */
  private trackChunk(state: FileState, chunk: MetricChunk, from: number, to: number, formatted: FormattedRows): void {
    const acc = state.stats;
    if (acc === undefined || to <= from) return;
    if (this.valuesKept + (to - from) > VALUES_CAP) {
      state.stats = undefined;
      return;
    }
    this.valuesKept += to - from;
    const { steps, ts, values } = chunk;
    acc.stepCount += formatted.withStep;
    if (formatted.withStep < to - from) acc.anyNullStep = true;
    acc.numeric += formatted.numeric;
    acc.values?.pushRange(values, from, to);
    if (acc.rows === 0) {
      const first = steps[from]!;
      acc.firstStep = first === first ? first : null;
      acc.firstTs = formatUtcMicros(ts[from]!);
    }
    acc.rows += to - from;
    const last = steps[to - 1]!;
    acc.lastStep = last === last ? last : null;
    acc.lastTs = formatUtcMicros(ts[to - 1]!);
  }

  /**
   * Summary accumulators of the files this writer created and fully wrote
   * (by path), so end-of-run summaries need not re-read them. Files that
   * existed before, or whose values exceeded the in-memory cap, are absent.
   *
   * @returns accumulators by absolute file path
   */
  summaryAccumulators(): Map<string, SummaryAccumulator> {
    const out = new Map<string, SummaryAccumulator>();
    for (const state of this.files.values()) {
      if (state.stats !== undefined && state.pending.length === 0) out.set(state.path, state.stats);
    }
    return out;
  }

  /**
   * Writes every buffered event (see {@link EventFileWriter.flushSync}).
   *
   * @returns a promise that resolves once the events are on disk
   * @throws {@link WriterClosedError} never; flushing a closed writer is a no-op
   */
  flush(): Promise<boolean> {
    return Promise.resolve(this.flushSync());
  }

  /**
   * Final flush, then stops the timer. Later logging calls throw
   * {@link WriterClosedError}.
   *
   * @returns true when every event reached the disk
   */
  close(): boolean {
    const ok = this.flushSync();
    clearInterval(this.timer);
    this.closed = true;
    this.freeChunks.length = 0;
    if (ok) this.intent.close();
    return ok;
  }

  /** Names and kinds of every file this writer has seen, in first-seen order. */
  seenFiles(): { kind: string; name: string; path: string }[] {
    return [...this.files.values()].map(({ kind, name, path }) => ({ kind, name, path }));
  }
}

function badRow(name: string, step: number | undefined, ts: number): TrackingError {
  const what = step !== undefined && !Number.isSafeInteger(step) ? `step must be an integer, got ${String(step)}` : `time ${String(ts)} µs is outside Python's datetime range (years 1 to 9999)`;
  return new TrackingError(`Metric "${name}": ${what}.`);
}

function writeBytes(fd: number, buffer: Buffer, length: number): void {
  let offset = 0;
  while (offset < length) offset += writeSync(fd, buffer, offset, length - offset);
}


// The logs of a local run: lines of the container's stdout/stderr, streamed live to the terminal
// (optionally prefixed with the run name) and saved under `<run>/plxlogs/` in upstream's logs format
// (`{"logs": [V1Log, ...]}` files, what `px ops logs` and the streams API read).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { TextSink } from '../cli-io';

/** One log line (V1Log). */
export interface LogLine {
  readonly timestamp: string;
  readonly node: string;
  readonly pod: string;
  readonly container: string;
  readonly value: string;
}

/** ISO time with microseconds and `+00:00`, as the streams API returns it. */
export function isoMicros(date: Date): string {
  return date.toISOString().replace('Z', '000+00:00');
}

const FLUSH_LINES = 5000;
const FLUSH_MS = 1000;
const TAIL_LINES = 10;

/** Where the lines go and how they are labelled. */
export interface LogsWriterOptions {
  /** The run folder (`plxlogs/` is created in it). */
  readonly runPath: string;
  /** The run uuid (pod name `plx-operation-<uuid>`). */
  readonly uuid: string;
  /** Live output sinks. */
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Printed before each live line when several runs share the terminal. */
  readonly prefix?: string;
  /** Node name of each line (default `local`). */
  readonly node?: string;
}

/**
 * Splits a child's output into lines, prints them live and writes them in batches (every second
 * or every 5,000 lines) to new `plxlogs/<epoch>.<micros>` files, so memory stays bounded and a
 * crash loses at most the last second.
 */
export class LogsWriter {
  private pending: LogLine[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastName = '';
  private readonly tail: string[] = [];
  private readonly dir: string;
  private readonly pod: string;
  private readonly node: string;
  /** Lines saved so far. */
  lines = 0;

  constructor(private readonly options: LogsWriterOptions) {
    this.dir = join(options.runPath, 'plxlogs');
    this.pod = `plx-operation-${options.uuid}`;
    this.node = options.node ?? 'local';
  }

  /** The last stderr lines (for the failure message). */
  stderrTail(): string[] {
    return [...this.tail];
  }

  /** Adds a line written by px itself (e.g. a status). */
  note(value: string, container = 'polyaxon-main'): void {
    this.push([{ timestamp: isoMicros(new Date()), node: this.node, pod: this.pod, container, value }]);
  }

  /** Follows a child's stream until it ends. */
  follow(stream: Readable, kind: 'stdout' | 'stderr', container: string): Promise<void> {
    const sink = kind === 'stdout' ? this.options.stdout : this.options.stderr;
    const prefix = this.options.prefix ?? '';
    let partial = '';
    stream.setEncoding('utf8');
    return new Promise((done) => {
      const take = (text: string, final: boolean): void => {
        const parts = (partial + text).split('\n');
        partial = final ? '' : (parts.pop() ?? '');
        if (final && parts.at(-1) === '') parts.pop();
        if (parts.length === 0) return;
        const timestamp = isoMicros(new Date());
        const batch: LogLine[] = [];
        let live = '';
        for (const raw of parts) {
          const value = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
          batch.push({ timestamp, node: this.node, pod: this.pod, container, value });
          live += `${prefix}${value}\n`;
          if (kind === 'stderr') {
            this.tail.push(value);
            if (this.tail.length > TAIL_LINES) this.tail.shift();
          }
        }
        this.push(batch);
        const ok = sink.write(live);
        const drains = sink as unknown as { once?: (event: string, fn: () => void) => unknown };
        if (ok === false && typeof drains.once === 'function') {
          stream.pause();
          drains.once('drain', () => stream.resume());
        }
      };
      stream.on('data', (chunk: string) => take(chunk, false));
      stream.on('end', () => {
        take('', true);
        done();
      });
      stream.on('error', () => done());
    });
  }

  private push(batch: LogLine[]): void {
    for (const line of batch) this.pending.push(line);
    this.lines += batch.length;
    if (this.pending.length >= FLUSH_LINES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Writes the buffered lines to a new file. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const logs = this.pending;
    this.pending = [];
    const now = Date.now() * 1000;
    let name = `${Math.floor(now / 1e6)}.${`${now % 1e6}`.padStart(6, '0')}`;
    if (name <= this.lastName) name = `${this.lastName}1`;
    this.lastName = name;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, name), JSON.stringify({ logs }), { mode: 0o644 });
  }
}

import { closeSync, ftruncateSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { isProcessRunning } from '@px/context';

/**
 * Size of a write-intent record. It is written at offset 0 with one
 * `pwrite(2)` that stays inside the first page, which a `kill -9` cannot
 * interrupt half-way (the kernel checks for fatal signals between pages).
 */
const RECORD_BYTES = 4096;
const PREFIX = '.px-writing-';
const NAME = /^\.px-writing-(\d+)-[a-z]+$/;

/** One append in flight: `path` (relative to the run folder) grows from `start` to `end`. */
interface Intent {
  path: string;
  start: number;
  end: number;
}

/** Intent files of writers alive in this process (never repaired from under them). */
const live = new Set<string>();

/** Whether another process that may still append through `pid`'s journal runs (this process's own journals are in `live`). */
function isRunning(pid: number): boolean {
  return pid !== process.pid && isProcessRunning(pid);
}

/**
 * The journal of an event writer: before each append to an event file it
 * records which file grows from which offset to which, so that a row torn by
 * a `kill -9` in the middle of that append can be cut off afterwards
 * ({@link repairTornWrites}). Event files keep upstream's exact bytes; the
 * journal is a hidden file in the run folder, deleted on {@link WriteIntent.close}.
 */
export class WriteIntent {
  readonly file: string;
  private readonly root: string;
  private fd: number | undefined;
  private readonly record = Buffer.alloc(RECORD_BYTES, 0x20);

  /**
   * @param runPath - The run folder the event files live under.
   * @param label - A lowercase label telling writers of one process apart (`events`, `resources`).
   */
  constructor(runPath: string, label: string) {
    this.root = runPath;
    this.file = join(runPath, `${PREFIX}${process.pid}-${label}`);
  }

  /**
   * Records that `path` is about to grow from `start` to `end` bytes.
   *
   * @param path - The event file (absolute).
   * @param start - Its size before the append.
   * @param end - Its size once the append is complete.
   */
  begin(path: string, start: number, end: number): void {
    if (this.fd === undefined) {
      this.fd = openSync(this.file, 'w', 0o644);
      live.add(this.file);
    }
    this.record.fill(0x20);
    const text = JSON.stringify({ path: relative(this.root, path), start, end });
    if (Buffer.byteLength(text) >= RECORD_BYTES) return;
    this.record.write(text, 0, 'utf8');
    writeSync(this.fd, this.record, 0, RECORD_BYTES, 0);
  }

  /** Deletes the journal: every append it recorded completed. */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    live.delete(this.file);
    try {
      unlinkSync(this.file);
    } catch {
      // already gone
    }
  }
}

function readIntent(file: string): Intent | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8').trim()) as Partial<Intent>;
    if (typeof data.path !== 'string' || typeof data.start !== 'number' || typeof data.end !== 'number') return undefined;
    if (isAbsolute(data.path) || data.path.split(/[\\/]/).includes('..')) return undefined;
    return { path: data.path, start: data.start, end: data.end };
  } catch {
    return undefined;
  }
}

/**
 * Where the complete rows of a file torn during `intent` end: the start of
 * its last (partial) row, or `undefined` when the append was not torn.
 */
function tornAt(path: string, intent: Intent): number | undefined {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return undefined;
  }
  if (size <= intent.start || size >= intent.end) return undefined;
  // rows are `\n`-prefixed and never contain a raw newline: the last one in
  // the appended bytes starts the partial row
  const fd = openSync(path, 'r');
  try {
    const tail = Buffer.alloc(size - intent.start);
    readSync(fd, tail, 0, tail.length, intent.start);
    const cut = tail.lastIndexOf(0x0a);
    return intent.start + Math.max(cut, 0);
  } finally {
    closeSync(fd);
  }
}

function intentFiles(runPath: string): { file: string; pid: number }[] {
  let names: string[];
  try {
    names = readdirSync(runPath);
  } catch {
    return [];
  }
  const out: { file: string; pid: number }[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (match !== null) out.push({ file: join(runPath, name), pid: Number(match[1]) });
  }
  return out;
}

/**
 * How many bytes of an event file hold complete rows: its size, unless a
 * writer (alive or killed) is appending to it, in which case the rows of
 * that append may be partial and are left out. Readers use it to skip a torn
 * tail without changing the file.
 *
 * @param runPath - The run folder.
 * @param path - The event file (absolute).
 * @returns The readable length in bytes.
 */
export function completeLength(runPath: string, path: string): number {
  const size = statSync(path).size;
  const rel = relative(runPath, path);
  for (const { file } of intentFiles(runPath)) {
    const intent = readIntent(file);
    if (intent?.path === rel && size > intent.start && size < intent.end) return tornAt(path, intent) ?? size;
  }
  return size;
}

/**
 * Cuts the partial last row that a writer killed in the middle of an append
 * left in an event file, using the writer's journal, then deletes the
 * journal. Journals of writers still running are left alone. Safe to call at
 * any time; px calls it when it opens an offline run (`px ops ls`, `get`
 * and `push` with `--offline`, `loadOfflineRun`, `tracking.init` resuming a run).
 *
 * @param runPath - The run folder.
 * @returns The event files that were cut (relative to `runPath`).
 */
export function repairTornWrites(runPath: string): string[] {
  const repaired: string[] = [];
  for (const { file, pid } of intentFiles(runPath)) {
    if (live.has(file) || isRunning(pid)) continue;
    const intent = readIntent(file);
    if (intent !== undefined) {
      const path = join(runPath, intent.path);
      const cut = tornAt(path, intent);
      if (cut !== undefined) {
        if (cut === 0) unlinkSync(path);
        else {
          const fd = openSync(path, 'r+');
          try {
            ftruncateSync(fd, cut);
          } finally {
            closeSync(fd);
          }
        }
        repaired.push(intent.path);
      }
    }
    try {
      unlinkSync(file);
    } catch {
      // another process repaired it first
    }
  }
  return repaired;
}

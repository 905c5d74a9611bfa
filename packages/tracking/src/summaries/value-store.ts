import { closeSync, lstatSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessRunning } from '@px/context';
import { TrackingError } from '../errors';

/** Values per chunk: 512 KiB of float64. */
const CHUNK = 1 << 16;
/** Size of the first chunk, which doubles up to {@link CHUNK}. */
const FIRST_CHUNK = 256;

/** Reads the values of a {@link ValueStore} in order, from the first. */
export interface ValueReader {
  /**
   * Copies the next `count` values into `into[0..count)`.
   *
   * @param into - the destination (at least `count` long)
   * @param count - how many values; no more than remain
   */
  read(into: Float64Array, count: number): void;
}

/**
 * An append-only column of float64 values for end-of-run summaries, in
 * fixed 512 KiB chunks (appending never copies what is stored). With
 * `spillAfter`, values beyond that count go to a temporary file in the OS
 * temp folder (8 bytes per value) and only one chunk stays in memory, so a
 * 5M-row metric file is summarised with about 1 MB of memory; call
 * {@link ValueStore.dispose} to delete the file.
 */
export class ValueStore {
  private readonly chunks: Float64Array[] = [];
  private tail: Float64Array | undefined;
  private tailLength = 0;
  private spilled = 0;
  private spillDir: string | undefined;
  private spillFd: number | undefined;
  private readonly spillAfter: number;
  /** Values stored so far. */
  length = 0;

  /** @param spillAfter - values kept in memory before the store moves them to a temporary file (default: never) */
  constructor(spillAfter = Infinity) {
    this.spillAfter = spillAfter;
  }

  /**
   * Appends one value.
   *
   * @param value - the value
   */
  push(value: number): void {
    if (this.tail === undefined || this.tailLength === this.tail.length) this.newTail();
    this.tail![this.tailLength++] = value;
    this.length++;
  }

  /**
   * Appends `values[from..to)`.
   *
   * @param values - the source
   * @param from - first index
   * @param to - end index (exclusive)
   */
  pushRange(values: Float64Array, from: number, to: number): void {
    while (from < to) {
      if (this.tail === undefined || this.tailLength === this.tail.length) this.newTail();
      const n = Math.min(to - from, this.tail!.length - this.tailLength);
      this.tail!.set(values.subarray(from, from + n), this.tailLength);
      this.tailLength += n;
      this.length += n;
      from += n;
    }
  }

  /** The last value appended (NaN when empty). */
  last(): number {
    return this.tailLength > 0 ? this.tail![this.tailLength - 1]! : Number.NaN;
  }

  private newTail(): void {
    if (this.tail !== undefined && this.tail.length < CHUNK) {
      // The first chunk starts small and doubles, so a store of a few values stays small.
      const grown = new Float64Array(this.tail.length * 2);
      grown.set(this.tail);
      this.tail = grown;
      return;
    }
    if (this.tail !== undefined) {
      if (this.length > this.spillAfter) {
        this.spill(this.tail);
        this.tailLength = 0;
        return;
      }
      this.chunks.push(this.tail);
    }
    this.tail = new Float64Array(this.length === 0 ? FIRST_CHUNK : CHUNK);
    this.tailLength = 0;
  }

  private spill(chunk: Float64Array): void {
    if (this.spillFd === undefined) {
      removeAbandonedSpills();
      this.spillDir = mkdtempSync(join(tmpdir(), `px-summary-${String(process.pid)}-`));
      this.spillFd = openSync(join(this.spillDir, 'values.f64'), 'w+', 0o600);
      // The chunks kept so far go first, in order.
      for (const kept of this.chunks) this.writeChunk(kept);
      this.chunks.length = 0;
    }
    this.writeChunk(chunk);
  }

  private writeChunk(chunk: Float64Array): void {
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let done = 0;
    while (done < bytes.length) done += writeSync(this.spillFd!, bytes, done, bytes.length - done, this.spilled * 8 + done);
    this.spilled += chunk.length;
  }

  /**
   * A reader over every value stored, in order.
   *
   * @returns the reader
   */
  reader(): ValueReader {
    const chunks = this.chunks;
    const tail = this.tail;
    const tailLength = this.tailLength;
    const fd = this.spillFd;
    const spilled = this.spilled;
    let position = 0;
    return {
      read(into: Float64Array, count: number): void {
        let done = 0;
        while (done < count) {
          const n = count - done;
          if (position < spilled) {
            const take = Math.min(n, spilled - position);
            const bytes = new Uint8Array(into.buffer, into.byteOffset + done * 8, take * 8);
            let got = 0;
            while (got < bytes.length) {
              const r = readSync(fd!, bytes, got, bytes.length - got, position * 8 + got);
              if (r === 0) throw new TrackingError('The temporary file of an event summary ended early.');
              got += r;
            }
            position += take;
            done += take;
            continue;
          }
          const local = position - spilled;
          const index = Math.floor(local / CHUNK);
          const chunk = index < chunks.length ? chunks[index]! : tail!;
          const at = local - index * CHUNK;
          const available = (index < chunks.length ? CHUNK : tailLength) - at;
          const take = Math.min(n, available);
          into.set(chunk.subarray(at, at + take), done);
          position += take;
          done += take;
        }
      },
    };
  }

  /** Deletes the temporary file, if any. The store must not be used afterwards. */
  dispose(): void {
    if (this.spillFd !== undefined) {
      closeSync(this.spillFd);
      this.spillFd = undefined;
      rmSync(this.spillDir!, { recursive: true, force: true });
    }
    this.chunks.length = 0;
    this.tail = undefined;
  }
}

/** `px-summary-<pid>-<6 characters>`: a spill folder of {@link ValueStore}. */
const SPILL_DIR = /^px-summary-(\d+)-[A-Za-z0-9]{6}$/;
let swept = false;

/**
 * Deletes, once per process, the spill folders in the OS temp folder whose
 * process no longer runs (a `kill -9` during end-of-run summaries leaves
 * one behind, up to 8 bytes per row). Only this user's folders; errors
 * are ignored (another process may be sweeping too).
 */
function removeAbandonedSpills(): void {
  if (swept) return;
  swept = true;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const match = SPILL_DIR.exec(name);
    if (match === null) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isProcessRunning(pid)) continue;
    const path = join(tmpdir(), name);
    try {
      const info = lstatSync(path);
      if (info.isDirectory() && (uid === undefined || info.uid === uid)) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
}

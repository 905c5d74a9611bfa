import { Transform, type Readable } from 'node:stream';

/** Transfer progress: bytes so far and the total when known. */
export interface TransferProgress {
  /** Bytes sent or received so far. */
  transferredBytes: number;
  /** Total bytes, when known. */
  totalBytes: number | undefined;
}

/** Called as a transfer advances (at most every 64 KiB, plus once at the end). */
export type ProgressHandler = (progress: TransferProgress) => void;

/** Passes chunks through while counting them for `onProgress`. */
export async function* countBytes(
  source: AsyncIterable<Buffer>,
  total: number | undefined,
  onProgress: ProgressHandler | undefined,
): AsyncGenerator<Buffer> {
  let transferred = 0;
  let reported = 0;
  for await (const chunk of source) {
    transferred += chunk.length;
    if (onProgress !== undefined && transferred - reported >= 1 << 16) {
      reported = transferred;
      onProgress({ transferredBytes: transferred, totalBytes: total });
    }
    yield chunk;
  }
  onProgress?.({ transferredBytes: transferred, totalBytes: total });
}

/**
 * Reports the bytes flowing through `stream` to `onProgress` (at most every
 * 64 KiB, plus once at the end) by listening to its data, without an extra
 * stream in the pipe. The stream must be piped in the same tick (listening
 * to `data` starts the flow).
 */
export function watchProgress<T extends NodeJS.EventEmitter>(stream: T, total: number | undefined, onProgress: ProgressHandler | undefined): T {
  if (onProgress === undefined) return stream;
  let transferred = 0;
  let reported = 0;
  stream.on('data', (chunk: Buffer) => {
    transferred += chunk.length;
    if (transferred - reported >= 1 << 16) {
      reported = transferred;
      onProgress({ transferredBytes: transferred, totalBytes: total });
    }
  });
  stream.once('end', () => onProgress({ transferredBytes: transferred, totalBytes: total }));
  return stream;
}

/** A pass-through stream counting bytes for `onProgress` (for sources piped later). */
export function progressStream(source: Readable, total: number | undefined, onProgress: ProgressHandler | undefined): Readable {
  if (onProgress === undefined) return source;
  let transferred = 0;
  let reported = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      transferred += chunk.length;
      if (transferred - reported >= 1 << 16) {
        reported = transferred;
        onProgress({ transferredBytes: transferred, totalBytes: total });
      }
      callback(null, chunk);
    },
    flush(callback) {
      onProgress({ transferredBytes: transferred, totalBytes: total });
      callback();
    },
  });
  source.on('error', (error) => counter.destroy(error));
  return source.pipe(counter);
}

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

import type { CliIo } from '../cli-io';

/** Bytes so far and the total when known (the shape `@px/client` reports). */
export interface ProgressState {
  readonly transferredBytes: number;
  readonly totalBytes: number | undefined;
}

/** Human readable size: `512 B`, `1.5 KB`, `3.2 MB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]!}`;
}

/** One line of a progress bar, e.g. `upload [#####.....]  50% 1.0 MB/2.0 MB`. */
export function progressLine(label: string, state: ProgressState, width = 24): string {
  const { transferredBytes: done, totalBytes: total } = state;
  if (total === undefined || total <= 0) return `${label} ${formatBytes(done)}`;
  const ratio = Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${formatBytes(done)}/${formatBytes(total)}`;
}

/** A progress bar on stderr; a no-op when progress bars are not allowed (not a TTY, or CI). */
export interface ProgressBar {
  /** The handler to pass to `@px/client` transfers (undefined when disabled). */
  readonly onProgress: ((state: ProgressState) => void) | undefined;
  /** Ends the bar's line. */
  done(): void;
}

/** Creates a progress bar for one transfer. */
export function createProgressBar(io: CliIo, label: string): ProgressBar {
  if (!io.progress) return { onProgress: undefined, done: () => undefined };
  let drawn = false;
  return {
    onProgress: (state) => {
      drawn = true;
      io.stderr.write(`\r${progressLine(label, state)}\u001b[K`);
    },
    done: () => {
      if (drawn) io.stderr.write('\n');
    },
  };
}

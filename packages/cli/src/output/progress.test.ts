import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { createProgressBar, formatBytes, progressLine } from './progress';

describe('progress', () => {
  it('formats sizes and bars', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(progressLine('up', { transferredBytes: 50, totalBytes: 100 }, 10)).toBe('up [#####.....]  50% 50 B/100 B');
    expect(progressLine('up', { transferredBytes: 2048, totalBytes: undefined })).toBe('up 2.0 KB');
  });

  it('draws nothing when progress bars are not allowed', () => {
    const written: string[] = [];
    const io = { progress: false, stderr: { write: (s: string) => written.push(s) } } as unknown as CliIo;
    const bar = createProgressBar(io, 'x');
    expect(bar.onProgress).toBeUndefined();
    bar.done();
    expect(written).toEqual([]);
  });

  it('redraws one line on a terminal', () => {
    const written: string[] = [];
    const io = { progress: true, stderr: { write: (s: string) => written.push(s) } } as unknown as CliIo;
    const bar = createProgressBar(io, 'x');
    bar.onProgress?.({ transferredBytes: 1, totalBytes: 2 });
    bar.done();
    expect(written[0]).toMatch(/^\rx \[/);
    expect(written[1]).toBe('\n');
  });
});

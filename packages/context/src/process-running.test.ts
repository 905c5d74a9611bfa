import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isProcessRunning } from './process-running';

describe('isProcessRunning', () => {
  it('is true for a running process and false once it has exited', () => {
    expect(isProcessRunning(process.pid)).toBe(true);
    expect(isProcessRunning(process.ppid)).toBe(true);
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(isProcessRunning(exited)).toBe(false);
  });
});

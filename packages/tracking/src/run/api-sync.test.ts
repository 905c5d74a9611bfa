import { describe, expect, it } from 'vitest';
import { ApiSync } from './api-sync';

describe('ApiSync', () => {
  it('runs calls in order, retries failures, warns once and loses nothing', async () => {
    const warnings: string[] = [];
    const sync = new ApiSync({ warn: (m) => warnings.push(m), retryDelayMs: 1 });
    const done: string[] = [];
    let failures = 3;
    sync.push('a', () => {
      if (failures-- > 0) return Promise.reject(new Error('ECONNREFUSED'));
      done.push('a');
      return Promise.resolve();
    });
    sync.push('b', () => {
      done.push('b');
      return Promise.resolve();
    });
    expect(await sync.settle(5000)).toBe(true);
    expect(done).toEqual(['a', 'b']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('ECONNREFUSED');
  });

  it('gives up waiting after the timeout and reports what is pending', async () => {
    const sync = new ApiSync({ warn: () => undefined, retryDelayMs: 1 });
    sync.push('status running', () => Promise.reject(new Error('down')));
    expect(await sync.settle(50)).toBe(false);
    expect(sync.pendingLabels).toEqual(['status running']);
  });
});

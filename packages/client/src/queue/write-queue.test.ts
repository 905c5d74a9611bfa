import { describe, expect, it, vi } from 'vitest';
import { BackgroundWriteError } from './background-error';
import { pendingAtExitMessage, WriteQueue } from './write-queue';

describe('WriteQueue', () => {
  it('runs tasks one at a time in order', async () => {
    const queue = new WriteQueue(() => undefined);
    const log: string[] = [];
    let running = 0;
    for (const name of ['a', 'b', 'c']) {
      queue.enqueue(name, undefined, async () => {
        running++;
        expect(running).toBe(1);
        await new Promise((resolve) => setImmediate(resolve));
        log.push(name);
        running--;
      });
    }
    expect(queue.pending).toBe(3);
    await queue.flush();
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('gives each failure to onError once and continues', async () => {
    const seen: string[] = [];
    const queue = new WriteQueue((f) => seen.push(f.operation));
    queue.enqueue('bad', 'r1', () => Promise.reject(new Error('x')));
    queue.enqueue('good', 'r1', () => Promise.resolve());
    await queue.flush();
    await queue.flush();
    expect(seen).toEqual(['bad']);
  });

  it('keeps failures for flush() when there is no hook, and a throwing hook does not lose them', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const queue = new WriteQueue(() => {
      throw new Error('hook');
    });
    queue.enqueue('bad', undefined, () => Promise.reject(new Error('x')));
    const error = await queue.flush().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundWriteError);
    expect((error as BackgroundWriteError).failures[0]!.error).toBeInstanceOf(AggregateError);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('waits for tasks queued while flushing', async () => {
    const queue = new WriteQueue(() => undefined);
    const log: string[] = [];
    queue.enqueue('first', undefined, () => {
      queue.enqueue('second', undefined, () => {
        log.push('second');
        return Promise.resolve();
      });
      log.push('first');
      return Promise.resolve();
    });
    await queue.flush();
    expect(log).toEqual(['first', 'second']);
  });
});

describe('exit warning', () => {
  it('counts writes still queued so an early exit says so', async () => {
    const queue = new WriteQueue(() => undefined);
    let release!: () => void;
    queue.enqueue('slow', undefined, () => new Promise<void>((resolve) => (release = resolve)));
    queue.enqueue('next', undefined, () => Promise.resolve());
    expect(process.listeners('exit').length).toBeGreaterThan(0);
    expect(pendingAtExitMessage()).toMatch(/exited with 2 background write\(s\) not sent/);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await queue.flush();
    expect(pendingAtExitMessage()).toBeUndefined();
  });
});

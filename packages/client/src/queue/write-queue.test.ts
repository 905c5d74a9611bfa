import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors/api-error';
import { ApiConnectionError } from '../errors/client-error';
import { BackgroundWriteError, type BackgroundFailure } from './background-error';
import { pendingAtExitMessage, WriteQueue } from './write-queue';

/** A task that fails `times` times with `error()`, then records `name`. */
function flaky(log: string[], name: string, times: number, error: () => Error = () => new ApiConnectionError('ECONNRESET')): () => Promise<void> {
  let left = times;
  return () => {
    log.push(`try ${name}`);
    if (left-- > 0) return Promise.reject(error());
    log.push(name);
    return Promise.resolve();
  };
}

describe('WriteQueue', () => {
  it('runs tasks one at a time in order', async () => {
    const queue = new WriteQueue({ onError: () => undefined });
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
    const queue = new WriteQueue({ onError: (f) => seen.push(f.operation) });
    queue.enqueue('bad', 'r1', () => Promise.reject(new Error('x')));
    queue.enqueue('good', 'r1', () => Promise.resolve());
    await queue.flush();
    await queue.flush();
    expect(seen).toEqual(['bad']);
  });

  it('keeps failures for flush() when there is no hook, and a throwing hook does not lose them', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const queue = new WriteQueue({
      onError: () => {
        throw new Error('hook');
      },
    });
    queue.enqueue('bad', undefined, () => Promise.reject(new Error('x')));
    const error = await queue.flush().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundWriteError);
    expect((error as BackgroundWriteError).failures[0]!.error).toBeInstanceOf(AggregateError);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('waits for tasks queued while flushing', async () => {
    const queue = new WriteQueue({ onError: () => undefined });
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

describe('WriteQueue with retryUntilFlush', () => {
  it('retries a transient failure until it lands, once, in order, and reports it once', async () => {
    const failures: BackgroundFailure[] = [];
    const queue = new WriteQueue({ onError: (f) => failures.push(f), retryUntilFlush: true, retryDelayMs: 1 });
    const log: string[] = [];
    queue.enqueue('status', 'r1', flaky(log, 'status', 2));
    queue.enqueue('inputs', 'r1', flaky(log, 'inputs', 0));
    await queue.flush();
    expect(log).toEqual(['try status', 'try status', 'try status', 'status', 'try inputs', 'inputs']);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ operation: 'status', runUuid: 'r1', retrying: true });
    expect(queue.pending).toBe(0);
  });

  it('honours Retry-After and does not make flush() throw for a write that landed', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const queue = new WriteQueue({ retryUntilFlush: true, retryDelayMs: 5000 });
    const log: string[] = [];
    const busy = (): ApiError => new ApiError({ status: 503, method: 'POST', url: 'http://h/x', retryAfterMs: 1 });
    queue.enqueue('status', undefined, flaky(log, 'status', 2, busy));
    const started = Date.now();
    await expect(queue.flush()).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(log.filter((l) => l === 'status')).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/retried until flush/);
    warn.mockRestore();
  });

  it('reports and skips failures that retrying cannot fix (400), like without the option', async () => {
    const failures: BackgroundFailure[] = [];
    const queue = new WriteQueue({ onError: (f) => failures.push(f), retryUntilFlush: true, retryDelayMs: 1 });
    const log: string[] = [];
    queue.enqueue('bad', undefined, flaky(log, 'bad', 5, () => new ApiError({ status: 400, method: 'PATCH', url: 'http://h/x' })));
    queue.enqueue('next', undefined, flaky(log, 'next', 0));
    await queue.flush();
    expect(log).toEqual(['try bad', 'try next', 'next']);
    expect(failures.map((f) => [f.operation, f.retrying])).toEqual([['bad', undefined]]);
  });

  it('flush({ timeoutMs }) stops waiting, lists what is unsent, and keeps it queued until it lands', async () => {
    const failures: BackgroundFailure[] = [];
    const queue = new WriteQueue({ onError: (f) => failures.push(f), retryDelayMs: 20 });
    const log: string[] = [];
    let serverUp = false;
    queue.enqueue('status', undefined, () => (serverUp ? flaky(log, 'status', 0)() : Promise.reject(new ApiConnectionError('ECONNREFUSED'))), {
      retryUntilFlush: true,
    });
    queue.enqueue('inputs', undefined, flaky(log, 'inputs', 0));
    const error = await queue.flush({ timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundWriteError);
    expect((error as BackgroundWriteError).unsent).toEqual(['status', 'inputs']);
    expect((error as BackgroundWriteError).failures).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(queue.pendingOperations).toEqual(['status', 'inputs']);
    expect(log).toEqual([]);
    serverUp = true;
    await queue.flush();
    expect(log).toEqual(['try status', 'status', 'try inputs', 'inputs']);
    expect(failures).toHaveLength(1);
  });
});

describe('exit warning', () => {
  it('counts writes still queued so an early exit says so', async () => {
    const queue = new WriteQueue({ onError: () => undefined });
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

  it('abandon() aborts the running write, drops the queued ones and stops retry timers', async () => {
    const reported: BackgroundFailure[] = [];
    const queue = new WriteQueue({ retryUntilFlush: true, retryDelayMs: 60_000, onError: (failure) => reported.push(failure) });
    let aborted = false;
    queue.enqueue('slow', 'r', (signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => {
      aborted = true;
      reject(signal.reason as Error);
    })));
    queue.enqueue('next', 'r', () => Promise.resolve());
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.abandon()).toEqual(['slow', 'next']);
    expect(aborted).toBe(true);
    expect(queue.pending).toBe(0);
    await queue.flush();
    expect(pendingAtExitMessage()).toBeUndefined();
    // a write retrying after a transient failure is dropped too (its backoff timer cleared)
    queue.enqueue('flaky', 'r', () => Promise.reject(new ApiConnectionError('down')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(queue.abandon()).toEqual(['flaky']);
    const landed: string[] = [];
    queue.enqueue('later', 'r', () => Promise.resolve(landed.push('later')));
    await queue.flush();
    expect(landed).toEqual(['later']);
    expect(reported.map((failure) => failure.operation)).toEqual(['flaky']);
  });
});

import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrackingError, WriterClosedError } from '../errors';
import { EventFileWriter } from './event-file-writer';
import { compactJson, formatPyFloat } from '@px/client';
import { formatUtcMicros } from '../serialization/py-datetime';
import { buildSummary, summarizeEventFile } from '../summaries/event-summary';

const dirs: string[] = [];
function tempRun(): string {
  const dir = mkdtempSync(join(tmpdir(), 'px-writer-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const T0 = 1795393816388681;

describe('EventFileWriter', () => {
  it('refuses, with a typed error and nothing buffered, a step that is not a safe integer and a time outside years 1 to 9999', () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run });
    expect(() => writer.addMetric('loss', 1, 1.5, T0)).toThrow(/Metric "loss": step must be an integer, got 1.5/);
    expect(() => writer.addMetric('loss', 1, 2 ** 60, T0)).toThrow(TrackingError);
    expect(() => writer.addMetric('loss', 1, 3, 253_402_300_800_000_000)).toThrow(/outside Python's datetime range/);
    expect(() => writer.addMetric('loss', 1, 3, -62_135_596_800_000_000 - 1_000_000)).toThrow(TrackingError);
    expect(() => writer.addMetric('loss', 1, 3, Number.NaN)).toThrow(TrackingError);
    writer.addMetric('loss', 1, 3, -62_135_596_800_000_000);
    expect(writer.pendingEvents).toBe(1);
    writer.close();
    expect(readFileSync(join(run, 'events/metric/loss.plx'), 'utf8')).toBe('step|timestamp|metric\n3|0001-01-01 00:00:00+00:00|1.0');
  });

  it('writes the header then newline-prefixed rows, no trailing newline', () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run });
    writer.addMetric('loss', 0.5, 1, T0);
    writer.addMetric('loss', 1, undefined, T0 + 1);
    expect(writer.pendingEvents).toBe(2);
    writer.close();
    expect(readFileSync(join(run, 'events/metric/loss.plx'), 'utf8')).toBe(
      'step|timestamp|metric\n1|2026-11-23 00:30:16.388681+00:00|0.5\n|2026-11-23 00:30:16.388682+00:00|1.0',
    );
    expect(writer.writtenEvents).toBe(2);
  });

  it('logs through a metric-file handle, and refuses a handle of another writer', () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run });
    const other = new EventFileWriter({ runPath: tempRun() });
    const loss = writer.metricFile('loss');
    writer.addMetricTo(loss, 0.25, 3, T0);
    expect(() => other.addMetricTo(loss, 1, 4, T0)).toThrow(TrackingError);
    writer.close();
    other.close();
    expect(readFileSync(join(run, 'events/metric/loss.plx'), 'utf8')).toBe('step|timestamp|metric\n3|2026-11-23 00:30:16.388681+00:00|0.25');
  });

  it('starts JSON-lines files empty and appends with a leading newline', () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run });
    writer.addRow('text', 'notes', 1, T0, 'hello');
    writer.close();
    expect(readFileSync(join(run, 'events/text/notes.plx'), 'utf8')).toBe(
      '\n{"timestamp": "2026-11-23 00:30:16.388681+00:00", "step": 1, "text": "hello"}',
    );
  });

  it('appends to existing files without a second header and keeps order across kinds of rows', () => {
    const run = tempRun();
    const first = new EventFileWriter({ runPath: run });
    first.addMetric('m', 1, 0, T0);
    first.close();
    const second = new EventFileWriter({ runPath: run });
    second.addMetric('m', 2, 1, T0);
    second.addRow('metric', 'm', 2, { epochMicros: T0, offsetMinutes: 120 }, '3.0');
    second.addMetric('m', 4, 3, T0);
    second.close();
    const lines = readFileSync(join(run, 'events/metric/m.plx'), 'utf8').split('\n');
    expect(lines).toEqual([
      'step|timestamp|metric',
      '0|2026-11-23 00:30:16.388681+00:00|1.0',
      '1|2026-11-23 00:30:16.388681+00:00|2.0',
      '2|2026-11-23 02:30:16.388681+02:00|3.0',
      '3|2026-11-23 00:30:16.388681+00:00|4.0',
    ]);
  });

  it('flushes by itself right after the first event (deferred, not inside the call)', async () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run });
    writer.addMetric('a', 1, 0, T0);
    expect(writer.writtenEvents).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.writtenEvents).toBe(1);
    writer.close();
  });

  it('flushes on the periodic interval', async () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run, flushIntervalMs: 20 });
    writer.addMetric('a', 1, 0, T0);
    await new Promise((resolve) => setImmediate(resolve));
    writer.addMetric('a', 2, 1, T0);
    expect(writer.pendingEvents).toBe(1);
    await vi.waitFor(() => expect(writer.pendingEvents).toBe(0), { timeout: 10_000, interval: 10 });
    writer.close();
  });

  it('flushes inline at the hard limit so memory stays bounded', () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run, softLimit: 10, hardLimit: 100 });
    for (let i = 0; i < 1000; i++) writer.addMetric('a', i, i, T0);
    expect(writer.pendingEvents).toBeLessThan(100);
    writer.close();
    expect(readFileSync(join(run, 'events/metric/a.plx'), 'utf8').split('\n')).toHaveLength(1001);
  });

  it('keeps events buffered when the disk fails, warns once, and writes them later', () => {
    const run = tempRun();
    mkdirSync(join(run, 'events'));
    writeFileSync(join(run, 'events', 'metric'), 'not a dir');
    const errors: unknown[] = [];
    const writer = new EventFileWriter({ runPath: run, onWriteError: (e) => errors.push(e) });
    writer.addMetric('a', 1, 0, T0);
    expect(writer.flushSync()).toBe(false);
    expect(writer.flushSync()).toBe(false);
    expect(errors).toHaveLength(1);
    expect(writer.pendingEvents).toBe(1);
    rmSync(join(run, 'events', 'metric'));
    expect(writer.close()).toBe(true);
    expect(readFileSync(join(run, 'events/metric/a.plx'), 'utf8')).toContain('|1.0');
    chmodSync(run, 0o755);
  });

  it('keeps in-memory summaries identical to re-reading the files it created', () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run });
    writer.addRow('metric', 'm', undefined, { epochMicros: T0, offsetMinutes: 120 }, 'inf');
    for (let i = 0; i < 5000; i++) writer.addMetric('m', i % 7 === 0 ? Number.NaN : 1 / (i + 1), i % 3 === 0 ? undefined : i, T0 + i);
    writer.addRow('text', 't', 3, T0, 'x');
    writer.addRow('text', 't', undefined, T0 + 5, 'y');
    writer.close();
    const known = writer.summaryAccumulators();
    for (const [kind, name] of [['metric', 'm'], ['text', 't']] as const) {
      const path = join(run, 'events', kind, `${name}.plx`);
      expect(compactJson(buildSummary(known.get(path)!))).toBe(compactJson(summarizeEventFile(path, kind)));
    }
  });

  it('writes every value as Python repr and every timestamp as str(datetime), byte for byte', () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run });
    const special = [0, -0, 1, -1, 3, 2147483647, 2147483648, -2147483649, 1e15, 2 ** 53 + 2, 1e16, 1e-4, 9.99e-5, 1e-5, 5e-324, 1.5e300, -1e21, 0.1, -0.30000000000000004, Number.NaN, Infinity, -Infinity];
    const values = [...special];
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      const mantissa = seed / 4294967296 - 0.5;
      values.push(i % 5 === 0 ? Math.round(mantissa * 1e6) : mantissa * 10 ** ((seed % 48) - 24));
    }
    // microseconds across second boundaries, with and without a fraction
    const times = values.map((_, i) => T0 - 388681 + i * 250_000 + (i % 4 === 0 ? 0 : i % 1_000_000));
    values.forEach((v, i) => writer.addMetric('all', v, i % 9 === 0 ? undefined : i - 3, times[i]!));
    writer.close();
    const expected = values.map((v, i) => `\n${i % 9 === 0 ? '' : i - 3}|${formatUtcMicros(times[i]!)}|${formatPyFloat(v)}`).join('');
    expect(readFileSync(join(run, 'events/metric/all.plx'), 'utf8')).toBe(`step|timestamp|metric${expected}`);
  });

  it('rejects events after close', () => {
    const writer = new EventFileWriter({ runPath: tempRun() });
    writer.close();
    expect(() => writer.addMetric('a', 1, 0, T0)).toThrow(WriterClosedError);
  });

  it('writes resources under resources/', () => {
    const run = tempRun();
    const writer = new EventFileWriter({ runPath: run, backend: 'resources' });
    writer.addMetric('cpu', 48.9, undefined, T0);
    writer.close();
    expect(readFileSync(join(run, 'resources/metric/cpu.plx'), 'utf8')).toBe(
      'step|timestamp|metric\n|2026-11-23 00:30:16.388681+00:00|48.9',
    );
  });
});

import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetricTail } from './metric-tail';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'px-metric-tail-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = (step: number | '', value: string): string => `\n${step}|2026-12-07 10:00:00.000000+00:00|${value}`;

describe('MetricTail', () => {
  it('reads a file as it grows, keeping a row cut short until the next one starts', async () => {
    const file = join(dir, 'loss.plx');
    const tail = new MetricTail(file);
    await tail.read();
    expect(tail.values).toEqual([]);
    writeFileSync(file, 'step|timestamp|metric');
    appendFileSync(file, row(0, '0.5') + row(1, '0.4'));
    await tail.read();
    expect(tail.values).toEqual([{ step: 0, value: 0.5 }]);
    appendFileSync(file, row(2, '0.3').slice(0, 20));
    await tail.read();
    expect(tail.values.map((v) => v.step)).toEqual([0, 1]);
    appendFileSync(file, row(2, '0.3').slice(20) + row(3, '0.25'));
    await tail.read(true);
    expect(tail.values).toEqual([
      { step: 0, value: 0.5 },
      { step: 1, value: 0.4 },
      { step: 2, value: 0.3 },
      { step: 3, value: 0.25 },
    ]);
  });

  it('numbers rows without a step by their position, and keeps NaN values', async () => {
    const file = join(dir, 'acc.plx');
    writeFileSync(file, `step|timestamp|metric${row('', '1')}${row('', 'NaN')}`);
    const tail = new MetricTail(file);
    await tail.read(true);
    expect(tail.values).toEqual([
      { step: 0, value: 1 },
      { step: 1, value: Number.NaN },
    ]);
  });
});

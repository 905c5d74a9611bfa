import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValueStore } from './value-store';

const spillDirs = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('px-summary-'));

describe('ValueStore', () => {
  // First: the sweep runs once per process, at the first spill.
  it('removes the spill folders that killed processes left in the temp folder, not those of running ones', () => {
    const temp = mkdtempSync(join(tmpdir(), 'px-spills-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      const dead = spawnSync(process.execPath, ['-e', '0']).pid;
      const left = join(temp, `px-summary-${String(dead)}-abc123`);
      const running = join(temp, `px-summary-${String(process.ppid)}-def456`);
      const other = join(temp, 'px-summary-notmine');
      for (const dir of [left, running, other]) mkdirSync(dir);
      writeFileSync(join(left, 'values.f64'), Buffer.alloc(800));
      const store = new ValueStore(10);
      for (let i = 0; i < 100_000; i++) store.push(i);
      expect(existsSync(left)).toBe(false);
      expect(existsSync(running)).toBe(true);
      expect(existsSync(other)).toBe(true);
      expect(readdirSync(temp).filter((name) => name.startsWith(`px-summary-${String(process.pid)}-`))).toHaveLength(1);
      store.dispose();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('reads back every value in order, across the move to its temporary file', () => {
    const before = new Set(spillDirs());
    const store = new ValueStore(100_000);
    const values = Float64Array.from({ length: 250_001 }, (_, i) => i * 0.5 - 7);
    store.pushRange(values, 0, 1000);
    for (let i = 1000; i < 200_000; i++) store.push(values[i]!);
    store.pushRange(values, 200_000, values.length);
    expect(spillDirs().filter((d) => !before.has(d))).toHaveLength(1);
    expect(store.length).toBe(values.length);
    expect(store.last()).toBe(values[values.length - 1]);
    const back = new Float64Array(values.length);
    const reader = store.reader();
    reader.read(back, 3);
    reader.read(back.subarray(3), 140_000);
    reader.read(back.subarray(140_003), values.length - 140_003);
    expect(back).toEqual(values);
    store.dispose();
    expect(spillDirs().filter((d) => !before.has(d))).toHaveLength(0);
  });

  it('stays in memory below its limit and starts small', () => {
    const store = new ValueStore();
    store.push(1);
    store.push(Number.NaN);
    const back = new Float64Array(2);
    store.reader().read(back, 2);
    expect([...back]).toEqual([1, Number.NaN]);
    expect(Number.isNaN(store.last())).toBe(true);
    expect(new ValueStore().last()).toBeNaN();
  });
});

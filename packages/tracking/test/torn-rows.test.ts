// kill -9 in a fast logging loop: event files end on a row boundary once px opens the run again.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { RunClient } from '@px/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from './fixtures/bundle-child';
import { collectRunSummaries } from '../src/summaries/collect-summaries';

const KILLS = 6;
const ROW = /^(\d+)\|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{6})?\+00:00\|(.*)$/;

let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'px-kill-'));
  bundle = join(dir, 'child.mjs');
  bundleChild('kill-child', bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the logging child, waits until it logs, kills it with SIGKILL after `delayMs`. */
async function logThenKill(root: string, uuid: string, firstStep: number, delayMs: number): Promise<string> {
  const child = spawn(process.execPath, [bundle, uuid, String(firstStep)], {
    env: { PATH: process.env.PATH, HOME: root, POLYAXON_OFFLINE_ROOT: root },
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  while (!out.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return out.split('\n')[0]!;
}

/** Rows of a metric file that are not `step|timestamp|step + 0.5`, and whether it ends on a complete row. */
function badRows(path: string): string[] {
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n');
  expect(header).toBe('step|timestamp|metric');
  return rows.filter((row) => {
    const match = ROW.exec(row);
    return match === null || match[2] !== String(Number(match[1]) + 0.5);
  });
}

describe('kill -9 while logging (child processes)', () => {
  it('a write cut short by the kill (as the kernel leaves it) is skipped by readers and cut by px opening the run', async () => {
    const root = mkdtempSync(join(dir, 'cut-'));
    const child = spawn(process.execPath, [bundle, '-', '0', '300000'], {
      env: { PATH: process.env.PATH, HOME: root, POLYAXON_OFFLINE_ROOT: root },
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while (!out.includes('flushed\n')) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    await exited;
    const runPath = out.split('\n')[0]!;
    const path = join(runPath, 'events', 'metric', 'loss.plx');
    const journal = readdirSync(runPath).filter((name) => name.startsWith('.px-writing-'));
    expect(journal).toHaveLength(1);
    const intent = JSON.parse(readFileSync(join(runPath, journal[0]!), 'utf8')) as { path: string; start: number; end: number };
    expect(intent.path).toBe('events/metric/loss.plx');
    expect(statSync(path).size).toBe(intent.end);
    // the kernel stops a large write between pages: cut the last append at a page boundary inside it
    const cut = intent.start + Math.max(4096 - (intent.start % 4096), Math.floor((intent.end - intent.start) / 8192) * 4096);
    expect(cut).toBeLessThan(intent.end);
    truncateSync(path, cut);
    expect(badRows(path)).toHaveLength(1);
    const complete = readFileSync(path, 'utf8').lastIndexOf('\n');
    const rowsBefore = readFileSync(path, 'utf8').slice(0, complete).split('\n').length - 1;
    // a reader leaves the torn row out without touching the file
    const [summary] = collectRunSummaries(runPath).artifacts;
    expect(summary?.summary).toMatchObject({ step: { count: rowsBefore } });
    expect(statSync(path).size).toBe(cut);
    // the record was on disk before the kill: px finds the run, as it was when killed
    const record = JSON.parse(readFileSync(join(runPath, 'run.plx.json'), 'utf8')) as { uuid: string; status: string };
    expect(record).toMatchObject({ uuid: basename(runPath), status: 'running' });
    // opening the run with px cuts it and deletes the journal
    expect((await RunClient.loadOfflineRun({ path: runPath }))?.runUuid).toBe(basename(runPath));
    expect(badRows(path)).toEqual([]);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(rowsBefore + 1);
    expect(readdirSync(runPath).filter((name) => name.startsWith('.px-writing-'))).toEqual([]);
  }, 60_000);

  it(`${KILLS} kills in a fast loop, each run resumed by tracking.init: no torn row survives px opening the run`, async () => {
    const root = mkdtempSync(join(dir, 'runs-'));
    let runPath = '';
    let tornSeen = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const uuid = runPath === '' ? '-' : basename(runPath);
      runPath = await logThenKill(root, uuid, kill * 10_000_000, 250 + ((kill * 37) % 250));
      const files = ['loss', 'acc'].map((name) => join(runPath, 'events', 'metric', `${name}.plx`)).filter((path) => existsSync(path));
      // a reader skips a torn tail without touching the file
      for (const path of files) if (badRows(path).length > 0) tornSeen++;
      const summaries = collectRunSummaries(runPath).artifacts;
      for (const artifact of summaries) expect(artifact.summary).toBeDefined();
    }
    // px opening the run (ops get/push --offline, loadOfflineRun) repairs the last kill too
    await RunClient.loadOfflineRun({ path: runPath });
    const files = ['loss', 'acc'].map((name) => join(runPath, 'events', 'metric', `${name}.plx`)).filter((path) => existsSync(path));
    expect(files.length).toBeGreaterThan(0);
    for (const path of files) expect(badRows(path)).toEqual([]);
    expect(readdirSync(runPath).filter((name) => name.startsWith('.px-writing-'))).toEqual([]);
    console.info(`torn-rows: ${tornSeen} of ${KILLS * 2} event files were left with a torn last row by a kill and repaired`);
  }, 120_000);
});

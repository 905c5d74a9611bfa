import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from './fixtures/bundle-child';

let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'px-exit-'));
  bundle = join(dir, 'child.mjs');
  // The child runs the source through one bundle, as a user's script would run the built package.
  bundleChild('exit-child', bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runChild(mode: string): { status: number | null; signal: NodeJS.Signals | null; runPath: string; stderr: string } {
  const root = mkdtempSync(join(dir, `${mode}-`));
  const result = spawnSync(process.execPath, [bundle, mode], {
    env: { PATH: process.env.PATH, HOME: root, POLYAXON_OFFLINE_ROOT: root },
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, signal: result.signal, runPath: result.stdout.split('\n')[0]!, stderr: result.stderr };
}

function runState(runPath: string): { status: string; conditions: { type: string; reason: string; message?: string }[]; rows: string[] } {
  const run = JSON.parse(readFileSync(join(runPath, 'run.plx.json'), 'utf8')) as { status: string; status_conditions: { type: string; reason: string; message?: string }[] };
  const rows = readFileSync(join(runPath, 'events/metric/loss.plx'), 'utf8').split('\n');
  return { status: run.status, conditions: run.status_conditions, rows };
}

describe('exit, signals and crashes (child processes)', () => {
  it('flushes and marks the run succeeded on a normal exit without end()', () => {
    const child = runChild('exit');
    expect(child.status).toBe(0);
    const state = runState(child.runPath);
    expect(state.status).toBe('succeeded');
    expect(state.rows).toHaveLength(1001);
    expect(state.rows.at(-1)).toMatch(/^999\|.+\|0\.001$/);
  });

  it('records failed with the error and keeps the crash exit code on an uncaught error', () => {
    const child = runChild('crash');
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('RangeError: boom');
    const state = runState(child.runPath);
    expect(state.status).toBe('failed');
    expect(state.conditions.at(-1)).toMatchObject({
      type: 'failed',
      reason: 'ExitHandler',
      message: 'An exception was raised during the run. Type: RangeError, Value: boom',
    });
    expect(state.rows).toHaveLength(1001);
  });

  it('records failed on an unhandled rejection', () => {
    const child = runChild('rejection');
    expect(child.status).not.toBe(0);
    expect(runState(child.runPath).status).toBe('failed');
  });

  it('flushes and records stopped on SIGTERM, then dies by the signal', () => {
    const child = runChild('signal');
    expect(child.signal).toBe('SIGTERM');
    const state = runState(child.runPath);
    expect(state.status).toBe('stopped');
    expect(state.rows).toHaveLength(1001);
  });

  it('online: an uncaught error records failed on the API synchronously before the process dies', async () => {
    const server = await startApiServer();
    try {
      server.state.addProject({ name: 'demo' });
      const root = mkdtempSync(join(dir, 'online-'));
      const child = spawn(process.execPath, [bundle, 'online-crash'], {
        env: { PATH: process.env.PATH, HOME: root, POLYAXON_HOST: server.url, POLYAXON_AUTH_TOKEN: 'tok', POLYAXON_ARTIFACTS_ROOT: root },
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      const uuid = stdout.split('\n')[0]!.split('/').pop()!;
      const stored = server.state.runs.get(uuid)!;
      expect(stored.status).toBe('failed');
      expect(readFileSync(join(root, uuid, 'events/metric/loss.plx'), 'utf8').split('\n')).toHaveLength(1001);
    } finally {
      await server.close();
    }
  });

  it('online: the process exits by itself after await run.end() (no sockets or timers left)', async () => {
    const server = await startApiServer();
    try {
      server.state.addProject({ name: 'demo' });
      const root = mkdtempSync(join(dir, 'online-end-'));
      const child = spawn(process.execPath, [bundle, 'online-end'], {
        env: { PATH: process.env.PATH, HOME: root, POLYAXON_HOST: server.url, POLYAXON_AUTH_TOKEN: 'tok', POLYAXON_ARTIFACTS_ROOT: root },
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
      const uuid = stdout.split('\n')[0]!.split('/').pop()!;
      expect(server.state.runs.get(uuid)?.status).toBe('succeeded');
    } finally {
      await server.close();
    }
  });
});

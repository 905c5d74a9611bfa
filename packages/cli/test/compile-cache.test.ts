import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, px, type Sandbox, useSandbox } from './helpers';

// The V8 code cache of the bundle (src/bundle-loader.ts): one file per command under ~/.cache/px/compile-cache.
let sb: Sandbox;
useSandbox((s) => (sb = s));

const JOB = join(FIXTURES, 'job.yaml');
const dir = (): string => join(sb.home, '.cache', 'px', 'compile-cache');
const caches = (): string[] => (existsSync(dir()) ? readdirSync(dir()).sort() : []);

async function check(env: Record<string, string> = {}): Promise<void> {
  const result = await px(sb, ['check', '-f', JOB], { env });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(result.stdout).toContain('valid');
}

describe('the compile cache', () => {
  it('is written once per command, 0600 in a 0700 folder, and reused as is', async () => {
    await check();
    const [name] = caches();
    expect(caches()).toEqual([expect.stringMatching(/^check-[0-9a-f]{8}-[0-9a-f]{8}\.bin$/)]);
    const path = join(dir(), name!);
    expect(statSync(dir()).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const first = statSync(path);
    await check();
    const second = statSync(path);
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    expect((await px(sb, ['run', '-f', JOB, '--local', '--offline', '--executor', 'process', '-p', 'acme/lab', '--dry-run'])).code).toBe(0);
    expect(caches().map((n) => n.replace(/-.*/, ''))).toEqual(['check', 'run']);
  });

  it('replaces a corrupt, foreign-writable or older cache, and never follows a symlink', async () => {
    await check();
    const [name] = caches();
    const path = join(dir(), name!);
    writeFileSync(path, 'not a code cache');
    await check();
    expect(readFileSync(path).length).toBeGreaterThan(1000);

    writeFileSync(path, 'planted');
    chmodSync(path, 0o666);
    await check();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).not.toBe('planted');

    const elsewhere = join(sb.root, 'elsewhere.bin');
    writeFileSync(elsewhere, 'someone else’s file');
    const old = join(dir(), `${name!.slice(0, name!.lastIndexOf('-'))}-00000000.bin`);
    writeFileSync(old, 'an older version');
    rmSync(path);
    symlinkSync(elsewhere, path);
    await check();
    expect(readFileSync(elsewhere, 'utf8')).toBe('someone else’s file');
    expect(lstatSync(path).isFile()).toBe(true);
    expect(existsSync(old)).toBe(false);
  });

  it('removes the temporary files that killed writers left, not those of a writer still running', async () => {
    await check();
    const [name] = caches();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const left = join(dir(), `${name!}.${String(dead)}.tmp`);
    const live = join(dir(), `${name!}.${String(process.pid)}.tmp`);
    writeFileSync(left, 'half a cache');
    writeFileSync(live, 'being written');
    // a write happens when the cache is replaced: make it unreadable
    writeFileSync(join(dir(), name!), 'not a code cache');
    await check();
    expect(existsSync(left)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('is kept where PX_COMPILE_CACHE_DIR or XDG_CACHE_HOME says, and off with NODE_DISABLE_COMPILE_CACHE', async () => {
    await check({ PX_COMPILE_CACHE_DIR: join(sb.root, 'cc') });
    expect(readdirSync(join(sb.root, 'cc'))).toEqual([expect.stringMatching(/^check-/)]);
    await check({ XDG_CACHE_HOME: join(sb.root, 'xdg') });
    expect(readdirSync(join(sb.root, 'xdg', 'px', 'compile-cache'))).toEqual([expect.stringMatching(/^check-/)]);
    await check({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(caches()).toEqual([]);
  });

  it('is not written by a command that fails', async () => {
    expect((await px(sb, ['frobnicate'])).code).toBe(2);
    expect((await px(sb, ['check', '-f', join(sb.root, 'missing.yaml')])).code).not.toBe(0);
    expect(caches()).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import type { ContextOptions } from '../src/index';

/** A throw-away home, working directory and filesystem root for one test. */
export interface Sandbox {
  readonly root: string;
  readonly home: string;
  readonly cwd: string;
  readonly fsRoot: string;
  /** Options pointing every lookup into the sandbox, with an empty env unless given. */
  options(extra?: ContextOptions): ContextOptions;
  write(path: string, content: string): string;
  read(path: string): string;
  mode(path: string): number;
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Creates a sandbox that is removed after the current test. */
export function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'px-context-'));
  roots.push(root);
  const home = join(root, 'home');
  const cwd = join(root, 'cwd');
  const fsRoot = join(root, 'fsroot');
  for (const dir of [home, cwd, fsRoot]) mkdirSync(dir, { recursive: true });
  return {
    root,
    home,
    cwd,
    fsRoot,
    options: (extra = {}) => ({ env: {}, homeDir: home, cwd, fsRoot, ...extra }),
    write(path, content) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    read: (path) => readFileSync(path, 'utf8'),
    mode: (path) => statSync(path).mode & 0o777,
  };
}

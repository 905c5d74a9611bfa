import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** The `px` bin of this package (runs the BUILT `dist/`). */
export const BIN = fileURLToPath(new URL('../bin/px.cjs', import.meta.url));
/** The test fixtures folder. */
export const FIXTURES = fileURLToPath(new URL('./__fixtures__', import.meta.url));

/** Throws a clear message when `dist/` was not built (`turbo` builds it before `test`). */
export function requireBuild(): void {
  if (!existsSync(fileURLToPath(new URL('../dist/bin.cjs', import.meta.url)))) {
    throw new Error('@px/cli is not built: run `npx tsup` in packages/cli (and its dependencies) first');
  }
}

/** A throwaway HOME, working directory and offline/archives roots. */
export interface Sandbox {
  readonly root: string;
  readonly home: string;
  readonly cwd: string;
  readonly offlineRoot: string;
  readonly archivesRoot: string;
  /** Environment every `px` call gets (plus per-call extras). */
  env: Record<string, string>;
  /** Path of a global config file, e.g. `.client`. */
  config(name: string): string;
  /** Content of a global config file as JSON. */
  readJson(path: string): unknown;
  cleanup(): void;
}

/** Creates a {@link Sandbox}; remove it with `cleanup()`. */
export function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'px-cli-test-'));
  const dirs = { home: join(root, 'home'), cwd: join(root, 'cwd'), offlineRoot: join(root, 'offline'), archivesRoot: join(root, 'archives') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dirs.home,
    POLYAXON_OFFLINE_ROOT: dirs.offlineRoot,
    POLYAXON_ARCHIVES_ROOT: dirs.archivesRoot,
    POLYAXON_ARTIFACTS_ROOT: join(root, 'artifacts'),
    POLYAXON_RETRIES: '0',
    POLYAXON_WATCH_INTERVAL: '1',
  };
  return {
    root,
    ...dirs,
    env,
    config: (name) => join(dirs.home, '.polyaxon', name),
    readJson: (path) => JSON.parse(readFileSync(path, 'utf8')) as unknown,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * The hooks of a suite that runs `px` without a server: {@link requireBuild} once, a new {@link Sandbox} before
 * each test (given to `ready`), removed after it.
 */
export function useSandbox(ready: (sb: Sandbox) => void): void {
  let sb: Sandbox | undefined;
  beforeAll(() => requireBuild());
  beforeEach(() => {
    sb = sandbox();
    ready(sb);
  });
  afterEach(() => sb?.cleanup());
}

/** A project to seed, as `ApiServer.state.addProject` takes it. */
export type ProjectSeed = Parameters<ApiServer['state']['addProject']>[0];

/**
 * The hooks of a suite that runs `px` against one test API server: the server starts once (after
 * {@link requireBuild}) and closes at the end; before each test its state is cleared, `projects` are added
 * and a new {@link Sandbox} points `POLYAXON_HOST` at it, and `ready` receives both; the sandbox is removed
 * after each test. Hooks the suite registers afterwards run after these.
 */
export function useApiServer(projects: readonly ProjectSeed[], ready: (server: ApiServer, sb: Sandbox) => void): void {
  let server: ApiServer | undefined;
  let sb: Sandbox | undefined;
  beforeAll(async () => {
    requireBuild();
    server = await startApiServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server!.state.clear();
    for (const project of projects) server!.state.addProject(project);
    sb = sandbox();
    sb.env.POLYAXON_HOST = server!.url;
    ready(server!, sb);
  });
  afterEach(() => sb?.cleanup());
}

/** What one `px` run printed and returned. */
export interface PxResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `px` as a child process in the sandbox (stdin gets `input`, then closes). */
export function px(sb: Sandbox, args: readonly string[], options: { input?: string; env?: Record<string, string>; cwd?: string; nodeArgs?: readonly string[] } = {}): Promise<PxResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { cwd: options.cwd ?? sb.cwd, env: { ...sb.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

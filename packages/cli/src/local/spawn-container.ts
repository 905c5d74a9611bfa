// Starts one container's process (the command itself, or `docker run ...`) in its own process
// group, streams its output into the run's logs, and reports how it ended.
import { spawn } from 'node:child_process';
import type { LogsWriter } from './logs-writer';
import { type StopController } from './signals';

/** How a container's process ended. */
export type ContainerOutcome =
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'signal'; readonly signal: NodeJS.Signals }
  | { readonly kind: 'not-found'; readonly command: string }
  | { readonly kind: 'error'; readonly message: string };

/** What to start. */
export interface SpawnRequest {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly container: string;
  readonly logs: LogsWriter;
  readonly stop: StopController;
}

/** Runs `argv` until it ends; its stdout and stderr go to `logs` (live and saved). */
export function spawnContainer(request: SpawnRequest): Promise<ContainerOutcome> {
  const [file, ...args] = request.argv;
  if (file === undefined) return Promise.resolve({ kind: 'error', message: 'empty command' });
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: request.cwd, env: request.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let spawnError: NodeJS.ErrnoException | undefined;
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    const streams = Promise.all([request.logs.follow(child.stdout, 'stdout', request.container), request.logs.follow(child.stderr, 'stderr', request.container)]);
    if (child.pid !== undefined) request.stop.track(child);
    child.on('close', (code, signal) => {
      void streams.then(() => {
        if (spawnError !== undefined) {
          resolve(spawnError.code === 'ENOENT' || spawnError.code === 'EACCES' ? { kind: 'not-found', command: file } : { kind: 'error', message: spawnError.message });
        } else if (signal !== null) resolve({ kind: 'signal', signal });
        else resolve({ kind: 'exit', code: code ?? 1 });
      });
    });
  });
}

/** Why a run is being finalised synchronously. */
export type ExitCause =
  | { kind: 'exit' }
  | { kind: 'signal'; signal: NodeJS.Signals }
  | { kind: 'error'; error: unknown };

/** Something that can finish its work synchronously when the process goes away. */
export interface SyncFinalizer {
  /** Flushes and records the final status without awaiting anything. */
  finalizeSync(cause: ExitCause): void;
}

const active = new Set<SyncFinalizer>();
let installed = false;

function finalizeAll(cause: ExitCause): void {
  for (const run of [...active]) {
    active.delete(run);
    try {
      run.finalizeSync(cause);
    } catch {
      // Never let one run's failure stop the others from flushing.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  finalizeAll({ kind: 'signal', signal });
  // Keep Node's default behaviour (exit with 128 + signal) unless the
  // application installed its own handler for this signal.
  if (process.listenerCount(signal) <= 1) {
    process.off(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => finalizeAll({ kind: 'exit' }));
  process.on('uncaughtExceptionMonitor', (error) => finalizeAll({ kind: 'error', error }));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * Registers a run whose events must be flushed, and whose final status must
 * be recorded, on normal exit, SIGINT/SIGTERM and uncaught errors.
 *
 * @param run - the run
 */
export function registerExitHook(run: SyncFinalizer): void {
  install();
  active.add(run);
}

/**
 * Removes a run from the exit hooks (after `end()`).
 *
 * @param run - the run
 */
export function unregisterExitHook(run: SyncFinalizer): void {
  active.delete(run);
}

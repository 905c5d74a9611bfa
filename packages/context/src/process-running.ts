/**
 * Whether process `pid` still runs, as a temporary file's owner: signal 0
 * checks without sending anything, and a process of another user (`EPERM`)
 * counts as running.
 *
 * @param pid - The process id.
 * @returns `true` while the process exists.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

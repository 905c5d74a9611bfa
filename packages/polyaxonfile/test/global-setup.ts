// vitest globalSetup: installs Debian's chromium for the browser test when it
// is missing and we are root; the test itself skips when it is still absent.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup(): void {
  if (existsSync('/usr/bin/chromium')) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 300_000 });
  if (update.status !== 0) return;
  spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore', env, timeout: 600_000 });
}

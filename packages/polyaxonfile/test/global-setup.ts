// vitest globalSetup: installs what the browser test (Debian's chromium) and
// the PyYAML differential test (Debian's python3-yaml) need when they are
// missing and we are root; the tests themselves skip when it is still absent.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pythonWithPyYaml } from './pyyaml/differential';

export default function setup(): void {
  const missing = [
    ...(existsSync('/usr/bin/chromium') ? [] : ['chromium']),
    ...(pythonWithPyYaml() === undefined ? ['python3-yaml'] : []),
  ];
  if (missing.length === 0) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 300_000 });
  if (update.status !== 0) return;
  spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'ignore', env, timeout: 600_000 });
}

import { describe, expect, it } from 'vitest';
import { PolyaxonException } from '@px/errors';
import { runCli } from './main';
import { VERSION } from './version';

function sink(isTTY = false): { write: (s: string) => boolean; text: () => string; isTTY: boolean } {
  const chunks: string[] = [];
  return { write: (s: string) => chunks.push(s) > 0, text: () => chunks.join(''), isTTY };
}

async function run(argv: string[], env: Record<string, string> = {}, tty = false) {
  const stdout = sink(tty);
  const stderr = sink(tty);
  const code = await runCli({ argv, env, stdout, stderr, cwd: '/nonexistent-px-cwd', homeDir: '/nonexistent-px-home', prompt: () => Promise.resolve(undefined) });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('runCli (in process)', () => {
  it('answers --version and help without touching the network', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect((await run(['config', '--help'])).stdout).toContain('Usage: px config [OPTIONS] COMMAND');
    expect((await run(['completion', 'bash'])).code).toBe(0);
  });

  it('returns 2 for usage errors and prints one line', async () => {
    const result = await run(['ops', 'ls', '-z']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'Error: No such option: -z\n' });
  });

  it('colours errors only on a terminal and never with NO_COLOR', async () => {
    expect((await run(['nope'], {}, true)).stderr).toContain('\u001b[31m');
    expect((await run(['nope'], { NO_COLOR: '1' }, true)).stderr).not.toContain('\u001b[');
    expect((await run(['nope'], {}, false)).stderr).not.toContain('\u001b[');
  });

  it('prints stack traces only with --verbose or POLYAXON_DEBUG', async () => {
    const quiet = await run(['check', '-f', 'missing.yaml']);
    expect(quiet.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const verbose = await run(['-v', 'check', '-f', 'missing.yaml']);
    expect(verbose.stderr).toMatch(/\n\s+at /);
    const debug = await run(['check', '-f', 'missing.yaml'], { POLYAXON_DEBUG: 'true' });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('is a PolyaxonException-based error contract', () => {
    expect(new PolyaxonException('x')).toBeInstanceOf(Error);
  });
});

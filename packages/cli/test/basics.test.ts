import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceLoads } from './support/load-trace';
import { FIXTURES, px, requireBuild, sandbox, type Sandbox } from './helpers';

let sb: Sandbox;
beforeAll(() => {
  requireBuild();
  sb = sandbox();
});
afterAll(() => sb.cleanup());

describe('px basics (built binary)', () => {
  it('prints its version', async () => {
    const fast = await px(sb, ['--version']);
    expect(fast).toMatchObject({ code: 0, stderr: '' });
    expect(fast.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const cmd = await px(sb, ['version']);
    expect(cmd.stdout).toBe(`Current cli version: ${fast.stdout}`);
    const json = await px(sb, ['version', '-o', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ cli: fast.stdout.trim() });
  });

  it('prints help for the root, a group and a command', async () => {
    const root = await px(sb, ['--help']);
    expect(root.code).toBe(0);
    for (const name of ['login', 'config', 'check', 'project', 'run', 'ops', 'completion']) expect(root.stdout).toContain(`  ${name}`);
    expect((await px(sb, [])).stdout).toContain('Usage: px [OPTIONS] COMMAND');
    const group = await px(sb, ['ops', '--help']);
    expect(group.stdout).toContain('Usage: px ops [OPTIONS] COMMAND');
    expect(group.stdout).toMatch(/statuses\s+Get the statuses/);
    const leaf = await px(sb, ['ops', 'logs', '--help']);
    expect(leaf.stdout).toContain('-h, --hide-time');
    expect(leaf.stdout).toContain('-nf, --no-follow');
    expect((await px(sb, ['check', '--help'])).stdout).toContain('-v, --version');
  });

  it('exits 2 with one clear line for usage errors', async () => {
    const unknown = await px(sb, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.split('\n')[0]).toBe("Error: No such command 'frobnicate'.");
    const badOption = await px(sb, ['ops', 'ls', '--bogus']);
    expect(badOption).toMatchObject({ code: 2, stderr: 'Error: No such option: --bogus\n' });
    const missingValue = await px(sb, ['check', '-f']);
    expect(missingValue).toMatchObject({ code: 2, stderr: "Error: Option '-f' requires an argument.\n" });
    const badOutput = await px(sb, ['version', '-o', 'xml']);
    expect(badOutput.code).toBe(2);
    expect(badOutput.stderr).toContain("Invalid value for '-o' / '--output'");
  });

  it('prints completion scripts for bash, zsh and fish', async () => {
    const bash = await px(sb, ['completion', 'bash']);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain('complete -o default -F _px_completion px');
    expect((await px(sb, ['completion', 'zsh'])).stdout).toMatch(/^#compdef px/);
    expect((await px(sb, ['completion', 'fish'])).stdout).toContain('complete -c px');
    const bad = await px(sb, ['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'tcsh' is not one of bash, zsh, fish");
    expect((await px(sb, ['completion'])).code).toBe(2);
  });

  it('never colours output that is not a terminal, unless FORCE_COLOR asks for it', async () => {
    expect((await px(sb, ['frobnicate'])).stderr).not.toContain('\u001b[');
    expect((await px(sb, ['frobnicate'], { env: { NO_COLOR: '1' } })).stderr).not.toContain('\u001b[');
    expect((await px(sb, ['frobnicate'], { env: { FORCE_COLOR: '1' } })).stderr).toContain('\u001b[31m');
  });

  it('never loads the HTTP stack for --version, --help and check', async () => {
    const http = /\/client\/dist\/index\.js$|\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?ky\//;
    for (const args of [['--version'], ['--help'], ['check', '-f', join(FIXTURES, 'job.yaml')]]) {
      const { builtins, initialised } = await traceLoads(sb, args);
      expect(builtins.filter((m) => /^node:(?:https?|_http_client|internal\/deps\/undici\/undici)$/.test(m))).toEqual([]);
      expect(initialised.filter((m) => http.test(m))).toEqual([]);
      if (args[0] === 'check') expect(initialised.some((m) => m.includes('/polyaxonfile/'))).toBe(true);
    }
  });
});

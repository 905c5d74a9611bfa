import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@px/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, px, requireBuild, sandbox, type Sandbox } from './helpers';

let sb: Sandbox;
let server: ApiServer;
beforeAll(async () => {
  requireBuild();
  sb = sandbox();
  server = await startApiServer();
  server.state.addProject({ name: 'demo' });
  sb.env.POLYAXON_HOST = server.url;
});
afterAll(async () => {
  sb.cleanup();
  await server.close();
});

const job = join(FIXTURES, 'job.yaml');
const badKind = join(FIXTURES, 'bad-kind.yaml');

describe('help: -h, px help, group options, examples', () => {
  it('answers -h like --help, except where the command owns -h (ops logs -h is --hide-time)', async () => {
    const long = await px(sb, ['ops', 'ls', '--help']);
    expect(await px(sb, ['ops', 'ls', '-h'])).toEqual(long);
    expect((await px(sb, ['-h'])).stdout).toBe((await px(sb, ['--help'])).stdout);
    const logsHelp = await px(sb, ['ops', 'logs', '--help']);
    expect(logsHelp.stdout).toContain('-h, --hide-time');
    expect(logsHelp.stdout).toMatch(/^ {2}--help\s+Show this message and exit\.$/m);
  });

  it('px help <command…> prints the help of that command', async () => {
    expect(await px(sb, ['help', 'ops', 'ls'])).toEqual(await px(sb, ['ops', 'ls', '--help']));
    expect((await px(sb, ['help'])).stdout).toBe((await px(sb, ['--help'])).stdout);
    const wrong = await px(sb, ['help', 'ops', 'sl']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Did you mean `ops ls`?');
  });

  it('lists group options in group help (ops -p/-uid, config -l)', async () => {
    const ops = (await px(sb, ['ops', '--help'])).stdout;
    expect(ops).toMatch(/-p, --project <project>/);
    expect(ops).toMatch(/-uid, -id, --uid, --uuid <uuid>/);
    expect((await px(sb, ['config', '-h'])).stdout).toMatch(/-l, --list\s+Deprecated, same as `config show`\./);
  });

  it('shows one or two examples in the help of commands', async () => {
    for (const path of [['ops', 'ls'], ['check'], ['ops', 'transfer'], ['config', 'get']]) {
      const help = (await px(sb, [...path, '--help'])).stdout;
      const examples = help.slice(help.indexOf('Examples:\n'));
      expect(examples.split('\n').filter((l) => l.startsWith('  $ px ')).length, path.join(' ')).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('usage errors (exit 2) name the closest command or option', () => {
  it.each([
    [['ops', 'sl'], "No such command 'sl'. Did you mean `ops ls`?"],
    [['chek'], "No such command 'chek'. Did you mean `check`?"],
    [['ops', 'ls', '--limt', '3'], 'No such option: --limt. Did you mean `--limit`?'],
    [['--verbos', 'ops'], 'No such option: --verbos. Did you mean `--verbose`?'],
    [['version', 'extra'], 'Got unexpected extra argument (extra)'],
    [['ops', 'get', 'a', 'b'], 'Got unexpected extra arguments (a b)'],
    [['completion', 'bash', 'zsh'], 'Got unexpected extra argument (zsh)'],
  ])('px %j', async (args, message) => {
    const result = await px(sb, args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});

describe('colours', () => {
  const green = '\u001b[32m';
  it('are off when stdout is not a terminal, on with FORCE_COLOR, and off again with --no-color', async () => {
    expect((await px(sb, ['check', '-f', job])).stdout).toBe('Polyaxonfile valid\n');
    expect((await px(sb, ['check', '-f', job], { env: { FORCE_COLOR: '1' } })).stdout).toBe(`${green}Polyaxonfile valid\u001b[39m\n`);
    expect((await px(sb, ['check', '-f', job, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).toBe('Polyaxonfile valid\n');
    expect((await px(sb, ['--no-color', 'check', '-f', job], { env: { FORCE_COLOR: '1' } })).stdout).toBe('Polyaxonfile valid\n');
    expect((await px(sb, ['check', '-f', job], { env: { FORCE_COLOR: '0' } })).stdout).toBe('Polyaxonfile valid\n');
  });
});

describe('-f - reads the Polyaxonfile from standard input', () => {
  it('in px check, naming <stdin> in errors', async () => {
    expect(await px(sb, ['check', '-f', '-'], { input: readFileSync(job, 'utf8') })).toMatchObject({ code: 0, stdout: 'Polyaxonfile valid\n' });
    const bad = await px(sb, ['check', '-f', '-'], { input: readFileSync(badKind, 'utf8') });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--> <stdin>:4:3');
    expect(bad.stderr).toContain('kind: jobb');
    const json = await px(sb, ['check', '-f', '-', '-o', 'json'], { input: readFileSync(badKind, 'utf8') });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { file: '<stdin>', line: 4 } });
    expect((await px(sb, ['check', '-f', '-', '-f', '-'], { input: '' })).code).toBe(2);
  });

  it('in px run', async () => {
    const result = await px(sb, ['run', '-p', 'demo', '-f', '-'], { input: readFileSync(job, 'utf8') });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/A new run was created: default\/demo:golden-job@[0-9a-f]{32}/);
  });
});

describe('-o yaml', () => {
  it('reads back as the same data as -o json', async () => {
    const json = JSON.parse((await px(sb, ['check', '-f', job, '-o', 'json'])).stdout) as unknown;
    const yaml = (await px(sb, ['check', '-f', job, '-o', 'yaml'])).stdout;
    expect(parse(yaml)).toEqual(json);
  });
});

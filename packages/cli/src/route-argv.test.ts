import { describe, expect, it } from 'vitest';
import { COMMAND_TREE } from './command-tree';
import { UsageError } from './errors';
import { routeArgv } from './route-argv';

describe('routeArgv', () => {
  it('reads root options before the command', () => {
    const route = routeArgv(COMMAND_TREE, ['-v', '--offline', 'ops', 'ls', '-l', '5']);
    expect(route).toMatchObject({ kind: 'run', path: ['ops', 'ls'], globals: { verbose: true, offline: true }, argv: ['-l', '5'] });
  });

  it('answers --version and --help without a command', () => {
    expect(routeArgv(COMMAND_TREE, ['--version']).kind).toBe('version');
    expect(routeArgv(COMMAND_TREE, []).kind).toBe('help');
    expect(routeArgv(COMMAND_TREE, ['ops'])).toMatchObject({ kind: 'help', path: ['ops'] });
    expect(routeArgv(COMMAND_TREE, ['ops', 'ls', '--help'])).toMatchObject({ kind: 'help', path: ['ops', 'ls'] });
  });

  it('keeps -h for the command (ops logs -h is --hide-time) and -v for check --version', () => {
    expect(routeArgv(COMMAND_TREE, ['ops', 'logs', '-h'])).toMatchObject({ kind: 'run', argv: ['-h'] });
    expect(routeArgv(COMMAND_TREE, ['check', '-v'])).toMatchObject({ kind: 'run', argv: ['-v'], globals: { verbose: false } });
  });

  it('resolves aliases and deprecated group options', () => {
    expect(routeArgv(COMMAND_TREE, ['projects', 'ls'])).toMatchObject({ kind: 'run', path: ['project', 'ls'] });
    expect(routeArgv(COMMAND_TREE, ['ops', '-p', 'acme/x', '--uid', 'u1', 'get'])).toMatchObject({
      kind: 'run',
      path: ['ops', 'get'],
      groupOptions: { project: 'acme/x', uid: 'u1' },
    });
  });

  it('runs `config show` for the deprecated `config -l`', () => {
    expect(routeArgv(COMMAND_TREE, ['config', '-l'])).toMatchObject({ kind: 'run', path: ['config', 'show'] });
  });

  it('reads group options in every spelling', () => {
    expect(routeArgv(COMMAND_TREE, ['ops', '--project=acme/x', '-uid', 'u2', '--uuid=u3', 'ls'])).toMatchObject({
      kind: 'run',
      path: ['ops', 'ls'],
      groupOptions: { project: 'acme/x', uid: 'u3' },
    });
    expect(() => routeArgv(COMMAND_TREE, ['ops', '--nope', 'ls'])).toThrow('No such option: --nope');
  });

  it('rejects unknown commands with a usage error', () => {
    expect(() => routeArgv(COMMAND_TREE, ['nope'])).toThrow(UsageError);
    expect(() => routeArgv(COMMAND_TREE, ['ops', 'nope'])).toThrow("No such command 'nope'.");
    expect(() => routeArgv(COMMAND_TREE, ['--bogus'])).toThrow('No such option: --bogus');
  });

  it('takes -h as help unless the command owns -h, and reads `px help ...`', () => {
    expect(routeArgv(COMMAND_TREE, ['-h'])).toMatchObject({ kind: 'help', path: [] });
    expect(routeArgv(COMMAND_TREE, ['ops', '-h'])).toMatchObject({ kind: 'help', path: ['ops'] });
    expect(routeArgv(COMMAND_TREE, ['ops', 'ls', '-h'])).toMatchObject({ kind: 'help', path: ['ops', 'ls'] });
    expect(routeArgv(COMMAND_TREE, ['ops', 'logs', '-h'])).toMatchObject({ kind: 'run', argv: ['-h'] });
    expect(routeArgv(COMMAND_TREE, ['help', 'ops', 'logs'])).toMatchObject({ kind: 'help', path: ['ops', 'logs'] });
    expect(routeArgv(COMMAND_TREE, ['help', 'projects'])).toMatchObject({ kind: 'help', path: ['project'] });
    expect(() => routeArgv(COMMAND_TREE, ['help', 'check', 'extra'])).toThrow('`px check` has no subcommands.');
  });

  it('names the closest command', () => {
    expect(() => routeArgv(COMMAND_TREE, ['ops', 'stauses'])).toThrow("No such command 'stauses'. Did you mean `ops statuses`?");
    expect(() => routeArgv(COMMAND_TREE, ['xyzzy'])).toThrow(/^No such command 'xyzzy'\.$/);
  });
});

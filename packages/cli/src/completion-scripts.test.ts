import { describe, expect, it } from 'vitest';
import { COMMAND_TREE } from './command-tree';
import { completionScript } from './completion-scripts';

describe('completionScript', () => {
  it('lists commands, subcommands and flags for bash and zsh', () => {
    const bash = completionScript('bash', COMMAND_TREE);
    expect(bash).toContain('complete -o default -F _px_completion px');
    expect(bash).toContain('"ops") words="ls get statuses');
    expect(bash).toContain('"ops ls") words="--help --project -p');
    expect(completionScript('zsh', COMMAND_TREE)).toMatch(/^#compdef px\n/);
  });

  it('writes fish completions per command', () => {
    const fish = completionScript('fish', COMMAND_TREE);
    expect(fish).toContain('complete -c px -n "__fish_seen_subcommand_from check" -l file -s f -r');
  });
});

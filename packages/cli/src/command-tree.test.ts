import { describe, expect, it } from 'vitest';
import type { CommandSpec, LeafCommandSpec } from './command-spec';
import { COMMAND_TREE } from './command-tree';
import { groupHelp, leafHelp, rootHelp, wrapText } from './help';
import { ROOT_OPTIONS } from './command-tree';

function leaves(commands: readonly CommandSpec[], prefix: string[] = []): [string[], LeafCommandSpec][] {
  return commands.flatMap((c) => (c.kind === 'leaf' ? [[[...prefix, c.name], c] as [string[], LeafCommandSpec]] : leaves(c.commands, [...prefix, c.name])));
}

describe('the command tree', () => {
  it('has no duplicate option spellings within a command', () => {
    for (const [path, leaf] of leaves(COMMAND_TREE)) {
      const spellings = leaf.options.flatMap((o) => [`--${o.long}`, ...(o.aliases ?? []).map((a) => `--${a}`), ...(o.short === undefined ? [] : [`-${o.short}`]), ...(o.multiShort ?? [])]);
      expect(new Set(spellings).size, path.join(' ')).toBe(spellings.length);
      for (const multi of leaf.options.flatMap((o) => o.multiShort ?? [])) expect(multi, path.join(' ')).toMatch(/^-[A-Za-z][A-Za-z-]+$/);
    }
  });

  it('keeps upstream short-flag collisions', () => {
    const find = (path: string, long: string) => leaves(COMMAND_TREE).find(([p]) => p.join(' ') === path)?.[1].options.find((o) => o.long === long);
    expect(find('login', 'password')?.short).toBe('p');
    expect(find('ops ls', 'project')?.short).toBe('p');
    expect(find('project ls', 'owner')?.short).toBe('o');
    expect(find('ops ls', 'output')?.short).toBe('o');
    expect(find('check', 'version')?.short).toBe('v');
    expect(find('check', 'lint')?.short).toBe('l');
    expect(find('run', 'log')?.short).toBe('l');
    expect(find('ops ls', 'limit')?.short).toBe('l');
    expect(find('run', 'upload')?.short).toBe('u');
    expect(find('login', 'username')?.short).toBe('u');
    expect(find('ops logs', 'hide-time')?.short).toBe('h');
    expect(find('ops ls', 'offset')?.multiShort).toEqual(['-off']);
  });

  it('renders help for every level', () => {
    expect(rootHelp(COMMAND_TREE, ROOT_OPTIONS)).toContain('project (projects)');
    const ops = COMMAND_TREE.find((c) => c.name === 'ops');
    expect(ops?.kind === 'group' ? groupHelp(['ops'], ops) : '').toContain('Usage: px ops [OPTIONS] COMMAND');
    const [, ls] = leaves(COMMAND_TREE).find(([p]) => p.join(' ') === 'ops ls')!;
    const help = leafHelp(['ops', 'ls'], ls);
    expect(help).toContain('-off, --offset <n>');
    expect(help).toContain('--help');
  });

  it('wraps long help to the terminal width and gives every command an example', () => {
    for (const [path, leaf] of leaves(COMMAND_TREE)) {
      const help = leafHelp(path, leaf, 60);
      for (const line of help.split('\n')) if (!line.startsWith('  $ ') && !line.startsWith('  -')) expect(line.length, `${path.join(' ')}: ${line}`).toBeLessThanOrEqual(60);
      expect(help, path.join(' ')).toMatch(/Examples:\n {2}\$ px /);
    }
    expect(wrapText('a b c d', 3)).toEqual(['a b', 'c d']);
  });
});

import type { CommandSpec, OptionSpec } from './command-spec';

/** Shells `px completion` supports. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** One of {@link SHELLS}. */
export type Shell = (typeof SHELLS)[number];

function flagsOf(options: readonly OptionSpec[]): string[] {
  const flags = ['--help'];
  for (const o of options) {
    flags.push(`--${o.long}`, ...(o.aliases ?? []).map((a) => `--${a}`));
    if (o.short !== undefined) flags.push(`-${o.short}`);
    flags.push(...(o.multiShort ?? []));
  }
  return flags;
}

interface Entry {
  readonly path: string;
  readonly words: readonly string[];
}

/** Every command path with the words that may follow it (subcommands or flags). */
function entries(tree: readonly CommandSpec[]): Entry[] {
  const out: Entry[] = [{ path: '', words: tree.map((c) => c.name) }];
  const walk = (prefix: string, commands: readonly CommandSpec[]): void => {
    for (const c of commands) {
      const path = prefix === '' ? c.name : `${prefix} ${c.name}`;
      if (c.kind === 'group') {
        out.push({ path, words: c.commands.map((s) => s.name) });
        walk(path, c.commands);
      } else {
        out.push({ path, words: flagsOf(c.options) });
      }
    }
  };
  walk('', tree);
  return out;
}

function bash(tree: readonly CommandSpec[]): string {
  const cases = entries(tree)
    .map((e) => `    "${e.path}") words="${e.words.join(' ')}" ;;`)
    .join('\n');
  return `# px bash completion. Install: px completion bash > ~/.px-completion.bash && echo 'source ~/.px-completion.bash' >> ~/.bashrc
_px_completion() {
  local cur path="" word i words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    if [[ -z "$path" ]]; then candidate="$word"; else candidate="$path $word"; fi
    case "$candidate" in
${entries(tree)
  .filter((e) => e.path !== '')
  .map((e) => `      "${e.path}") path="$candidate" ;;`)
  .join('\n')}
    esac
  done
  case "$path" in
${cases}
    *) words="" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  if [[ \${#COMPREPLY[@]} -eq 0 ]]; then COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -o default -F _px_completion px
`;
}

function zsh(tree: readonly CommandSpec[]): string {
  return `#compdef px
# px zsh completion. Install: px completion zsh > "\${fpath[1]}/_px" (then restart zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(tree).replace(/^# px bash completion.*\n/, '')}`;
}

function fish(tree: readonly CommandSpec[]): string {
  const lines = ['# px fish completion. Install: px completion fish > ~/.config/fish/completions/px.fish', 'complete -c px -f'];
  const top = tree.map((c) => c.name).join(' ');
  lines.push(`complete -c px -n "not __fish_seen_subcommand_from ${top}" -a "${top}"`);
  for (const c of tree) {
    if (c.kind === 'group') {
      const subs = c.commands.map((s) => s.name).join(' ');
      lines.push(`complete -c px -n "__fish_seen_subcommand_from ${c.name}; and not __fish_seen_subcommand_from ${subs}" -a "${subs}"`);
      for (const s of c.commands) {
        if (s.kind !== 'leaf') continue;
        for (const o of s.options) {
          lines.push(`complete -c px -n "__fish_seen_subcommand_from ${c.name}; and __fish_seen_subcommand_from ${s.name}" -l ${o.long}${o.short === undefined ? '' : ` -s ${o.short}`}${o.value === undefined ? '' : ' -r'} -d ${JSON.stringify(o.description.replace(/`/g, ''))}`);
        }
      }
    } else {
      for (const o of c.options) {
        lines.push(`complete -c px -n "__fish_seen_subcommand_from ${c.name}" -l ${o.long}${o.short === undefined ? '' : ` -s ${o.short}`}${o.value === undefined ? '' : ' -r'} -d ${JSON.stringify(o.description.replace(/`/g, ''))}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script of `shell` for the given command tree. */
export function completionScript(shell: Shell, tree: readonly CommandSpec[]): string {
  switch (shell) {
    case 'bash':
      return bash(tree);
    case 'zsh':
      return zsh(tree);
    case 'fish':
      return fish(tree);
  }
}

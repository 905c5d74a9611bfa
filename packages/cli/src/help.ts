import type { CommandSpec, GroupCommandSpec, LeafCommandSpec, OptionSpec } from './command-spec';

function optionLabel(spec: OptionSpec): string {
  const names = [
    ...(spec.short === undefined ? [] : [`-${spec.short}`]),
    ...(spec.multiShort ?? []),
    `--${spec.long}`,
    ...(spec.aliases ?? []).map((a) => `--${a}`),
  ];
  return `${names.join(', ')}${spec.value === undefined ? '' : ` <${spec.value}>`}${spec.repeatable === true ? ' (repeatable)' : ''}`;
}

function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.min(40, Math.max(0, ...rows.map(([left]) => left.length)));
  return rows.map(([left, right]) => (left.length > width ? `  ${left}\n  ${' '.repeat(width)}  ${right}` : `  ${left.padEnd(width)}  ${right}`));
}

function commandRows(commands: readonly CommandSpec[]): [string, string][] {
  return commands.map((c) => [c.aliases === undefined ? c.name : `${c.name} (${c.aliases.join(', ')})`, c.description]);
}

/** Help text of the root command. */
export function rootHelp(tree: readonly CommandSpec[], rootOptions: readonly OptionSpec[]): string {
  return [
    'Usage: px [OPTIONS] COMMAND [ARGS]...',
    '',
    '  px: the Polyaxon command line.',
    '',
    'Options:',
    ...columns(rootOptions.map((o) => [optionLabel(o), o.description])),
    '',
    'Commands:',
    ...columns(commandRows(tree)),
    '',
    'Run `px COMMAND --help` for the options of a command.',
    '',
  ].join('\n');
}

/** Help text of a group such as `ops`. */
export function groupHelp(path: readonly string[], group: GroupCommandSpec): string {
  return [
    `Usage: px ${path.join(' ')} COMMAND [ARGS]...`,
    '',
    `  ${group.description}`,
    '',
    'Commands:',
    ...columns(commandRows(group.commands)),
    '',
    `Run \`px ${path.join(' ')} COMMAND --help\` for the options of a command.`,
    '',
  ].join('\n');
}

/** Help text of a leaf command such as `ops ls`. */
export function leafHelp(path: readonly string[], leaf: LeafCommandSpec): string {
  const options: [string, string][] = leaf.options.map((o) => [optionLabel(o), o.description]);
  options.push(['--help', 'Show this message and exit.']);
  return [
    `Usage: px ${path.join(' ')} [OPTIONS]${leaf.args === undefined ? '' : ` ${leaf.args}`}`,
    '',
    `  ${leaf.description}`,
    '',
    'Options:',
    ...columns(options),
    '',
  ].join('\n');
}

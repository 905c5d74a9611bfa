import type { CommandSpec, GroupCommandSpec, LeafCommandSpec, OptionSpec } from './command-spec';
import { COMMAND_EXAMPLES } from './command-examples';
import { displayWidth } from './output/display-width';

/** Help text is wrapped to the terminal width, within these bounds (click's default is 80). */
const MIN_WIDTH = 40;
const DEFAULT_WIDTH = 80;

function optionLabel(spec: OptionSpec): string {
  const names = [
    ...(spec.short === undefined ? [] : [`-${spec.short}`]),
    ...(spec.multiShort ?? []),
    `--${spec.long}`,
    ...(spec.aliases ?? []).map((a) => `--${a}`),
  ];
  return `${names.join(', ')}${spec.value === undefined ? '' : ` <${spec.value}>`}${spec.repeatable === true ? ' (repeatable)' : ''}`;
}

/** Splits `text` into lines of at most `width` display columns (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (displayWidth(line) + 1 + displayWidth(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

function columns(rows: readonly (readonly [string, string])[], width: number): string[] {
  const left = Math.min(Math.floor(width / 2), 40, Math.max(0, ...rows.map(([l]) => displayWidth(l))));
  const rightWidth = Math.max(20, width - left - 4);
  return rows.flatMap(([l, r]) => {
    const wrapped = wrapText(r, rightWidth);
    const pad = ' '.repeat(left + 4);
    if (displayWidth(l) > left) return [`  ${l}`, ...wrapped.map((w) => `${pad}${w}`)];
    return [`  ${l}${' '.repeat(left - displayWidth(l))}  ${wrapped[0]}`, ...wrapped.slice(1).map((w) => `${pad}${w}`)];
  });
}

function paragraph(text: string, width: number): string[] {
  return wrapText(text, width - 2).map((line) => `  ${line}`);
}

function commandRows(commands: readonly CommandSpec[]): [string, string][] {
  return commands.map((c) => [c.aliases === undefined ? c.name : `${c.name} (${c.aliases.join(', ')})`, c.description]);
}

function widthOf(columnsHint: number | undefined): number {
  return Math.max(MIN_WIDTH, columnsHint ?? DEFAULT_WIDTH);
}

const HELP_ROW: [string, string] = ['-h, --help', 'Show this message and exit.'];

/** Help text of the root command, wrapped to `width` columns (default 80). */
export function rootHelp(tree: readonly CommandSpec[], rootOptions: readonly OptionSpec[], width?: number): string {
  const w = widthOf(width);
  return [
    'Usage: px [OPTIONS] COMMAND [ARGS]...',
    '',
    ...paragraph('px: the Polyaxon command line.', w),
    '',
    'Options:',
    ...columns(
      rootOptions.map((o) => (o.long === 'help' ? HELP_ROW : [optionLabel(o), o.description])),
      w,
    ),
    '',
    'Commands:',
    ...columns(commandRows(tree), w),
    '',
    ...paragraph('Run `px COMMAND --help` (or `px help COMMAND`) for the options of a command.', w),
    '',
  ].join('\n');
}

/** Help text of a group such as `ops`: its own options (`ops -p/-uid`, `config -l`) and its commands. */
export function groupHelp(path: readonly string[], group: GroupCommandSpec, width?: number): string {
  const w = widthOf(width);
  const options: [string, string][] = (group.options ?? []).map((o) => [optionLabel(o), o.description]);
  options.push(HELP_ROW);
  return [
    `Usage: px ${path.join(' ')} [OPTIONS] COMMAND [ARGS]...`,
    '',
    ...paragraph(group.description, w),
    '',
    'Options:',
    ...columns(options, w),
    '',
    'Commands:',
    ...columns(commandRows(group.commands), w),
    '',
    ...paragraph(`Run \`px ${path.join(' ')} COMMAND --help\` for the options of a command.`, w),
    '',
  ].join('\n');
}

/** The examples of a command: its own `examples`, else {@link COMMAND_EXAMPLES}, else one built from its usage. */
export function examplesOf(path: readonly string[], leaf: LeafCommandSpec): readonly string[] {
  const known = leaf.examples ?? COMMAND_EXAMPLES[path.join(' ')];
  if (known !== undefined && known.length > 0) return known;
  const withValue = leaf.options.find((o) => o.value !== undefined && o.unsupported === undefined);
  const args = leaf.args === undefined ? '' : ` ${leaf.args.replace(/[<>[\].]/g, '').split(/\s+/)[0]!.toUpperCase()}`;
  const option = withValue === undefined ? '' : ` --${withValue.long} ${withValue.value!.toUpperCase()}`;
  return [`px ${path.join(' ')}${option}${args}`];
}

/** Help text of a leaf command such as `ops ls`, with examples. */
export function leafHelp(path: readonly string[], leaf: LeafCommandSpec, width?: number): string {
  const w = widthOf(width);
  const options: [string, string][] = leaf.options.map((o) => [optionLabel(o), o.description]);
  options.push(leaf.options.some((o) => o.short === 'h') ? ['--help', HELP_ROW[1]] : HELP_ROW);
  return [
    `Usage: px ${path.join(' ')} [OPTIONS]${leaf.args === undefined ? '' : ` ${leaf.args}`}`,
    '',
    ...paragraph(leaf.description, w),
    '',
    'Options:',
    ...columns(options, w),
    '',
    'Examples:',
    ...examplesOf(path, leaf).map((e) => `  $ ${e}`),
    '',
  ].join('\n');
}

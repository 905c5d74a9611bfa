import type { CommandSpec, GroupCommandSpec, LeafCommandSpec, OptionSpec, ParsedOptions } from './command-spec';
import type { GlobalOptions } from './command-context';
import { UsageError } from './errors';
import { parseOptions } from './parse-options';
import { closest } from './suggest';

/** What the command line asks for. */
export type Route =
  | { readonly kind: 'version'; readonly globals: GlobalOptions }
  | { readonly kind: 'help'; readonly globals: GlobalOptions; readonly path: readonly string[]; readonly spec?: CommandSpec }
  | {
      readonly kind: 'run';
      readonly globals: GlobalOptions;
      readonly path: readonly string[];
      readonly spec: LeafCommandSpec;
      /** The leaf's own argv (after the command path). */
      readonly argv: readonly string[];
      /** Options given on the group itself (deprecated upstream; used as defaults). */
      readonly groupOptions: ParsedOptions;
    };

function findCommand(commands: readonly CommandSpec[], name: string): CommandSpec | undefined {
  return commands.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

/** Whether `-h` means help for these options: only when no option of the command owns `-h` (`ops logs -h` is `--hide-time`). */
function hIsHelp(options: readonly OptionSpec[]): boolean {
  return !options.some((o) => o.short === 'h');
}

function hasHelp(argv: readonly string[], options: readonly OptionSpec[]): boolean {
  const h = hIsHelp(options);
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || (h && arg === '-h')) return true;
  }
  return false;
}

function isHelpFlag(arg: string, options: readonly OptionSpec[] = []): boolean {
  return arg === '--help' || (arg === '-h' && hIsHelp(options));
}

/** `No such command 'sl'.` with the closest command of the same level, as "did you mean `ops ls`?". */
function noSuchCommand(name: string, path: readonly string[], commands: readonly CommandSpec[]): UsageError {
  const names = commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
  const guess = closest(name, names);
  const prefix = path.length > 0 ? `${path.join(' ')} ` : '';
  return new UsageError(`No such command '${name}'.${guess === undefined ? '' : ` Did you mean \`${prefix}${guess}\`?`}`, {
    details: [`Try 'px${path.length > 0 ? ` ${path.join(' ')}` : ''} --help' for the list of commands.`],
  });
}

/** Resolves `px help ops ls` to the spec of `ops ls`. */
function helpRoute(tree: readonly CommandSpec[], names: readonly string[], globals: GlobalOptions): Route {
  const path: string[] = [];
  let commands = tree;
  let spec: CommandSpec | undefined;
  for (const name of names) {
    if (name.startsWith('-')) continue;
    if (spec?.kind === 'leaf') throw new UsageError(`\`px ${path.join(' ')}\` has no subcommands.`);
    spec = findCommand(commands, name);
    if (spec === undefined) throw noSuchCommand(name, path, commands);
    path.push(spec.name);
    commands = spec.kind === 'group' ? spec.commands : [];
  }
  return spec === undefined ? { kind: 'help', globals, path: [] } : { kind: 'help', globals, path, spec };
}

const ROOT_FLAGS = ['--verbose', '--offline', '--version', '--help', '--no-color'];

/**
 * Splits argv (without `node` and the script) into the root options, the
 * command path and the leaf's own argv. `-h` is help wherever the command
 * does not give it another meaning (upstream: `ops logs -h` is
 * `--hide-time`); `px help ops ls` is `px ops ls --help`.
 *
 * @throws {@link UsageError} for an unknown command or root option (naming the closest one).
 */
export function routeArgv(tree: readonly CommandSpec[], argv: readonly string[]): Route {
  let verbose = false;
  let offline = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-v' || arg === '--verbose') verbose = true;
    else if (arg === '--offline') offline = true;
    else if (arg === '--no-color') continue;
    else if (arg === '--version' || arg === '-V') return { kind: 'version', globals: { verbose, offline } };
    else if (isHelpFlag(arg)) return { kind: 'help', globals: { verbose, offline }, path: [] };
    else if (arg.startsWith('-')) {
      const guess = arg.startsWith('--') ? closest(arg, ROOT_FLAGS) : undefined;
      throw new UsageError(`No such option: ${arg}${guess === undefined ? '' : `. Did you mean \`${guess}\`?`}`);
    } else break;
  }
  const globals: GlobalOptions = { verbose, offline };
  if (i >= argv.length) return { kind: 'help', globals, path: [] };
  if (argv[i] === 'help' && findCommand(tree, 'help') === undefined) return helpRoute(tree, argv.slice(i + 1), globals);

  const path: string[] = [];
  let commands = tree;
  let groupOptions: ParsedOptions = {};
  for (;;) {
    const name = argv[i]!;
    const spec = findCommand(commands, name);
    if (spec === undefined) throw noSuchCommand(name, path, commands);
    path.push(spec.name);
    i++;
    if (spec.kind === 'leaf') {
      const rest = argv.slice(i);
      if (hasHelp(rest, spec.options)) return { kind: 'help', globals, path, spec };
      return { kind: 'run', globals, path, spec, argv: rest, groupOptions };
    }
    // a group: its own (deprecated) options come before the subcommand
    const group: GroupCommandSpec = spec;
    const groupSpecs = group.options ?? [];
    const start = i;
    while (i < argv.length && argv[i]!.startsWith('-') && !isHelpFlag(argv[i]!, groupSpecs)) {
      const arg = argv[i]!;
      const eq = arg.indexOf('=');
      const head = eq === -1 ? arg : arg.slice(0, eq);
      const option = groupSpecs.find(
        (o) =>
          head === `--${o.long}` ||
          (o.aliases ?? []).some((a) => head === `--${a}`) ||
          (o.short !== undefined && head === `-${o.short}`) ||
          (o.multiShort ?? []).includes(head),
      );
      if (option === undefined) {
        i++; // parseOptions reports the unknown option
        break;
      }
      i += option.value === undefined || eq !== -1 ? 1 : 2;
    }
    if (i > start) groupOptions = { ...groupOptions, ...parseOptions(argv.slice(start, i), groupSpecs).options };
    const flagged = group.flagCommand === undefined ? undefined : groupOptions[group.flagCommand.option] === true ? group.flagCommand.command : undefined;
    if (flagged !== undefined && i >= argv.length) {
      const leaf = group.commands.find((c) => c.name === flagged);
      if (leaf?.kind === 'leaf') return { kind: 'run', globals, path: [...path, leaf.name], spec: leaf, argv: [], groupOptions: {} };
    }
    if (i >= argv.length || isHelpFlag(argv[i]!, groupSpecs)) return { kind: 'help', globals, path, spec: group };
    commands = group.commands;
  }
}

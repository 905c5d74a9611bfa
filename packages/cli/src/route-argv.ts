import type { CommandSpec, GroupCommandSpec, LeafCommandSpec, ParsedOptions } from './command-spec';
import type { GlobalOptions } from './command-context';
import { UsageError } from './errors';
import { parseOptions } from './parse-options';

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

function hasHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help') return true;
  }
  return false;
}

/**
 * Splits argv (without `node` and the script) into the root options, the
 * command path and the leaf's own argv. `-h` is not a help alias (upstream:
 * `ops logs -h` is `--hide-time`); only `--help` is.
 *
 * @throws {@link UsageError} for an unknown command or root option.
 */
export function routeArgv(tree: readonly CommandSpec[], argv: readonly string[]): Route {
  let verbose = false;
  let offline = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-v' || arg === '--verbose') verbose = true;
    else if (arg === '--offline') offline = true;
    else if (arg === '--version' || arg === '-V') return { kind: 'version', globals: { verbose, offline } };
    else if (arg === '--help') return { kind: 'help', globals: { verbose, offline }, path: [] };
    else if (arg.startsWith('-')) throw new UsageError(`No such option: ${arg}`);
    else break;
  }
  const globals: GlobalOptions = { verbose, offline };
  if (i >= argv.length) return { kind: 'help', globals, path: [] };

  const path: string[] = [];
  let commands = tree;
  let groupOptions: ParsedOptions = {};
  for (;;) {
    const name = argv[i]!;
    const spec = findCommand(commands, name);
    if (spec === undefined) {
      throw new UsageError(`No such command '${name}'.`, {
        details: [`Try 'px${path.length > 0 ? ` ${path.join(' ')}` : ''} --help' for the list of commands.`],
      });
    }
    path.push(spec.name);
    i++;
    if (spec.kind === 'leaf') {
      const rest = argv.slice(i);
      if (hasHelp(rest)) return { kind: 'help', globals, path, spec };
      return { kind: 'run', globals, path, spec, argv: rest, groupOptions };
    }
    // a group: its own (deprecated) options come before the subcommand
    const group: GroupCommandSpec = spec;
    const start = i;
    while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '--help') {
      const arg = argv[i]!;
      const eq = arg.indexOf('=');
      const head = eq === -1 ? arg : arg.slice(0, eq);
      const option = group.options?.find(
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
    if (i > start) groupOptions = { ...groupOptions, ...parseOptions(argv.slice(start, i), group.options ?? []).options };
    const flagged = group.flagCommand === undefined ? undefined : groupOptions[group.flagCommand.option] === true ? group.flagCommand.command : undefined;
    if (flagged !== undefined && i >= argv.length) {
      const leaf = group.commands.find((c) => c.name === flagged);
      if (leaf?.kind === 'leaf') return { kind: 'run', globals, path: [...path, leaf.name], spec: leaf, argv: [], groupOptions: {} };
    }
    if (i >= argv.length || argv[i] === '--help') return { kind: 'help', globals, path, spec: group };
    commands = group.commands;
  }
}

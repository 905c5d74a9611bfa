import type { CommandContext } from './command-context';

/**
 * The declarative shape of the `px` command tree: commands, groups and
 * options. The tree itself lives in `command-tree.ts`; parsing, help and
 * shell completion are all derived from it.
 */

/** One option of a command, as upstream's click declaration spells it. */
export interface OptionSpec {
  /** Primary long name without dashes, e.g. `file`; it is the key in parsed options (camelCased). */
  readonly long: string;
  /** Extra long names, e.g. `uuid` for `--uid`, `params` for `--param`. */
  readonly aliases?: readonly string[];
  /** One-letter short form without the dash, e.g. `f`. */
  readonly short?: string;
  /** Multi-letter short forms with their dash, e.g. `-pm`, `-uid`, `-HP` (rewritten to the long form before parsing). */
  readonly multiShort?: readonly string[];
  /** Name of the value in help (`<file>`); absent for boolean flags. */
  readonly value?: string;
  /** The option may be given more than once; its parsed value is then a list. */
  readonly repeatable?: boolean;
  /** One-line description shown in help. */
  readonly description: string;
  /** Allowed values, checked before the command runs. */
  readonly choices?: readonly string[];
  /** Set for upstream options px accepts but does not implement: using one fails with this reason. */
  readonly unsupported?: string;
}

/** A command that runs something. */
export interface LeafCommandSpec {
  readonly kind: 'leaf';
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  /** Positional arguments in help form, e.g. `<shell>` or `[keys...]`. */
  readonly args?: string;
  readonly options: readonly OptionSpec[];
  /** Example invocations for help, e.g. `px models ls -p acme/mnist`. */
  readonly examples?: readonly string[];
  /** The arguments are handed to the handler unparsed (commands px only points elsewhere for). */
  readonly passthrough?: boolean;
  /** Loads the handler only when this command runs. */
  readonly load: () => Promise<CommandHandler>;
}

/** A group of subcommands, e.g. `ops` or `config`. */
export interface GroupCommandSpec {
  readonly kind: 'group';
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  /** Options accepted (with a deprecation warning) on the group itself, e.g. `ops -p P ls`. */
  readonly options?: readonly OptionSpec[];
  /** A deprecated group flag that runs a subcommand, e.g. `config -l` runs `config show`. */
  readonly flagCommand?: { readonly option: string; readonly command: string };
  readonly commands: readonly CommandSpec[];
}

/** Either a leaf command or a group. */
export type CommandSpec = LeafCommandSpec | GroupCommandSpec;

/** Parsed option values: strings, booleans, or string lists for repeatable options. */
export type ParsedOptions = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** Runs a command; resolves to the exit code (`undefined` means 0). */
export type CommandHandler = (ctx: CommandContext) => Promise<number | undefined>;

/** The camelCased key of an option in {@link ParsedOptions}. */
export function optionKey(spec: OptionSpec): string {
  return spec.long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

import type { CliIo, Printer } from './cli-io';
import type { ParsedOptions } from './command-spec';

/** Options accepted before the command name: `px [-v|--verbose] [--offline] COMMAND`. */
export interface GlobalOptions {
  /** Print stack traces and debug details. */
  readonly verbose: boolean;
  /** Work offline (`POLYAXON_IS_OFFLINE=true`). */
  readonly offline: boolean;
}

/** Everything a command handler receives. */
export interface CommandContext {
  /** The command path, e.g. `['ops', 'ls']`. */
  readonly path: readonly string[];
  /** Positional arguments after the command. */
  readonly args: readonly string[];
  /** Parsed options, keyed by camelCased long name. */
  readonly options: ParsedOptions;
  readonly globals: GlobalOptions;
  /** The environment (with `POLYAXON_IS_OFFLINE` set when `--offline` was given). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory (holds the local `.polyaxon/` cache). */
  readonly cwd: string;
  /** Home directory (holds `~/.polyaxon`). */
  readonly homeDir: string;
  readonly io: CliIo;
  readonly print: Printer;
}

import { homedir } from 'node:os';
import { colorAllowed, Printer, progressAllowed, type CliIo, type TextSink } from './cli-io';
import type { CommandContext } from './command-context';
import { optionKey, type ParsedOptions } from './command-spec';
import { CliError, UsageError } from './errors';
import { COMMAND_TREE, ROOT_OPTIONS } from './command-tree';
import { checkPositionals, parseOptions } from './parse-options';
import { routeArgv } from './route-argv';
import { VERSION } from './version';

/** Inputs of {@link runCli}; everything defaults to the current process. */
export interface RunCliOptions {
  /** Arguments after the program name, e.g. `['ops', 'ls']`. */
  readonly argv: readonly string[];
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly homeDir?: string;
  readonly stdout?: TextSink;
  readonly stderr?: TextSink;
  /** Answers prompts (default: reads a line from stdin when it is a TTY). */
  readonly prompt?: CliIo['prompt'];
}

function mergeGroupOptions(own: ParsedOptions, group: ParsedOptions): ParsedOptions {
  const merged: Record<string, ParsedOptions[string]> = { ...group };
  for (const [key, value] of Object.entries(own)) if (value !== undefined) merged[key] = value;
  return merged;
}

/**
 * Runs one `px` command line and resolves to its exit code: 0 on success,
 * 1 for handled errors, 2 for usage errors (as upstream's click CLI).
 *
 * @example
 * ```ts
 * const code = await runCli({ argv: ['check', '-f', 'polyaxonfile.yaml', '-o', 'json'] });
 * ```
 */
export async function runCli(options: RunCliOptions): Promise<number> {
  const env = options.env ?? process.env;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // `--no-color` is accepted anywhere before `--`
  const end = options.argv.indexOf('--');
  const head = end === -1 ? options.argv : options.argv.slice(0, end);
  const noColor = head.includes('--no-color');
  const argv = noColor ? [...head.filter((a) => a !== '--no-color'), ...(end === -1 ? [] : options.argv.slice(end))] : options.argv;
  const io: CliIo = {
    stdout,
    stderr,
    prompt: options.prompt ?? (async (question, opts) => (await import('./prompt')).promptLine(question, opts)),
    color: colorAllowed(stdout, env, noColor),
    colorErr: colorAllowed(stderr, env, noColor),
    progress: progressAllowed(stderr, env),
  };
  const print = new Printer(io);
  let verbose = false;
  try {
    const route = routeArgv(COMMAND_TREE, argv);
    verbose = route.globals.verbose;
    if (route.kind === 'version') {
      print.line(VERSION);
      return 0;
    }
    if (route.kind === 'help') {
      const spec = route.spec;
      // help text (and its examples and width measuring) loads only when asked for
      const { groupHelp, leafHelp, rootHelp } = await import('./help');
      const width = stdout.columns;
      const text =
        spec === undefined ? rootHelp(COMMAND_TREE, ROOT_OPTIONS, width) : spec.kind === 'group' ? groupHelp(route.path, spec, width) : leafHelp(route.path, spec, width);
      stdout.write(text);
      return 0;
    }
    const parsed = route.spec.passthrough === true ? { args: route.argv, options: {} } : parseOptions(route.argv, route.spec.options);
    if (route.spec.passthrough !== true) checkPositionals(parsed.args, route.spec);
    for (const spec of route.spec.options) {
      if (spec.unsupported !== undefined && parsed.options[optionKey(spec)] !== undefined) {
        throw new CliError(`The option \`--${spec.long}\` of \`px ${route.path.join(' ')}\` is not supported by px: ${spec.unsupported}`);
      }
    }
    if (Object.values(route.groupOptions).some((v) => v !== undefined)) {
      print.warning('Passing arguments to command groups is deprecated and will be removed in v2! Please pass them to the command itself.');
    }
    const ctx: CommandContext = {
      path: route.path,
      args: parsed.args,
      options: mergeGroupOptions(parsed.options, route.groupOptions),
      globals: route.globals,
      env: route.globals.offline ? { ...env, POLYAXON_IS_OFFLINE: 'true' } : env,
      cwd: options.cwd ?? process.cwd(),
      homeDir: options.homeDir ?? env.HOME ?? homedir(),
      io,
      print,
    };
    const handler = await route.spec.load();
    return (await handler(ctx)) ?? 0;
  } catch (error) {
    const debug = verbose || isTruthy(env.POLYAXON_DEBUG) || (!(error instanceof UsageError) && (await debugInClientConfig(env, options)));
    const { printError } = await import('./print-error');
    return printError(error, { print, verbose: debug, stderr });
  }
}

/** Whether the client config enables debug output (`px config set --debug=true`). */
async function debugInClientConfig(env: Readonly<Record<string, string | undefined>>, options: RunCliOptions): Promise<boolean> {
  try {
    const { resolveContext } = await import('@px/context');
    return resolveContext({ env, cwd: options.cwd ?? process.cwd(), homeDir: options.homeDir ?? env.HOME ?? homedir() }).debug.value;
  } catch {
    return false;
  }
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 't', 'yes', 'y', 'on'].includes(value.trim().toLowerCase());
}

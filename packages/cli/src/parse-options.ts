import { optionKey, type OptionSpec, type ParsedOptions } from './command-spec';
import { UsageError } from './errors';
import { closest } from './suggest';

/** The positional arguments and options of one command line. */
export interface ParsedLine {
  readonly args: readonly string[];
  readonly options: ParsedOptions;
}

interface Lookup {
  readonly byLong: Map<string, OptionSpec>;
  readonly byShort: Map<string, OptionSpec>;
  readonly byMultiShort: Map<string, OptionSpec>;
}

function buildLookup(specs: readonly OptionSpec[]): Lookup {
  const byLong = new Map<string, OptionSpec>();
  const byShort = new Map<string, OptionSpec>();
  const byMultiShort = new Map<string, OptionSpec>();
  for (const spec of specs) {
    for (const name of [spec.long, ...(spec.aliases ?? [])]) byLong.set(name, spec);
    if (spec.short !== undefined) byShort.set(spec.short, spec);
    for (const multi of spec.multiShort ?? []) byMultiShort.set(multi, spec);
  }
  return { byLong, byShort, byMultiShort };
}

/** `No such option: --limt. Did you mean `--limit`?` (the closest spelling of the command's options). */
function noSuchOption(given: string, specs: readonly OptionSpec[]): UsageError {
  const spellings = specs.flatMap((o) => [`--${o.long}`, ...(o.aliases ?? []).map((a) => `--${a}`), ...(o.short === undefined ? [] : [`-${o.short}`]), ...(o.multiShort ?? [])]);
  // a one-letter typo (`-z`) is as close to every other letter: no guess
  const guess = given.length <= 2 ? undefined : closest(given, given.startsWith('--') ? spellings.filter((s) => s.startsWith('--')) : spellings);
  return new UsageError(`No such option: ${given}${guess === undefined ? '' : `. Did you mean \`${guess}\`?`}`);
}

function store(options: Record<string, string | boolean | string[] | undefined>, spec: OptionSpec, value: string | boolean): void {
  const key = optionKey(spec);
  if (typeof value === 'string' && spec.repeatable === true) {
    const list = options[key];
    options[key] = Array.isArray(list) ? [...list, value] : [value];
  } else {
    options[key] = value;
  }
}

/**
 * Parses the argv of one command against its option specs, the way click
 * does: `--long value`, `--long=value`, `-s value`, `-svalue`, grouped
 * flags (`-yv`), upstream's multi-letter short forms (`-pm`, `-uid`,
 * `-u-from`), repeatable options collected into lists, and `--` ending the
 * options. Values always stay strings (a uuid such as `1234e5` is never
 * turned into a number) and a value may start with `-`.
 *
 * @throws {@link UsageError} for an unknown option, a missing value, a value
 * given to a flag, or a value outside `choices`.
 */
export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): ParsedLine {
  const lookup = buildLookup(specs);
  const options: Record<string, string | boolean | string[] | undefined> = {};
  const args: string[] = [];

  const takeValue = (spec: OptionSpec, flag: string, inline: string | undefined, index: number): [string, number] => {
    if (inline !== undefined) return [inline, index];
    if (index + 1 >= argv.length) throw new UsageError(`Option '${flag}' requires an argument.`);
    return [argv[index + 1]!, index + 1];
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const head = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);

    const multi = lookup.byMultiShort.get(head);
    const long = arg.startsWith('--') ? lookup.byLong.get(head.slice(2)) : undefined;
    const spec = multi ?? long;
    if (spec !== undefined) {
      if (spec.value === undefined) {
        if (inline !== undefined) throw new UsageError(`Option '${head}' does not take a value.`);
        store(options, spec, true);
      } else {
        const [value, next] = takeValue(spec, head, inline, i);
        i = next;
        store(options, spec, value);
      }
      continue;
    }
    if (arg.startsWith('--')) throw noSuchOption(head, specs);

    // one or more single-letter short options: `-y`, `-yv`, `-fjob.yaml`, `-f job.yaml`
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!;
      const short = lookup.byShort.get(letter);
      if (short === undefined) throw noSuchOption(j === 1 ? head : `-${letter}`, specs);
      if (short.value === undefined) {
        store(options, short, true);
        continue;
      }
      const rest = arg.slice(j + 1);
      const [value, next] = takeValue(short, `-${letter}`, rest === '' ? undefined : rest.replace(/^=/, ''), i);
      i = next;
      store(options, short, value);
      break;
    }
  }

  for (const spec of specs) {
    if (spec.choices === undefined) continue;
    const value = options[optionKey(spec)];
    for (const v of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) {
      if (!spec.choices.includes(v)) {
        throw new UsageError(`Invalid value for '--${spec.long}': '${v}' is not one of ${spec.choices.map((c) => `'${c}'`).join(', ')}.`);
      }
    }
  }
  return { args, options };
}

/**
 * How many positional arguments a command takes, from its help form:
 * none without `args`, one per `<name>`, unlimited with `...`.
 */
export function maxPositionals(args: string | undefined): number {
  if (args === undefined) return 0;
  if (args.includes('...')) return Number.POSITIVE_INFINITY;
  return args.split(/\s+/).filter((a) => a !== '').length;
}

/**
 * Refuses positional arguments a command does not take, as click does.
 *
 * @throws {@link UsageError} `Got unexpected extra argument (x)` (exit 2).
 */
export function checkPositionals(args: readonly string[], spec: { readonly args?: string }): void {
  const max = maxPositionals(spec.args);
  if (args.length <= max) return;
  const extra = args.slice(max);
  throw new UsageError(`Got unexpected extra argument${extra.length > 1 ? 's' : ''} (${extra.join(' ')})`);
}
